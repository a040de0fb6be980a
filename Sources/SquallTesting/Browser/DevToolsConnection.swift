// DevToolsConnection: the Chrome DevTools Protocol over one WebSocket, opened
// with Squall's own client. A command is `{"id", "method", "params"}` and its
// reply carries the same id; events carry a "method" instead. Pages are reached
// through flattened sessions: a command or event for a page has its
// "sessionId", so one socket serves the whole browser.
import SquallIO
import SquallWebSocket

/// One CDP connection to a browser. Loop thread only.
@IOLoopActor
final class DevToolsConnection {
    /// Receives the events of one session: the method and its params.
    typealias EventListener = @IOLoopActor (_ method: String, _ params: JSONValue) -> Void

    private struct PendingCommand {
        let method: String
        let continuation: CheckedContinuation<Result<JSONValue, BrowserError>, Never>
    }

    private let socket: WebSocketClientConnection
    private var nextID = 0
    private var pending: [Int: PendingCommand] = [:]
    private var listeners: [String: EventListener] = [:]
    private var closedReason: String?

    private init(socket: WebSocketClientConnection) {
        self.socket = socket
    }

    /// Connects to the browser's DevTools WebSocket and starts reading.
    ///
    /// - Throws: `BrowserError` when the WebSocket cannot be opened.
    static func connect(to url: String) async throws(BrowserError) -> DevToolsConnection {
        let socket: WebSocketClientConnection
        do {
            // Screenshots arrive as one base64 message of several MiB.
            socket = try await websocketConnect(url, maxMessageSize: 256 * 1024 * 1024)
        } catch {
            throw BrowserError("could not open the DevTools WebSocket \(url): \(error)")
        }
        let connection = DevToolsConnection(socket: socket)
        Task { await connection.readReplies() }
        return connection
    }

    /// Sends a command (to a page when `session` is given) and waits for its result.
    ///
    /// - Throws: `BrowserError` with the browser's error message, when there is
    ///   no reply within `timeout` seconds, or when the connection is closed.
    func send(_ method: String, _ params: JSONValue = [:], session: String? = nil,
              timeout: Double = 30) async throws(BrowserError) -> JSONValue {
        if let closedReason { throw BrowserError("\(method): \(closedReason)") }
        nextID += 1
        let id = nextID
        var command: [String: JSONValue] = ["id": .number(Double(id)), "method": .string(method), "params": params]
        if let session { command["sessionId"] = .string(session) }
        do {
            try socket.writeMessage(JSONValue.object(command).description)
        } catch {
            throw BrowserError("\(method): could not send: \(error)")
        }
        let timer = IOLoop.current.callLater(timeout) { [self] in
            complete(id, .failure(BrowserError("\(method) got no reply within \(timeout) s")))
        }
        defer { timer.cancel() }
        let result = await withCheckedContinuation { continuation in
            pending[id] = PendingCommand(method: method, continuation: continuation)
        }
        return try result.get()
    }

    /// Delivers the events of `session` to `listener` (replacing any earlier one).
    func listen(to session: String, _ listener: @escaping EventListener) {
        listeners[session] = listener
    }

    /// Stops delivering the events of `session`.
    func stopListening(to session: String) {
        listeners[session] = nil
    }

    /// Closes the WebSocket; commands still waiting fail.
    func close() {
        socket.close()
    }

    private func complete(_ id: Int, _ result: Result<JSONValue, BrowserError>) {
        pending.removeValue(forKey: id)?.continuation.resume(returning: result)
    }

    private func readReplies() async {
        while let message = await socket.readMessage() {
            guard case .text(let text) = message, let value = try? JSONValue(parsing: text) else { continue }
            if let id = value["id"]?.int {
                if let error = value["error"] {
                    let method = pending[id]?.method ?? "command \(id)"
                    complete(id, .failure(BrowserError("\(method) failed: \(error["message"]?.string ?? error.description)")))
                } else {
                    complete(id, .success(value["result"] ?? [:]))
                }
            } else if let method = value["method"]?.string, let session = value["sessionId"]?.string {
                listeners[session]?(method, value["params"] ?? [:])
            }
        }
        closedReason = "the DevTools connection is closed"
        for id in pending.keys { complete(id, .failure(BrowserError("the browser closed the DevTools connection"))) }
    }
}
