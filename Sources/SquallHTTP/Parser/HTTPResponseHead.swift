// HTTPResponseHead: the status line and header fields of a response, and their
// serialization straight into the connection's output bytes.

/// The head of an HTTP/1.x response.
///
/// `write(into:)` appends the status line, the header lines and the empty line to a
/// byte buffer with one capacity reservation and no intermediate Strings. Header
/// injection is impossible: `HTTPHeaders` and `HTTPStatus` validate on the way in.
public struct HTTPResponseHead: Sendable, Equatable {
    /// The status code and reason phrase; default 200 OK.
    public var status: HTTPStatus
    /// The version on the status line; default HTTP/1.1 (also correct for HTTP/1.0
    /// clients, RFC 9110 §6.2).
    public var version: HTTPVersion
    /// The header fields, written in order.
    public var headers: HTTPHeaders

    /// Creates a response head.
    public init(status: HTTPStatus = .ok, version: HTTPVersion = .http1_1, headers: HTTPHeaders = HTTPHeaders()) {
        self.status = status
        self.version = version
        self.headers = headers
    }

    /// Appends `HTTP/1.1 200 OK\r\n`, the header lines and the final `\r\n`.
    public func write(into buffer: inout [UInt8]) {
        var reason = status.reasonPhrase
        reason.withUTF8 { reason in
            buffer.reserveCapacity(buffer.count + 17 + reason.count + headers.serializedByteCount)
            version.write(into: &buffer)
            // " nnn " is filled on the stack and appended with one copy.
            var codeText: UInt64 = 0
            withUnsafeMutableBytes(of: &codeText) { text in
                let code = status.code  // 100...599 by construction
                text[0] = HTTPBytes.space
                text[1] = UInt8(ascii: "0") &+ UInt8(code / 100)
                text[2] = UInt8(ascii: "0") &+ UInt8(code / 10 % 10)
                text[3] = UInt8(ascii: "0") &+ UInt8(code % 10)
                text[4] = HTTPBytes.space
                buffer.append(contentsOf: UnsafeRawBufferPointer(rebasing: text[..<5]))
            }
            buffer.append(contentsOf: reason)
        }
        buffer.append(contentsOf: HTTPBytes.raw("\r\n"))
        headers.write(into: &buffer)
        buffer.append(contentsOf: HTTPBytes.raw("\r\n"))
    }
}
