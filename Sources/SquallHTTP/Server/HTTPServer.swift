// HTTPServer: a TCPServer whose connections speak HTTP/1.1 to a delegate
// (Tornado's HTTPServer). It joins the loop's graceful shutdown: stop accepting,
// close idle keep-alive connections, let in-flight requests finish.
import SquallCore
import SquallIO

/// Serves HTTP/1.1 on listening sockets, passing each request to `delegate`.
///
/// ```swift
/// let server = try HTTPServer.listen(port: 8888, delegate: app)
/// IOLoop.current.start()
/// ```
@IOLoopActor
public final class HTTPServer {
    /// Answers the requests (held strongly).
    @exclusivity(unchecked) public private(set) var delegate: (any HTTPServerDelegate)?
    /// The settings every connection uses.
    public nonisolated let configuration: HTTPServerConfiguration
    /// The addresses listened on, with the actual ports.
    public nonisolated let addresses: [SocketAddress]
    private nonisolated let sockets: [ListeningSocket]
    private var tcpServer: TCPServer?
    private var connections: [ObjectIdentifier: HTTPServerConnection] = [:]
    private var shutdownHook: ShutdownHookID?
    @exclusivity(unchecked) private var drained: (@IOLoopActor () -> Void)?
    /// Servers accepting connections: a listening server stays alive until stopped,
    /// even when the caller drops the value `listen` returned.
    private static var listening: [ObjectIdentifier: HTTPServer] = [:]
    let serverHeaderLine: [UInt8]?

    /// Binds the sockets now (so errors and the chosen port are known at once) and
    /// starts serving on the loop thread. Callable from any thread, before or after
    /// the loop starts.
    ///
    /// - Parameters:
    ///   - port: the port; 0 picks a free one (see `port`).
    ///   - address: nil or "" for all interfaces (IPv4 and IPv6), or an address/name.
    ///   - reusePort: SO_REUSEPORT, for several processes on one port.
    /// - Throws: `IOError` when binding fails (e.g. the port is in use).
    public nonisolated static func listen(
        port: Int, address: String? = nil, reusePort: Bool = false,
        configuration: HTTPServerConfiguration = HTTPServerConfiguration(),
        delegate: any HTTPServerDelegate
    ) throws(IOError) -> HTTPServer {
        let sockets = try ListeningSocket.bind(port: port, address: address, reusePort: reusePort)
        let server = HTTPServer(sockets: sockets, configuration: configuration)
        IOLoop.current.addCallback { server.start(delegate: delegate) }
        return server
    }

    private nonisolated init(sockets: [ListeningSocket], configuration: HTTPServerConfiguration) {
        self.sockets = sockets
        self.addresses = sockets.map(\.address)
        self.configuration = configuration
        self.serverHeaderLine = configuration.serverName.map { Array("Server: \($0)\r\n".utf8) }
    }

    /// The port listened on (the first socket's; all share it).
    public nonisolated var port: Int { addresses.first?.port ?? 0 }

    private func start(delegate: any HTTPServerDelegate) {
        self.delegate = delegate
        let tcp = TCPServer { [weak self] stream in self?.accepted(stream) }
        do {
            try tcp.add(sockets)
        } catch {
            Log.general.error("could not start serving on \(addresses): \(error)")
            return
        }
        tcpServer = tcp
        Self.listening[ObjectIdentifier(self)] = self
        shutdownHook = IOLoop.current.addShutdownHook { [weak self] done in
            guard let self else { return done() }
            self.shutdown(done: done)
        }
    }

    private func accepted(_ stream: IOStream) {
        let connection = HTTPServerConnection(stream: stream, server: self, configuration: configuration)
        connections[ObjectIdentifier(connection)] = connection
    }

    /// Number of open connections.
    public var connectionCount: Int { connections.count }

    /// Stops accepting new connections; open ones continue.
    public func stop() {
        tcpServer?.stop()
        tcpServer = nil
        Self.listening[ObjectIdentifier(self)] = nil
        if let shutdownHook { IOLoop.current.removeShutdownHook(shutdownHook) }
        shutdownHook = nil
    }

    /// Stops accepting, closes every connection now, and releases the delegate.
    public func close() {
        stop()
        for connection in connections.values { connection.stream.close() }
        delegate = nil
    }

    /// Graceful stop: stop accepting, close idle connections, and call `done` once
    /// the requests in flight are answered (the loop's deadline bounds the wait).
    public func shutdown(done: @escaping @IOLoopActor () -> Void) {
        stop()
        for connection in connections.values where connection.isIdle { connection.stream.close() }
        for connection in connections.values { connection.closeAfterResponse = true }
        if connections.isEmpty { done() } else { drained = done }
    }

    func connectionBecameIdle(_ connection: HTTPServerConnection) {
        if drained != nil { connection.stream.close() }
    }

    func remove(_ connection: HTTPServerConnection) {
        connections[ObjectIdentifier(connection)] = nil
        if connections.isEmpty, let done = drained {
            drained = nil
            done()
        }
    }
}
