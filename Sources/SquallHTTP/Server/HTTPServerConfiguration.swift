// Settings of an HTTP server: parser limits and the timeouts that keep slow or
// silent clients from holding connections forever.

/// HTTP server settings with Tornado's defaults (plus a header timeout Tornado lacks).
public struct HTTPServerConfiguration: Sendable {
    /// Request size limits (max header size 64 KiB, max body 100 MiB, …).
    public var parser = HTTPParserConfiguration()
    /// Seconds a connection may sit between requests with nothing received
    /// (Tornado's `idle_connection_timeout`). Default 3600.
    public var idleConnectionTimeout: Double = 3600
    /// Seconds a client has to send a complete request head, counted from the
    /// connection's start or the first byte of a later request. Stops slowloris
    /// clients that trickle headers. Default 30.
    public var headerTimeout: Double = 30
    /// Seconds a client has to send the body once the head is complete
    /// (Tornado's `body_timeout`). Default 3600.
    public var bodyTimeout: Double = 3600
    /// Queued response bytes above which the server stops reading further
    /// pipelined requests from that client until they drain. Default 1 MiB.
    public var writeHighWaterMark = 1024 * 1024
    /// Whether HTTP/1.1 keep-alive (and HTTP/1.0 `Connection: keep-alive`) is honoured.
    public var keepAlive = true
    /// Value of the `Server` response header; nil sends none. Default `"Squall"`.
    public var serverName: String? = "Squall"

    /// The defaults.
    public init() {}
}
