// Connecting out (Tornado's `TCPClient.connect`): a non-blocking TCP connect on the
// loop, trying each resolved address in turn, all within one timeout, returning the
// connection as an IOStream. Names are resolved on a worker thread because
// getaddrinfo blocks; numeric addresses are converted on the spot.
import Glibc
import CSquallLinux

@IOLoopActor
extension IOStream {
    /// Opens a TCP connection to `host:port` and returns it as a stream, with
    /// TCP_NODELAY set (as for accepted connections).
    ///
    /// - Parameters:
    ///   - host: a numeric IPv4/IPv6 address or a name (resolved off the loop).
    ///   - port: the port, 1–65535.
    ///   - timeout: seconds for the whole attempt, resolution included (default 20).
    /// - Throws: `IOError` — from `getaddrinfo` when the name does not resolve,
    ///   `connect(<address>)` with the errno of the last address tried (e.g.
    ///   ECONNREFUSED), or `connect` with ETIMEDOUT when `timeout` passes first.
    public static func connect(host: String, port: Int, timeout: Double = 20) async throws(IOError) -> IOStream {
        let deadline = IOLoop.current.time() + timeout
        let addresses = try await resolveForConnect(host: host, port: port)
        var lastError = IOError("connect(\(host):\(port))", errno: EHOSTUNREACH)
        for address in addresses {
            let remaining = deadline - IOLoop.current.time()
            guard remaining > 0 else { throw IOError("connect(\(address))", errno: ETIMEDOUT) }
            do {
                return try await connect(to: address, timeout: remaining)
            } catch {
                // A timeout used up the whole budget; other failures move on.
                if error.errno == ETIMEDOUT { throw error }
                lastError = error
            }
        }
        throw lastError
    }

    private static func resolveForConnect(host: String, port: Int) async throws(IOError) -> [SocketAddress] {
        if isNumericHost(host) { return try SocketAddress.resolve(host: host, port: port, passive: false) }
        do {
            return try await IOLoop.current.runInExecutor { try SocketAddress.resolve(host: host, port: port, passive: false) }
        } catch let error as IOError {
            throw error
        } catch {
            throw IOError("getaddrinfo(\(host))", errno: EINVAL)
        }
    }

    private static func isNumericHost(_ host: String) -> Bool {
        var scratch = in6_addr()
        return inet_pton(AF_INET, host, &scratch) == 1 || inet_pton(AF_INET6, host, &scratch) == 1
    }

    /// One non-blocking connect attempt to `address`.
    private static func connect(to address: SocketAddress, timeout: Double) async throws(IOError) -> IOStream {
        let fd = socket(address.family, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_NONBLOCK.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard fd >= 0 else { throw IOError.last("socket") }
        let started = address.withSocketAddress { Glibc.connect(fd, $0, $1) }
        if started != 0 {
            let code = csquall_errno()
            // EINTR on a non-blocking connect also leaves it in progress.
            guard code == EINPROGRESS || code == EINTR else {
                Glibc.close(fd)
                throw IOError("connect(\(address))", errno: code)
            }
            let outcome = await withCheckedContinuation { (continuation: CheckedContinuation<Int32, Never>) in
                PendingConnect(fd: fd, continuation: continuation).start(timeout: timeout)
            }
            guard outcome == 0 else {
                Glibc.close(fd)
                throw IOError("connect(\(address))", errno: outcome)
            }
        }
        let stream = try IOStream(fd: fd, remoteAddress: address)
        stream.setNoDelay(true)
        return stream
    }
}

/// Waits for a socket's connect to finish: writable means done, SO_ERROR says how.
/// Reports 0 on success or the errno (ETIMEDOUT when the timer fires first); the
/// socket is unregistered again either way and left open for the caller.
@IOLoopActor
private final class PendingConnect: IOEventHandler {
    private let fd: Int32
    private var continuation: CheckedContinuation<Int32, Never>?
    private var timer: TimeoutHandle?

    init(fd: Int32, continuation: CheckedContinuation<Int32, Never>) {
        self.fd = fd
        self.continuation = continuation
    }

    func start(timeout: Double) {
        do {
            try IOLoop.current.register(fd: fd, interest: .writable, handler: self)
        } catch {
            finish(error.errno, registered: false)
            return
        }
        timer = IOLoop.current.callLater(timeout) { [self] in finish(ETIMEDOUT) }
    }

    func handleIOEvent(_ events: UInt32) {
        finish(Socket.pendingError(fd))
    }

    private func finish(_ outcome: Int32, registered: Bool = true) {
        guard let continuation else { return }
        self.continuation = nil
        timer?.cancel()
        timer = nil
        if registered { IOLoop.current.unregister(fd: fd) }
        continuation.resume(returning: outcome)
    }
}
