// The client side of the opening handshake (RFC 6455 §4.1): the headers to
// send with a GET upgrade request, and the checks on the server's answer
// that §4.1 requires before the connection may be used — status 101, the
// Upgrade/Connection tokens, the exact Sec-WebSocket-Accept value, and only
// subprotocols and extensions that were offered.

/// One client handshake attempt: its random key and what it offers.
public struct WebSocketClientHandshake: Sendable {
    /// The Sec-WebSocket-Key sent (16 random bytes, base64).
    public let key: String
    /// Subprotocols offered, in order of preference.
    public let protocols: [String]
    /// Compression to offer, or `nil` for none.
    public let compression: WebSocketCompressionOptions?

    /// What the server agreed to.
    public struct Result: Sendable, Equatable {
        /// The subprotocol the server selected, if any.
        public let subprotocol: String?
        /// Negotiated compression (pass to `WebSocketStateMachine.init`), or `nil`.
        public let compression: PerMessageDeflateParameters?
    }

    /// Prepares a handshake with a fresh random key, or with `key` if given
    /// (tests, reproducible traces).
    public init(protocols: [String] = [], compression: WebSocketCompressionOptions? = nil, key: String? = nil) {
        self.key = key ?? WebSocketHandshake.generateKey()
        self.protocols = protocols
        self.compression = compression
    }

    /// Headers to add to the GET request (besides Host and any Origin).
    public var requestHeaders: [(name: String, value: String)] {
        var headers: [(name: String, value: String)] = [
            ("Upgrade", "websocket"),
            ("Connection", "Upgrade"),
            ("Sec-WebSocket-Key", key),
            ("Sec-WebSocket-Version", WebSocketHandshake.version),
        ]
        if !protocols.isEmpty { headers.append(("Sec-WebSocket-Protocol", protocols.joined(separator: ", "))) }
        if let compression { headers.append(("Sec-WebSocket-Extensions", PerMessageDeflate.offer(compression).headerValue)) }
        return headers
    }

    /// Checks the server's response.
    /// - Parameters:
    ///   - status: the response status code.
    ///   - header: looks up a response header by name (case-insensitive),
    ///     all lines joined with ", ", or `nil` if absent.
    /// - Throws: a `WebSocketHandshakeError` (carrying `status`) saying what
    ///   was wrong; the connection must then be closed.
    public func validateResponse(status: Int, header: (String) -> String?) throws(WebSocketHandshakeError) -> Result {
        func failure(_ message: String) -> WebSocketHandshakeError { WebSocketHandshakeError(status: status, message) }
        guard status == 101 else { throw failure("the server answered \(status) instead of 101 Switching Protocols") }
        guard WebSocketHandshake.hasToken("websocket", in: header("Upgrade")) else {
            throw failure("the response's Upgrade header does not contain websocket")
        }
        guard WebSocketHandshake.hasToken("upgrade", in: header("Connection")) else {
            throw failure("the response's Connection header does not contain upgrade")
        }
        guard header("Sec-WebSocket-Accept") == WebSocketHandshake.acceptValue(forKey: key) else {
            throw failure("Sec-WebSocket-Accept does not match the key sent")
        }
        let subprotocol = header("Sec-WebSocket-Protocol")
        if let subprotocol, !protocols.contains(subprotocol) {
            throw failure("the server selected the subprotocol \"\(subprotocol)\", which was not offered")
        }
        guard let extensions = WebSocketExtension.parseList(header("Sec-WebSocket-Extensions") ?? "") else {
            throw failure("the response's Sec-WebSocket-Extensions header is malformed")
        }
        guard let compression else {
            guard extensions.isEmpty else { throw failure("the server accepted extensions that were not offered") }
            return Result(subprotocol: subprotocol, compression: nil)
        }
        do {
            return Result(subprotocol: subprotocol, compression: try PerMessageDeflate.accept(extensions, offered: compression))
        } catch {
            throw failure(error.reason)
        }
    }
}
