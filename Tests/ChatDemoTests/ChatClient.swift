// A chat participant for tests, using Squall's own WebSocket client: connect
// to /chatsocket, send frames, and read the next frame of a given type,
// skipping the others (welcome and presence frames arrive at their own pace).
import Foundation
import Squall
import SquallTesting

/// A frame as received: its text and its parsed JSON.
struct ReceivedFrame: Sendable {
    /// The raw text of the frame.
    let text: String
    /// The parsed frame.
    let json: JSONValue

    /// The member `key` of the frame.
    subscript(key: String) -> JSONValue? { json[key] }
}

/// One WebSocket connection to a ChatDemo. Loop thread only.
@IOLoopActor
final class ChatClient {
    let socket: WebSocketClientConnection
    /// Every frame received so far, in order.
    private(set) var received: [ReceivedFrame] = []
    private var nextUnread = 0

    private init(socket: WebSocketClientConnection) {
        self.socket = socket
    }

    /// Connects to `demo`'s /chatsocket with extra request `headers` (cookies, Origin).
    static func connect(to demo: ChatDemoProcess, headers: [(String, String)] = []) async throws -> ChatClient {
        ChatClient(socket: try await websocketConnect(demo.webSocketURL(), headers: headers))
    }

    /// Sends one text frame.
    func send(_ text: String) throws {
        try socket.writeMessage(text)
    }

    /// Sends one binary frame.
    func sendBinary(_ bytes: [UInt8]) throws {
        try socket.writeMessage(bytes)
    }

    /// Sends `{"body": body}`.
    func say(_ body: String) throws {
        try send(JSONValue.object(["body": .string(body)]).description)
    }

    /// Says each of `bodies` in turn, waiting for each to come back; returns their ids.
    func post(_ bodies: [String]) async throws -> [String] {
        var ids: [String] = []
        for body in bodies {
            try say(body)
            guard let id = try await next("message")["id"]?.string else { throw TestClientError("a message without an id") }
            ids.append(id)
        }
        return ids
    }

    /// The next unread frame whose "type" is `type`, waiting up to `timeout` seconds.
    ///
    /// - Throws: `TestClientError` when the connection closes or time runs out.
    func next(_ type: String, timeout: Double = 30) async throws -> ReceivedFrame {
        let deadline = IOLoop.current.time() + timeout
        while true {
            while nextUnread < received.count {
                let frame = received[nextUnread]
                nextUnread += 1
                if frame["type"]?.string == type { return frame }
            }
            guard let text = try await nextText(until: deadline) else {
                throw TestClientError("no \(type) frame within \(timeout) s; got \(received.map(\.text))")
            }
            received.append(ReceivedFrame(text: text, json: try JSONValue(parsing: text)))
        }
    }

    /// Reads one raw text frame, or nil when the connection closed or the deadline passed.
    func nextText(until deadline: Double) async throws -> String? {
        // readMessage has no timeout of its own: closing the socket at the
        // deadline makes it return nil.
        let timer = IOLoop.current.callLater(max(0, deadline - IOLoop.current.time())) { [socket] in
            socket.close()
        }
        defer { timer.cancel() }
        while let message = await socket.readMessage() {
            if case .text(let text) = message { return text }
        }
        return nil
    }

    /// Closes the connection.
    func close() {
        socket.close()
    }
}
