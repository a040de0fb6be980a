// A plain blocking TCP client socket with timeouts, for tests: it talks to the
// server under test from outside the loop, byte for byte, as a real client would.
import Glibc
import SquallIO

/// Errors of the test client.
public struct TestClientError: Error, CustomStringConvertible, Sendable {
    /// What went wrong.
    public let description: String
    /// Creates an error with a message.
    public init(_ description: String) { self.description = description }
}

/// A connected, blocking TCP socket (not for use on the loop thread).
public final class BlockingSocket: @unchecked Sendable {
    private var fd: Int32
    private var buffered: [UInt8] = []

    /// Connects to `host:port`; every receive waits at most `timeout` seconds.
    ///
    /// - Throws: `TestClientError` when the connection fails.
    public init(host: String = "127.0.0.1", port: Int, timeout: Double = 30) throws {
        let addresses = try SocketAddress.resolve(host: host, port: port, passive: false)
        guard let address = addresses.first else { throw TestClientError("no address for \(host)") }
        fd = socket(address.isIPv6 ? AF_INET6 : AF_INET, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard fd >= 0 else { throw TestClientError("socket() failed") }
        var tv = timeval(tv_sec: Int(timeout), tv_usec: Int((timeout - Double(Int(timeout))) * 1e6))
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, socklen_t(MemoryLayout<timeval>.size))
        setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &tv, socklen_t(MemoryLayout<timeval>.size))
        let connected = address.withSocketAddress { connect(fd, $0, $1) }
        guard connected == 0 else {
            Glibc.close(fd)
            throw TestClientError("connect to \(address) failed (errno \(errno))")
        }
    }

    deinit { if fd >= 0 { Glibc.close(fd) } }

    /// Sends all of `bytes`.
    public func send(_ bytes: [UInt8]) throws {
        var offset = 0
        while offset < bytes.count {
            let sent = bytes.withUnsafeBytes { Glibc.send(fd, $0.baseAddress! + offset, $0.count - offset, Int32(MSG_NOSIGNAL)) }
            guard sent > 0 else { throw TestClientError("send failed (errno \(errno))") }
            offset += sent
        }
    }

    /// Sends a string as UTF-8.
    public func send(_ text: String) throws { try send(Array(text.utf8)) }

    /// Shuts down the sending side (the server then sees EOF).
    public func shutdownWrite() { shutdown(fd, Int32(SHUT_WR)) }

    /// Closes the socket.
    public func close() {
        if fd >= 0 { Glibc.close(fd) }
        fd = -1
    }

    /// Receives at least one byte; returns [] at EOF.
    ///
    /// - Throws: `TestClientError` on timeout or a reset.
    public func receiveSome() throws -> [UInt8] {
        if !buffered.isEmpty {
            defer { buffered = [] }
            return buffered
        }
        var chunk = [UInt8](repeating: 0, count: 65536)
        let count = chunk.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
        if count < 0 {
            throw TestClientError(errno == EAGAIN ? "receive timed out" : "receive failed (errno \(errno))")
        }
        return Array(chunk[..<count])
    }

    /// Receives exactly `count` bytes.
    ///
    /// - Throws: `TestClientError` at EOF before `count` bytes, or on timeout.
    public func receive(exactly count: Int) throws -> [UInt8] {
        var result: [UInt8] = []
        while result.count < count {
            let chunk = try receiveSome()
            guard !chunk.isEmpty else { throw TestClientError("EOF after \(result.count) of \(count) bytes") }
            result += chunk
        }
        if result.count > count {
            buffered = Array(result[count...]) + buffered
            result.removeLast(result.count - count)
        }
        return result
    }

    /// Receives up to and including `delimiter`.
    ///
    /// - Throws: `TestClientError` at EOF before the delimiter, or on timeout.
    public func receive(through delimiter: [UInt8]) throws -> [UInt8] {
        var result: [UInt8] = []
        while true {
            if let range = result.firstRange(of: delimiter) {
                buffered = Array(result[range.upperBound...]) + buffered
                return Array(result[..<range.upperBound])
            }
            let chunk = try receiveSome()
            guard !chunk.isEmpty else { throw TestClientError("EOF before delimiter (\(result.count) bytes)") }
            result += chunk
        }
    }

    /// Receives until the server closes; returns everything.
    public func receiveUntilClose() throws -> [UInt8] {
        var result: [UInt8] = []
        while true {
            let chunk = try receiveSome()
            if chunk.isEmpty { return result }
            result += chunk
        }
    }

    /// True if the server closed the connection (EOF or reset) within the timeout.
    public func isClosedByPeer() -> Bool {
        do {
            while true {
                if try receiveSome().isEmpty { return true }
            }
        } catch let error as TestClientError {
            return !error.description.contains("timed out")
        } catch {
            return true
        }
    }
}
