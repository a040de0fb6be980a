// Reading an HTTP/1.1 response off a BlockingSocket: status line, headers, and a
import Foundation
// body framed by Content-Length, chunked encoding, or the end of the connection.
// An independent implementation, so tests check the server against something
// other than its own code.

/// An HTTP response as a test client saw it.
public struct TestResponse: Sendable, CustomStringConvertible {
    /// The status code.
    public let status: Int
    /// The reason phrase.
    public let reason: String
    /// The headers, in order, as received.
    public let headerFields: [(name: String, value: String)]
    /// The body, de-chunked.
    public let body: [UInt8]
    /// True when the body was chunked.
    public let wasChunked: Bool

    /// The first header called `name` (case-insensitive).
    public func header(_ name: String) -> String? {
        headerFields.first { $0.name.lowercased() == name.lowercased() }?.value
    }

    /// Every header called `name` (case-insensitive).
    public func headers(_ name: String) -> [String] {
        headerFields.filter { $0.name.lowercased() == name.lowercased() }.map(\.value)
    }

    /// The body as UTF-8 text.
    public var text: String { String(decoding: body, as: UTF8.self) }

    /// `200 OK (12 bytes)`.
    public var description: String { "\(status) \(reason) (\(body.count) bytes): \(text.prefix(200))" }

    /// Reads one response from `socket`. `forHEAD`: the response has no body.
    ///
    /// - Throws: `TestClientError` for a malformed response, a timeout, or EOF.
    public static func read(from socket: BlockingSocket, forHEAD: Bool = false) throws -> TestResponse {
        let head = try socket.receive(through: [13, 10, 13, 10])
        let lines = String(decoding: head.dropLast(4), as: UTF8.self).components(separatedBy: "\r\n")
        let statusParts = lines[0].split(separator: " ", maxSplits: 2, omittingEmptySubsequences: false)
        guard statusParts.count >= 2, statusParts[0].hasPrefix("HTTP/1."), let status = Int(statusParts[1]) else {
            throw TestClientError("malformed status line: \(lines[0])")
        }
        var fields: [(name: String, value: String)] = []
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { throw TestClientError("malformed header: \(line)") }
            fields.append((String(line[..<colon]), line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)))
        }
        let reason = statusParts.count > 2 ? String(statusParts[2]) : ""
        let partial = TestResponse(status: status, reason: reason, headerFields: fields, body: [], wasChunked: false)
        if forHEAD || status < 200 || status == 204 || status == 304 { return partial }
        if partial.header("Transfer-Encoding")?.lowercased() == "chunked" {
            return TestResponse(status: status, reason: reason, headerFields: fields,
                                body: try readChunked(from: socket), wasChunked: true)
        }
        if let length = partial.header("Content-Length").flatMap(Int.init) {
            return TestResponse(status: status, reason: reason, headerFields: fields,
                                body: try socket.receive(exactly: length), wasChunked: false)
        }
        return TestResponse(status: status, reason: reason, headerFields: fields,
                            body: try socket.receiveUntilClose(), wasChunked: false)
    }

    private static func readChunked(from socket: BlockingSocket) throws -> [UInt8] {
        var body: [UInt8] = []
        while true {
            let line = String(decoding: try socket.receive(through: [13, 10]).dropLast(2), as: UTF8.self)
            let sizeText = line.split(separator: ";").first.map(String.init) ?? ""
            guard let size = Int(sizeText.trimmingCharacters(in: .whitespaces), radix: 16) else {
                throw TestClientError("bad chunk size line: \(line)")
            }
            if size == 0 {
                _ = try socket.receive(through: [13, 10])
                return body
            }
            body += try socket.receive(exactly: size)
            guard try socket.receive(exactly: 2) == [13, 10] else { throw TestClientError("chunk not followed by CRLF") }
        }
    }
}
