// HTTPRequestHead: the request line and header fields of one request — what
// Tornado's HTTPServerRequest exposes as method, uri, path, query, version and
// headers — plus the connection semantics derived from them.

/// The head of an HTTP/1.x request.
///
/// Produced by `HTTPRequestParser` (already validated) or built by a client with
/// `init(method:uri:version:headers:)` and serialized with `write(into:)`.
public struct HTTPRequestHead: Sendable, Equatable {
    /// The method token, e.g. `.GET`.
    public var method: HTTPMethod
    /// The request-target exactly as received (may be absolute-form,
    /// `http://host/a?b`); use `uri` for routing.
    public internal(set) var target: String
    /// The target in origin-form, `path[?query]` (Tornado's `request.uri`); `*` for
    /// `OPTIONS *`. For an absolute-form target, the scheme and authority are removed.
    public internal(set) var uri: String
    /// The part of `uri` before the first "?", still percent-encoded (Tornado's
    /// `request.path`).
    public internal(set) var path: String
    /// The part of `uri` after the first "?", without it; "" when absent.
    public internal(set) var query: String
    /// The protocol version: HTTP/1.0 or HTTP/1.1 from the parser.
    public var version: HTTPVersion
    /// The header fields in received order. For an absolute-form target the Host
    /// field holds the target's authority (RFC 9112 §3.2.2).
    public var headers: HTTPHeaders

    /// Creates a request head for sending, e.g. by an HTTP client.
    /// - Parameter uri: an origin-form target (`/path?query`), `*`, or an absolute URI
    ///   for proxies; it is sent verbatim, so it must already be percent-encoded.
    /// - Throws: `HTTPValidationError.Kind.invalidMethod` when `method` is not a token;
    ///   `.invalidTarget` when `uri` is empty or holds SP, CR, LF or other control bytes.
    public init(
        method: HTTPMethod, uri: String, version: HTTPVersion = .http1_1, headers: HTTPHeaders = HTTPHeaders()
    ) throws(HTTPValidationError) {
        let token = method.rawValue.utf8
        guard !token.isEmpty, token.allSatisfy(HTTPBytes.isTokenByte) else {
            throw HTTPValidationError(.invalidMethod, "Invalid HTTP method \"\(method.rawValue)\": must be a token")
        }
        guard !uri.utf8.isEmpty, uri.utf8.allSatisfy(Self.isTargetByte) else {
            throw HTTPValidationError(.invalidTarget, "Invalid request target: empty or contains whitespace/control bytes")
        }
        let split = uri.utf8.firstIndex(of: HTTPBytes.question)
        self.init(
            method: method, target: uri, uri: uri,
            path: String(uri[..<(split ?? uri.endIndex)]),
            query: split.map { String(uri[uri.index(after: $0)...]) } ?? "",
            version: version, headers: headers)
    }

    /// Memberwise; used by the parser with validated parts.
    init(
        method: HTTPMethod, target: String, uri: String, path: String, query: String,
        version: HTTPVersion, headers: HTTPHeaders
    ) {
        self.method = method
        self.target = target
        self.uri = uri
        self.path = path
        self.query = query
        self.version = version
        self.headers = headers
    }

    /// Whether the connection may be reused after this request, from the version and
    /// Connection header: HTTP/1.1 unless `Connection: close`; HTTP/1.0 only with
    /// `Connection: keep-alive`. (The server may still close, e.g. when a response
    /// to HTTP/1.0 has no Content-Length.)
    public var keepAlive: Bool {
        if version >= .http1_1 { return !headers.containsToken("close" as StaticString, forName: "Connection") }
        return headers.containsToken("keep-alive" as StaticString, forName: "Connection")
    }

    /// Whether the client sent `Expect: 100-continue` on HTTP/1.1 and waits for an
    /// interim `100 Continue` before sending the body (RFC 9110 §10.1.1). The
    /// server decides whether to send it or answer a final status instead.
    public var expectsContinue: Bool {
        version >= .http1_1 && headers.containsToken("100-continue" as StaticString, forName: "Expect")
    }

    /// The Host header value (for absolute-form targets, the target's authority).
    public var host: String? { headers["Host"] }

    /// Appends `METHOD uri HTTP/x.y\r\n`, the header lines and the final empty line.
    public func write(into buffer: inout [UInt8]) {
        buffer.reserveCapacity(
            buffer.count + method.rawValue.utf8.count + uri.utf8.count + 14 + headers.serializedByteCount)
        buffer.append(contentsOf: method.rawValue.utf8)
        buffer.append(HTTPBytes.space)
        buffer.append(contentsOf: uri.utf8)
        buffer.append(HTTPBytes.space)
        version.write(into: &buffer)
        buffer.append(HTTPBytes.cr)
        buffer.append(HTTPBytes.lf)
        headers.write(into: &buffer)
        buffer.append(HTTPBytes.cr)
        buffer.append(HTTPBytes.lf)
    }

    /// Bytes allowed in a request-target: visible ASCII and (UTF-8) non-ASCII.
    @inline(__always)
    static func isTargetByte(_ byte: UInt8) -> Bool {
        byte > 0x20 && byte != 0x7F
    }
}
