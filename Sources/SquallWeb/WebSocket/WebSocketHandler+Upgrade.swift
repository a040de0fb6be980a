// The opening handshake on the server (Tornado's `WebSocketHandler.get` and
// `accept_connection`): validate the upgrade request, check the origin, choose a
// subprotocol and compression, write the 101 straight to the connection, then take
// the TCP stream over from the HTTP server and start the WebSocket on it.
import SquallCore
import SquallHTTP
import SquallIO
import SquallWebSocket

@IOLoopActor
extension WebSocketHandler {
    /// Validates the request and switches the connection to WebSocket, or answers
    /// with the handshake error's status.
    func upgrade() throws {
        let upgradeRequest: WebSocketUpgradeRequest
        let acceptance: WebSocketUpgradeRequest.Acceptance
        let compression = getCompressionOptions()
        do throws(WebSocketHandshakeError) {
            upgradeRequest = try WebSocketHandshake.validateRequest(
                method: request.method.rawValue, httpVersion: request.version.description) { request.headers[$0] }
            // As Tornado: browsers send Origin (old ones Sec-WebSocket-Origin); other clients may send neither.
            if let origin = request.headers["Origin"] ?? request.headers["Sec-WebSocket-Origin"], !checkOrigin(origin) {
                throw WebSocketHandshakeError(status: 403, "Cross origin websockets not allowed")
            }
            acceptance = try upgradeRequest.accept(subprotocol: selectSubprotocol(upgradeRequest.protocols),
                                                   compression: compression)
        } catch {
            if error.status >= 500 { Log.app.error("WebSocket handshake for \(request.uri) failed: \(error.message)") }
            return rejectHandshake(error)
        }
        let settings = application.settings
        let configuration = WebSocketConfiguration(role: .server, maxMessageSize: settings.websocketMaxMessageSize,
                                                   compression: compression)
        let machine = try WebSocketStateMachine(configuration: configuration, compression: acceptance.compression)
        // Headers set in prepare() (cookies, say) go out with the 101, as in Tornado.
        var head = HTTPResponseHead(status: .switchingProtocols, headers: headers)
        _ = head.headers.remove("Content-Type")
        for (name, value) in acceptance.headers { try head.headers.add(name, value) }
        var bytes: [UInt8] = []
        head.write(into: &bytes)
        do {
            try request.writeRaw(bytes)
        } catch {
            // The client is already gone; the HTTP server has noticed it too.
            finished = true
            return
        }
        let stream = request.detachStream()
        try setStatus(101)
        finished = true
        selectedSubprotocol = acceptance.subprotocol
        let connection = WebSocketConnection(stream: stream, machine: machine, options: connectionOptions(settings))
        connection.delegate = self
        self.connection = connection
        onFinish()
        application.logRequest(self)
        runOpen(on: connection)
    }

    private func connectionOptions(_ settings: ApplicationSettings) -> WebSocketConnectionOptions {
        var options = WebSocketConnectionOptions()
        options.maxWriteBufferSize = settings.websocketMaxWriteBufferSize
        options.pingInterval = settings.websocketPingInterval
        options.pingTimeout = settings.websocketPingTimeout
        options.closeTimeout = settings.websocketCloseTimeout
        return options
    }

    /// Answers a failed handshake with its status, headers and reason (plain
    /// text, as Tornado's `finish(log_msg)`).
    private func rejectHandshake(_ error: WebSocketHandshakeError) {
        clear()
        try? setStatus(error.status)
        try? setHeader("Content-Type", "text/plain; charset=UTF-8")
        for (name, value) in error.headers { try? setHeader(name, value) }
        finish(error.message + "\n")
    }

    /// Calls `open()`, then starts reading messages (the HTTP server paused the
    /// stream; frames the client sent right after its request are waiting).
    private func runOpen(on connection: WebSocketConnection) {
        do {
            try open()
        } catch is RequiresAsync {
            if !Self.inheritsAsync(.open, type(of: self)) {
                Task.immediate {
                    do { try await self.open() } catch { self.hookFailed(error) }
                    connection.resumeReading()
                }
                return
            }
        } catch {
            hookFailed(error)
        }
        connection.resumeReading()
    }
}
