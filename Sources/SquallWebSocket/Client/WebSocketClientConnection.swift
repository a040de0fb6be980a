// The client end of a WebSocket (Tornado's `WebSocketClientConnection`), made by
// `websocketConnect`. Messages are read with `readMessage()`; a few are buffered
// and then reading pauses, so a slow reader holds the server back through TCP
// instead of growing memory. Pings from the server are answered automatically.
import SquallIO

/// An open client WebSocket. Loop thread only; close it when done (an open
/// connection stays open even when this object is no longer referenced).
///
/// ```swift
/// let ws = try await websocketConnect("ws://127.0.0.1:8888/echo")
/// try ws.writeMessage("hello")
/// while let message = await ws.readMessage() { print(message) }
/// ```
@IOLoopActor
public final class WebSocketClientConnection {
    /// Messages buffered before reading pauses.
    private static let bufferedMessageLimit = 32

    private let connection: WebSocketConnection
    /// The subprotocol the server selected, if any.
    public let selectedSubprotocol: String?
    /// The negotiated permessage-deflate parameters, or nil when uncompressed.
    public let compression: PerMessageDeflateParameters?
    private var received: [WebSocketMessage] = []
    private var receivedHead = 0
    private var readers: [CheckedContinuation<WebSocketMessage?, Never>] = []
    private var isClosed = false

    init(stream: IOStream, machine: consuming WebSocketStateMachine, selectedSubprotocol: String?,
         compression: PerMessageDeflateParameters?) {
        self.selectedSubprotocol = selectedSubprotocol
        self.compression = compression
        connection = WebSocketConnection(stream: stream, machine: machine, options: WebSocketConnectionOptions())
        connection.delegate = self
        connection.resumeReading()
    }

    /// The next message, waiting for one to arrive; nil once the connection is
    /// closed and every message received before the close has been read. Several
    /// readers are served in call order. The wait ends only with a message or the
    /// close (task cancellation does not end it: `close()` does).
    public func readMessage() async -> WebSocketMessage? {
        if receivedHead < received.count {
            let message = received[receivedHead]
            receivedHead += 1
            if receivedHead == received.count {
                received.removeAll(keepingCapacity: true)
                receivedHead = 0
            }
            if !isClosed && received.count - receivedHead < Self.bufferedMessageLimit { connection.resumeReading() }
            return message
        }
        if isClosed { return nil }
        return await withCheckedContinuation { readers.append($0) }
    }

    /// Sends a text message.
    /// - Returns: a handle to `wait()` on until the bytes reach the kernel.
    /// - Throws: `WebSocketClosedError` once closing or closed.
    @discardableResult
    public func writeMessage(_ text: String) throws(WebSocketClosedError) -> WebSocketWrite {
        try connection.send(text: text)
    }

    /// Sends a binary message.
    /// - Throws: `WebSocketClosedError` once closing or closed.
    @discardableResult
    public func writeMessage(_ data: [UInt8]) throws(WebSocketClosedError) -> WebSocketWrite {
        try connection.send(binary: data)
    }

    /// Sends a ping (at most 125 bytes).
    /// - Throws: `WebSocketClosedError` once closing or closed;
    ///   `WebSocketSendError` `.controlPayloadTooLong` above 125 bytes.
    public func ping(_ data: [UInt8] = []) throws {
        try connection.ping(data)
    }

    /// Starts the closing handshake: sends a close frame; the connection closes
    /// when the server answers (or after 5 s). `readMessage()` then returns nil.
    public func close(code: WebSocketCloseCode? = .normalClosure, reason: String = "") {
        connection.close(code: code, reason: reason)
    }

    /// The status code of the server's close frame (1005 if none); nil if the
    /// server has not sent one.
    public var closeCode: WebSocketCloseCode? { connection.peerCloseCode }

    /// The reason in the server's close frame ("" if none); nil if it has not sent one.
    public var closeReason: String? { connection.peerCloseReason }
}

extension WebSocketClientConnection: WebSocketConnectionDelegate {
    package func webSocket(_ connection: WebSocketConnection, didReceive message: WebSocketMessage) {
        if !readers.isEmpty {
            readers.removeFirst().resume(returning: message)
            return
        }
        received.append(message)
        if received.count - receivedHead >= Self.bufferedMessageLimit { connection.pauseReading() }
    }

    package func webSocket(_ connection: WebSocketConnection, didReceivePing payload: [UInt8]) {}

    package func webSocket(_ connection: WebSocketConnection, didReceivePong payload: [UInt8]) {}

    package func webSocketDidClose(_ connection: WebSocketConnection) {
        isClosed = true
        let waiting = readers
        readers = []
        for reader in waiting { reader.resume(returning: nil) }
    }
}
