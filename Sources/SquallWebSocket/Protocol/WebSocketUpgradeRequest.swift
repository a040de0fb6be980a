// A client's upgrade request that passed validation, and the server's
// answer to it: the chosen subprotocol (Tornado's `select_subprotocol`),
// the negotiated compression and the 101 response headers.

/// A valid WebSocket upgrade request, from `WebSocketHandshake.validateRequest`.
public struct WebSocketUpgradeRequest: Sendable {
    /// The client's Sec-WebSocket-Key.
    public let key: String
    /// The subprotocols the client offered (Sec-WebSocket-Protocol), in its
    /// order of preference; empty if none.
    public let protocols: [String]
    /// The client's extension offers (Sec-WebSocket-Extensions) in order;
    /// empty if none or if the header was malformed.
    public let extensions: [WebSocketExtension]

    /// The server's answer to an upgrade request.
    public struct Acceptance: Sendable {
        /// Headers for the `101 Switching Protocols` response, in order.
        public let headers: [(name: String, value: String)]
        /// The subprotocol agreed on, if any.
        public let subprotocol: String?
        /// The negotiated compression, or `nil` for none; pass it to
        /// `WebSocketStateMachine.init`.
        public let compression: PerMessageDeflateParameters?
    }

    /// Accepts the request.
    /// - Parameters:
    ///   - subprotocol: the subprotocol chosen from `protocols`, or `nil`.
    ///   - compression: the server's compression options, or `nil` to
    ///     decline compression whatever the client offered.
    /// - Throws: status 500 if `subprotocol` is not one the client offered
    ///   (answering with it would make the client fail the connection).
    public func accept(subprotocol: String? = nil, compression: WebSocketCompressionOptions? = nil) throws(WebSocketHandshakeError) -> Acceptance {
        var headers: [(name: String, value: String)] = [
            ("Upgrade", "websocket"),
            ("Connection", "Upgrade"),
            ("Sec-WebSocket-Accept", WebSocketHandshake.acceptValue(forKey: key)),
        ]
        if let subprotocol {
            guard protocols.contains(subprotocol) else {
                throw WebSocketHandshakeError(status: 500, "the selected subprotocol \"\(subprotocol)\" was not offered by the client")
            }
            headers.append(("Sec-WebSocket-Protocol", subprotocol))
        }
        let negotiated = compression.flatMap { PerMessageDeflate.negotiate(offers: extensions, options: $0) }
        if let negotiated {
            headers.append(("Sec-WebSocket-Extensions", negotiated.response.headerValue))
        }
        return Acceptance(headers: headers, subprotocol: subprotocol, compression: negotiated?.parameters)
    }
}
