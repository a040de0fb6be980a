// The parts of a `ws://host[:port]/path?query` URL the client needs: where to
// connect, the request target and the Host header. Only `ws://` is supported:
// Squall has no TLS (terminate `wss://` in a proxy in front of it).

/// A parsed `ws://` URL.
struct WebSocketURL: Sendable, Equatable {
    /// The host to connect to, without IPv6 brackets.
    let host: String
    /// The port (default 80).
    let port: Int
    /// The request target, `/path?query` ("/" when the URL has no path).
    let target: String
    /// The Host header: `host[:port]`, the port omitted when it is 80.
    let hostHeader: String

    /// Parses `url`.
    /// - Throws: `WebSocketClientError` `.invalidRequest` naming what is wrong.
    init(_ url: String) throws(WebSocketClientError) {
        func invalid(_ why: String) -> WebSocketClientError { .init(.invalidRequest, "\(why): \(url)") }
        guard let schemeEnd = url.firstRange(of: "://") else { throw invalid("not an absolute ws:// URL") }
        switch url[..<schemeEnd.lowerBound].lowercased() {
        case "ws": break
        case "wss": throw invalid("wss:// needs TLS, which Squall does not provide; use ws:// behind a TLS proxy")
        default: throw invalid("the scheme must be ws://")
        }
        let rest = url[schemeEnd.upperBound...].prefix { $0 != "#" }
        let authority = rest.prefix { $0 != "/" && $0 != "?" }
        var target = String(rest[authority.endIndex...])
        if !target.hasPrefix("/") { target = "/" + target }
        guard !authority.contains("@") else { throw invalid("user information in the URL is not supported") }
        var hostPart = authority
        var portText: Substring?
        if authority.hasPrefix("[") {
            guard let close = authority.firstIndex(of: "]") else { throw invalid("unterminated IPv6 address") }
            hostPart = authority[authority.index(after: authority.startIndex)..<close]
            let after = authority[authority.index(after: close)...]
            if !after.isEmpty {
                guard after.hasPrefix(":") else { throw invalid("unexpected text after the IPv6 address") }
                portText = after.dropFirst()
            }
        } else if let colon = authority.lastIndex(of: ":") {
            hostPart = authority[..<colon]
            portText = authority[authority.index(after: colon)...]
        }
        guard !hostPart.isEmpty else { throw invalid("the URL has no host") }
        var port = 80
        if let portText {
            guard let value = Int(portText), (1...65535).contains(value) else { throw invalid("invalid port") }
            port = value
        }
        host = String(hostPart)
        self.port = port
        self.target = target
        let bracketed = host.contains(":") ? "[\(host)]" : host
        hostHeader = port == 80 ? bracketed : "\(bracketed):\(port)"
    }
}
