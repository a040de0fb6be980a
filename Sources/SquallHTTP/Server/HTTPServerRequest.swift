// One request received by the HTTP server (Tornado's HTTPServerRequest): its head,
// body and peer, and (see HTTPServerRequest+Response.swift) the way to answer it.
import SquallIO

/// A complete HTTP request, and the handle to answer it. Loop thread only.
@IOLoopActor
public final class HTTPServerRequest {
    /// The parsed request line and headers.
    public let head: HTTPRequestHead
    /// The body bytes (empty when none was sent).
    @exclusivity(unchecked) public internal(set) var body: [UInt8]
    /// The peer's address (nil when unknown).
    public let remoteAddress: SocketAddress?
    /// `IOLoop.time()` when the head was complete (for the access log's duration).
    public let startTime: Double
    let connection: HTTPServerConnection
    @exclusivity(unchecked) var responseState = ResponseState.notStarted
    @exclusivity(unchecked) var sendsBody: Bool
    @exclusivity(unchecked) var chunked = false
    @exclusivity(unchecked) var parsedQuery: [(name: String, value: String)]?
    @exclusivity(unchecked) var parsedForm: HTTPFormData?
    /// Told once if the client disconnects before the response is finished; released
    /// when the response finishes (it may hold the request, so the cycle ends there).
    public var closeObserver: (any HTTPRequestCloseObserver)? {
        get { observer }
        set { observer = newValue }
    }
    // Storage behind `closeObserver`, which SquallWeb sets on every request:
    // `@exclusivity(unchecked)` only holds inside this module.
    @exclusivity(unchecked) private var observer: (any HTTPRequestCloseObserver)?

    init(head: HTTPRequestHead, body: [UInt8], remoteAddress: SocketAddress?, connection: HTTPServerConnection) {
        self.head = head
        self.body = body
        self.remoteAddress = remoteAddress
        self.connection = connection
        self.startTime = IOLoop.current.time()
        self.sendsBody = head.method != .HEAD
    }

    /// The method, e.g. `.GET`.
    public var method: HTTPMethod { head.method }
    /// The target as `path?query` (Tornado's `request.uri`).
    public var uri: String { head.uri }
    /// The path part of `uri`, still percent-encoded.
    public var path: String { head.path }
    /// The query part of `uri` without "?"; "" when absent.
    public var query: String { head.query }
    /// The protocol version.
    public var version: HTTPVersion { head.version }
    /// The request headers (case-insensitive lookup).
    public var headers: HTTPHeaders { head.headers }
    /// The client's IP address as text (`"127.0.0.1"`, `"::1"`).
    public var remoteIP: String { remoteAddress?.host ?? "0.0.0.0" }
    /// The Host header (with any port), or `"127.0.0.1"` when absent (HTTP/1.0).
    public var host: String { head.host ?? "127.0.0.1" }
    /// `host` without the port, lower-cased (Tornado's `host_name`).
    public var hostName: String { HostPort.split(host).host.lowercased() }
    /// `"http"` (TLS is terminated in front of Squall, e.g. by nginx).
    public var `protocol`: String { "http" }
    /// `protocol://host uri`, Tornado's `full_url()`.
    public var fullURL: String { "\(`protocol`)://\(host)\(uri)" }
    /// Seconds since the request head was complete, or the total once finished.
    public var requestTime: Double {
        if case .finished(let at) = responseState { return at - startTime }
        return IOLoop.current.time() - startTime
    }
    /// True once the client has disconnected.
    public var isConnectionClosed: Bool { connection.isClosed }
}

/// Learns that a request's client went away before its response was finished.
@IOLoopActor
public protocol HTTPRequestCloseObserver: AnyObject {
    /// The connection of `request` closed before the response was finished.
    func requestConnectionDidClose(_ request: HTTPServerRequest)
}

/// Splitting `host[:port]` and `[v6]:port`.
enum HostPort {
    /// Splits `"example.com:8080"` into ("example.com", 8080) and `"[::1]:80"` into ("::1", 80).
    static func split(_ value: String) -> (host: String, port: Int?) {
        if value.hasPrefix("["), let close = value.firstIndex(of: "]") {
            let host = String(value[value.index(after: value.startIndex)..<close])
            let rest = value[value.index(after: close)...]
            return (host, rest.hasPrefix(":") ? Int(rest.dropFirst()) : nil)
        }
        if let colon = value.lastIndex(of: ":"), value.firstIndex(of: ":") == colon {
            return (String(value[..<colon]), Int(value[value.index(after: colon)...]))
        }
        return (value, nil)
    }
}
