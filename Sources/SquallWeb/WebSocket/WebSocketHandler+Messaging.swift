// Talking to the client: messages (text, binary, JSON), pings, the close
// handshake, and broadcasting one message to many connections with the frame
// encoded once. Writes queue at once and never block; the returned
// `WebSocketWrite` can be awaited for back-pressure. A client whose queue passes
// `websocketMaxWriteBufferSize` is disconnected as too slow.
import Foundation
import SquallIO
import SquallWebSocket

@IOLoopActor
extension WebSocketHandler {
    /// Sends a text message (Tornado's `write_message(str)`).
    ///
    /// - Returns: a handle to `wait()` on until the bytes reach the kernel.
    /// - Throws: `WebSocketClosedError` before `open()`, once closing or closed,
    ///   or when this write finds the client too slow (it is then disconnected).
    @discardableResult
    public func writeMessage(_ text: String) throws(WebSocketClosedError) -> WebSocketWrite {
        try openConnection().send(text: text)
    }

    /// Sends a binary message (Tornado's `write_message(bytes, binary=True)`).
    ///
    /// - Throws: `WebSocketClosedError` as `writeMessage(_:)` for text.
    @discardableResult
    public func writeMessage(_ data: [UInt8]) throws(WebSocketClosedError) -> WebSocketWrite {
        try openConnection().send(binary: data)
    }

    /// Sends `value` encoded as compact JSON with sorted keys, as a text message
    /// (Tornado's `write_message(dict)`).
    ///
    /// - Throws: the encoder's `EncodingError`, or `WebSocketClosedError`.
    @discardableResult
    public func writeMessage<Value: Encodable>(json value: Value) throws -> WebSocketWrite {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return try writeMessage(String(decoding: try encoder.encode(value), as: UTF8.self))
    }

    /// Sends a ping; the client's pong arrives in `onPong`. Pings also go out on
    /// their own when the `websocketPingInterval` setting is set.
    ///
    /// - Throws: `WebSocketClosedError` when not open; `WebSocketSendError`
    ///   `.controlPayloadTooLong` for more than 125 bytes.
    public func ping(_ data: [UInt8] = []) throws {
        try openConnection().ping(data)
    }

    /// Starts the closing handshake (Tornado's `close(code, reason)`): sends a
    /// close frame, then closes the TCP connection when the client answers or
    /// after 5 seconds. `onClose` follows. Does nothing if already closing.
    ///
    /// - Parameters:
    ///   - code: the status code (default 1000), or nil to send none.
    ///   - reason: a short explanation, cut to the 123 bytes that fit.
    public func close(code: WebSocketCloseCode? = .normalClosure, reason: String = "") {
        connection?.close(code: code, reason: reason)
    }

    /// The status code of the client's close frame (1005 if it sent none); nil
    /// if it has not sent one (Tornado's `close_code`).
    public var closeCode: WebSocketCloseCode? { connection?.peerCloseCode }

    /// The reason in the client's close frame ("" if none); nil if it has not
    /// sent one (Tornado's `close_reason`).
    public var closeReason: String? { connection?.peerCloseReason }

    /// Sends one text message to every handler in `handlers` whose connection is
    /// open, encoding the frame once and queuing the same bytes on each (compressed
    /// connections share it too when they use `serverNoContextTakeover`).
    /// Closed handlers are skipped; too slow ones are disconnected.
    ///
    /// - Returns: how many connections the message was queued on.
    @discardableResult
    public static func broadcast<Handlers: Sequence>(_ text: String, to handlers: Handlers) -> Int
    where Handlers.Element: WebSocketHandler {
        broadcast(WebSocketPreparedMessage(text: text), to: handlers)
    }

    /// Sends one binary message to every open handler in `handlers`; see the
    /// text form.
    @discardableResult
    public static func broadcast<Handlers: Sequence>(_ data: [UInt8], to handlers: Handlers) -> Int
    where Handlers.Element: WebSocketHandler {
        broadcast(WebSocketPreparedMessage(binary: data), to: handlers)
    }

    /// Sends a prepared message to every open handler in `handlers`; see the
    /// text form.
    @discardableResult
    public static func broadcast<Handlers: Sequence>(_ message: WebSocketPreparedMessage, to handlers: Handlers) -> Int
    where Handlers.Element: WebSocketHandler {
        var message = message
        var queued = 0
        for handler in handlers {
            guard let connection = handler.connection else { continue }
            if (try? connection.send(prepared: &message)) != nil { queued += 1 }
        }
        return queued
    }

    private func openConnection() throws(WebSocketClosedError) -> WebSocketConnection {
        guard let connection else { throw WebSocketClosedError("the WebSocket is not open yet") }
        return connection
    }
}
