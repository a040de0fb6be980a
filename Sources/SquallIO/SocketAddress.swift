// IPv4 and IPv6 socket addresses: resolution (getaddrinfo), and conversion to and
// from the C sockaddr structures.
import Glibc
import CSquallLinux

/// An IPv4 or IPv6 address with a port.
public struct SocketAddress: Sendable, Hashable, CustomStringConvertible {
    /// The numeric host, e.g. `"127.0.0.1"` or `"::1"`.
    public let host: String
    /// The port number (0–65535).
    public let port: Int
    /// True for an IPv6 address.
    public let isIPv6: Bool
    private let raw: [UInt8]

    /// Resolves `host` (numeric, a name such as `"localhost"`, or nil/"" for every
    /// local address) to the addresses to bind or connect to, IPv4 and IPv6.
    ///
    /// - Parameter passive: true to bind (nil host = wildcard addresses).
    /// - Throws: `IOError` named `getaddrinfo` when the name does not resolve.
    public static func resolve(host: String?, port: Int, passive: Bool) throws(IOError) -> [SocketAddress] {
        var hints = addrinfo()
        hints.ai_family = AF_UNSPEC
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        hints.ai_flags = passive ? AI_PASSIVE : 0
        var list: UnsafeMutablePointer<addrinfo>?
        let name = (host?.isEmpty ?? true) ? nil : host
        let status = name.withOptionalCString { getaddrinfo($0, String(port), &hints, &list) }
        guard status == 0, let first = list else {
            throw IOError("getaddrinfo(\(host ?? "*"))", errno: status == EAI_SYSTEM ? csquall_errno() : -status)
        }
        defer { freeaddrinfo(first) }
        var result: [SocketAddress] = []
        var cursor: UnsafeMutablePointer<addrinfo>? = first
        while let entry = cursor {
            if let address = entry.pointee.ai_addr, let decoded = SocketAddress(address) , !result.contains(decoded) {
                result.append(decoded)
            }
            cursor = entry.pointee.ai_next
        }
        return result
    }

    /// Decodes a C socket address; nil for families other than IPv4/IPv6.
    init?(_ address: UnsafePointer<sockaddr>) {
        switch Int32(address.pointee.sa_family) {
        case AF_INET:
            self.init(address, as: sockaddr_in.self, ipv6: false, textLength: INET_ADDRSTRLEN,
                      host: \.sin_addr, port: \.sin_port)
        case AF_INET6:
            self.init(address, as: sockaddr_in6.self, ipv6: true, textLength: INET6_ADDRSTRLEN,
                      host: \.sin6_addr, port: \.sin6_port)
        default:
            return nil
        }
    }

    /// Decodes one concrete sockaddr type: `host` and `port` pick its fields.
    private init<Address, Host>(_ address: UnsafePointer<sockaddr>, as type: Address.Type, ipv6: Bool,
                                textLength: Int32, host: KeyPath<Address, Host>, port: KeyPath<Address, in_port_t>) {
        let decoded = UnsafeRawPointer(address).withMemoryRebound(to: Address.self, capacity: 1) { $0.pointee }
        var hostBytes = decoded[keyPath: host]
        var text = [CChar](repeating: 0, count: Int(textLength))
        inet_ntop(ipv6 ? AF_INET6 : AF_INET, &hostBytes, &text, socklen_t(text.count))
        self.host = String(decoding: text.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        self.port = Int(UInt16(bigEndian: decoded[keyPath: port]))
        self.isIPv6 = ipv6
        var copy = decoded
        self.raw = withUnsafeBytes(of: &copy) { Array($0) }
    }

    /// The address family (`AF_INET` or `AF_INET6`).
    var family: Int32 { isIPv6 ? AF_INET6 : AF_INET }

    /// Calls `body` with a C view of the address (valid only during the call).
    public func withSocketAddress<R>(_ body: (UnsafePointer<sockaddr>, socklen_t) -> R) -> R {
        raw.withUnsafeBytes { buffer in
            body(buffer.baseAddress!.assumingMemoryBound(to: sockaddr.self), socklen_t(buffer.count))
        }
    }

    /// The same address with another port.
    func withPort(_ newPort: Int) -> SocketAddress {
        var bytes = raw
        bytes.withUnsafeMutableBytes { buffer in
            let big = UInt16(newPort).bigEndian
            // sin_port and sin6_port both sit right after the 2-byte family.
            withUnsafeBytes(of: big) { buffer[2] = $0[0]; buffer[3] = $0[1] }
        }
        return bytes.withUnsafeBytes { SocketAddress($0.baseAddress!.assumingMemoryBound(to: sockaddr.self))! }
    }

    /// `"127.0.0.1:8888"` or `"[::1]:8888"`.
    public var description: String { isIPv6 ? "[\(host)]:\(port)" : "\(host):\(port)" }
}

extension Optional where Wrapped == String {
    fileprivate func withOptionalCString<R>(_ body: (UnsafePointer<CChar>?) -> R) -> R {
        switch self {
        case .some(let text): return text.withCString { body($0) }
        case .none: return body(nil)
        }
    }
}
