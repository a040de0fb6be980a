// The server side of the WebSocket opening handshake (RFC 6455 §4.2): check
// that an HTTP request is a valid upgrade to WebSocket version 13, then
// answer 101 with the Sec-WebSocket-Accept value proving the key was read.
// Errors say which header was wrong and carry the status to answer:
// 405 (with `Allow: GET`) for other methods, 426 (with
// `Sec-WebSocket-Version: 13`) for other versions, 400 for the rest.

import SquallCore

/// Opening-handshake helpers shared by server and client.
public enum WebSocketHandshake {
    /// The GUID RFC 6455 §1.3 appends to the key before hashing.
    public static let guid = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11"
    /// The only protocol version defined by RFC 6455.
    public static let version = "13"

    /// `base64(SHA-1(key + GUID))`, the Sec-WebSocket-Accept value for `key`.
    public static func acceptValue(forKey key: String) -> String {
        Base64.encode(SHA1.hash((key + guid).utf8))
    }

    /// `true` if `key` is the base64 encoding of exactly 16 bytes, as a
    /// Sec-WebSocket-Key must be (RFC 6455 §4.1).
    public static func isValidKey(_ key: String) -> Bool {
        key.utf8.count == 24 && Base64.decode(key)?.count == 16
    }

    /// A fresh random Sec-WebSocket-Key for a client request.
    public static func generateKey() -> String {
        var generator = SystemRandomNumberGenerator()
        return Base64.encode((0..<16).map { _ in UInt8.random(in: .min ... .max, using: &generator) })
    }

    /// Checks a server-side upgrade request.
    /// - Parameters:
    ///   - method: the request method; only GET may upgrade.
    ///   - httpVersion: the request's version; must be "HTTP/1.1" (the default).
    ///   - header: looks up a request header by name (case-insensitive),
    ///     returning all its lines joined with ", ", or `nil` if absent.
    /// - Returns: the parsed request, ready to be accepted.
    /// - Throws: a `WebSocketHandshakeError` with the status to answer.
    public static func validateRequest(method: String, httpVersion: String = "HTTP/1.1",
                                       header: (String) -> String?) throws(WebSocketHandshakeError) -> WebSocketUpgradeRequest {
        guard method == "GET" else {
            throw WebSocketHandshakeError(status: 405, "a WebSocket upgrade must use GET, not \(method)", headers: [("Allow", "GET")])
        }
        // HTTP/2 and later bootstrap WebSockets differently (RFC 8441), with CONNECT.
        guard httpVersion == "HTTP/1.1" else {
            throw WebSocketHandshakeError(status: 400, "a WebSocket upgrade needs HTTP/1.1, not \(httpVersion)")
        }
        guard hasToken("websocket", in: header("Upgrade")) else {
            throw WebSocketHandshakeError(status: 400, "Can \"Upgrade\" only to \"WebSocket\" (the Upgrade header must contain websocket)")
        }
        guard hasToken("upgrade", in: header("Connection")) else {
            throw WebSocketHandshakeError(status: 400, "\"Connection\" must be \"Upgrade\" (the Connection header must contain upgrade)")
        }
        guard header("Sec-WebSocket-Version") == version else {
            let got = header("Sec-WebSocket-Version").map { "version \($0)" } ?? "no Sec-WebSocket-Version"
            throw WebSocketHandshakeError(status: 426, "only WebSocket version 13 is supported, the request has \(got)",
                                          headers: [("Sec-WebSocket-Version", version)])
        }
        guard let key = header("Sec-WebSocket-Key") else {
            throw WebSocketHandshakeError(status: 400, "the Sec-WebSocket-Key header is missing")
        }
        guard isValidKey(key) else {
            throw WebSocketHandshakeError(status: 400, "Sec-WebSocket-Key must be the base64 encoding of 16 bytes")
        }
        guard let protocols = HeaderScanner.tokenList(header("Sec-WebSocket-Protocol") ?? "") else {
            throw WebSocketHandshakeError(status: 400, "Sec-WebSocket-Protocol must be a comma-separated list of tokens")
        }
        // A malformed extension header only costs the client its extensions.
        let extensions = WebSocketExtension.parseList(header("Sec-WebSocket-Extensions") ?? "") ?? []
        return WebSocketUpgradeRequest(key: key, protocols: protocols, extensions: extensions)
    }

    /// Whether the comma-separated header `value` contains `token`,
    /// compared case-insensitively.
    static func hasToken(_ token: String, in value: String?) -> Bool {
        guard let value, let tokens = HeaderScanner.tokenList(value) else { return false }
        return tokens.contains { $0.lowercased() == token }
    }
}
