// Thin wrappers over the socket system calls the IO layer uses, with the errno
// policy of IOError.swift.
import Glibc
import CSquallLinux

enum Socket {
    /// Creates a non-blocking listening socket bound to `address`.
    static func listen(address: SocketAddress, backlog: Int32, reusePort: Bool) throws(IOError) -> Int32 {
        let fd = socket(address.family, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_NONBLOCK.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard fd >= 0 else { throw IOError.last("socket") }
        do throws(IOError) {
            try setOption(fd, SOL_SOCKET, SO_REUSEADDR, 1)
            if reusePort { try setOption(fd, SOL_SOCKET, SO_REUSEPORT, 1) }
            // Tornado binds v6 sockets v6-only so that a v4 socket can share the port.
            if address.isIPv6 { try setOption(fd, Int32(IPPROTO_IPV6), IPV6_V6ONLY, 1) }
            let bound = address.withSocketAddress { bind(fd, $0, $1) }
            guard bound == 0 else { throw IOError.last("bind(\(address))") }
            guard Glibc.listen(fd, backlog) == 0 else { throw IOError.last("listen") }
        } catch {
            close(fd)
            throw error
        }
        return fd
    }

    /// Accepts one connection as a non-blocking socket; nil when none is pending.
    static func accept(_ fd: Int32) throws(IOError) -> (Int32, SocketAddress?)? {
        var storage = sockaddr_storage()
        var length = socklen_t(MemoryLayout<sockaddr_storage>.size)
        let accepted = try withUnsafeMutablePointer(to: &storage) { pointer throws(IOError) in
            try pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { address throws(IOError) in
                try retryingSyscall("accept4") {
                    csquall_accept(fd, address, &length)
                }
            }
        }
        guard let client = accepted else { return nil }
        let peer = withUnsafePointer(to: &storage) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { SocketAddress($0) }
        }
        return (client, peer)
    }

    /// The local address a socket is bound to.
    static func localAddress(_ fd: Int32) -> SocketAddress? {
        var storage = sockaddr_storage()
        var length = socklen_t(MemoryLayout<sockaddr_storage>.size)
        return withUnsafeMutablePointer(to: &storage) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { address in
                getsockname(fd, address, &length) == 0 ? SocketAddress(address) : nil
            }
        }
    }

    /// Sets an integer socket option.
    static func setOption(_ fd: Int32, _ level: Int32, _ name: Int32, _ value: Int32) throws(IOError) {
        var option = value
        guard setsockopt(fd, level, name, &option, socklen_t(MemoryLayout<Int32>.size)) == 0 else {
            throw IOError.last("setsockopt(\(name))")
        }
    }

    /// The pending error of a socket (SO_ERROR), 0 if none.
    static func pendingError(_ fd: Int32) -> Int32 {
        var value: Int32 = 0
        var length = socklen_t(MemoryLayout<Int32>.size)
        getsockopt(fd, SOL_SOCKET, SO_ERROR, &value, &length)
        return value
    }
}
