// HTTPVersion: the protocol version of a start line ("HTTP/1.1"). The server
// speaks HTTP/1.0 and HTTP/1.1; the parser answers 505 for any other version.

/// An HTTP protocol version, `major.minor`.
public struct HTTPVersion: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// The major version digit (1 for HTTP/1.x).
    public var major: Int
    /// The minor version digit.
    public var minor: Int

    /// Creates a version; both parts are single digits on the wire.
    public init(major: Int, minor: Int) {
        self.major = major
        self.minor = minor
    }

    /// HTTP/1.0: no persistent connections unless `Connection: keep-alive`.
    public static let http1_0 = HTTPVersion(major: 1, minor: 0)
    /// HTTP/1.1: persistent connections by default.
    public static let http1_1 = HTTPVersion(major: 1, minor: 1)

    /// Orders by major, then minor.
    public static func < (lhs: HTTPVersion, rhs: HTTPVersion) -> Bool {
        (lhs.major, lhs.minor) < (rhs.major, rhs.minor)
    }

    /// The start-line form, e.g. "HTTP/1.1".
    public var description: String { "HTTP/\(major).\(minor)" }

    /// Appends the start-line form to `buffer`; a single copy for 1.0 and 1.1.
    func write(into buffer: inout [UInt8]) {
        if self == .http1_1 {
            buffer.append(contentsOf: HTTPBytes.raw("HTTP/1.1"))
        } else if self == .http1_0 {
            buffer.append(contentsOf: HTTPBytes.raw("HTTP/1.0"))
        } else {
            buffer.append(contentsOf: description.utf8)
        }
    }
}
