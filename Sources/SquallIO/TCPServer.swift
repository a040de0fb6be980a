// TCPServer: accepts connections on listening sockets and hands each one, as an
// IOStream, to a handler (Tornado's TCPServer + bind_sockets).
//
// Sockets are bound synchronously (so "address in use" is an error at `listen`, and
// the port chosen for port 0 is known at once) and registered with the loop on the
// loop thread. Accepting is done in batches per readiness event; when the process
// runs out of file descriptors, accepting pauses briefly instead of spinning.
import Glibc
import CSquallLinux
import SquallCore

/// A bound, listening socket (not yet accepting).
public struct ListeningSocket: Sendable {
    /// The socket.
    public let fd: Int32
    /// The address it is bound to, with the actual port.
    public let address: SocketAddress

    /// Binds listening sockets for `port` on `address` (nil or "" = all interfaces,
    /// IPv4 and IPv6; "localhost" = its addresses), Tornado's `bind_sockets`.
    ///
    /// - Parameters:
    ///   - port: 0 picks a free port (shared by all the sockets bound).
    ///   - backlog: the kernel's accept queue length (default 1024).
    ///   - reusePort: set SO_REUSEPORT so several processes can share the port.
    /// - Throws: `IOError` (e.g. `bind` with EADDRINUSE).
    public static func bind(port: Int, address: String? = nil, backlog: Int32 = 1024,
                            reusePort: Bool = false) throws(IOError) -> [ListeningSocket] {
        var sockets: [ListeningSocket] = []
        var chosenPort = port
        do throws(IOError) {
            for candidate in try SocketAddress.resolve(host: address, port: port, passive: true) {
                let target = chosenPort == 0 ? candidate : candidate.withPort(chosenPort)
                let fd = try Socket.listen(address: target, backlog: backlog, reusePort: reusePort)
                let bound = Socket.localAddress(fd) ?? target
                chosenPort = bound.port
                sockets.append(ListeningSocket(fd: fd, address: bound))
            }
        } catch {
            for socket in sockets { close(socket.fd) }
            throw error
        }
        return sockets
    }
}

/// Accepts connections and passes each to `handler` as an IOStream.
@IOLoopActor
public final class TCPServer {
    private let handler: @IOLoopActor (IOStream) -> Void
    private var acceptors: [Acceptor] = []
    /// Whether accepted sockets get TCP_NODELAY (default true).
    public var noDelay = true

    /// - Parameter handler: called on the loop for every accepted connection.
    public init(handler: @escaping @IOLoopActor (IOStream) -> Void) {
        self.handler = handler
    }

    /// Starts accepting on `sockets` (taking ownership of them).
    public func add(_ sockets: [ListeningSocket]) throws(IOError) {
        for socket in sockets {
            let acceptor = Acceptor(socket: socket, server: self)
            try IOLoop.current.register(fd: socket.fd, interest: .readable, handler: acceptor)
            acceptors.append(acceptor)
        }
    }

    /// The addresses being listened on.
    public var addresses: [SocketAddress] { acceptors.map(\.socket.address) }

    /// Stops accepting and closes the listening sockets. Open connections are unaffected.
    public func stop() {
        for acceptor in acceptors { acceptor.close() }
        acceptors.removeAll()
    }

    fileprivate func accepted(fd: Int32, peer: SocketAddress?) {
        do {
            let stream = try IOStream(fd: fd, remoteAddress: peer)
            if noDelay { stream.setNoDelay(true) }
            handler(stream)
        } catch {
            Log.general.warning("could not register accepted connection: \(error)")
        }
    }
}

/// Accepts on one listening socket.
@IOLoopActor
private final class Acceptor: IOEventHandler {
    let socket: ListeningSocket
    weak var server: TCPServer?
    private var closed = false

    init(socket: ListeningSocket, server: TCPServer) {
        self.socket = socket
        self.server = server
    }

    func handleIOEvent(_ events: UInt32) {
        // Up to 128 per event: enough to drain a burst, bounded for fairness.
        for _ in 0..<128 {
            guard !closed else { return }
            do {
                guard let (fd, peer) = try Socket.accept(socket.fd) else { return }
                guard let server else {
                    Glibc.close(fd)
                    close()
                    return
                }
                server.accepted(fd: fd, peer: peer)
            } catch {
                handleAcceptError(error)
                return
            }
        }
    }

    private func handleAcceptError(_ error: IOError) {
        switch error.errno {
        case ECONNABORTED, EPROTO, EPERM:
            return
        case EMFILE, ENFILE, ENOBUFS, ENOMEM:
            // Out of descriptors: the pending connection stays queued and the socket
            // stays readable, so pause instead of spinning on it.
            Log.general.warning("accept paused for 0.1 s: \(error)")
            IOLoop.current.modify(fd: socket.fd, interest: [])
            IOLoop.current.callLater(0.1) { [weak self] in
                guard let self, !self.closed else { return }
                IOLoop.current.modify(fd: self.socket.fd, interest: .readable)
            }
        default:
            Log.general.warning("accept failed: \(error)")
        }
    }

    func close() {
        guard !closed else { return }
        closed = true
        IOLoop.current.unregister(fd: socket.fd)
        Glibc.close(socket.fd)
    }
}
