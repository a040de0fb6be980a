// The head of the server's answer to an upgrade request: just enough HTTP/1.1
// response parsing for the handshake (status line and header fields; a 101 has no
// body, and any other status fails the handshake anyway).
import SquallHTTP

/// A parsed response head.
struct WebSocketResponseHead {
    /// The most head bytes accepted before giving up on a server.
    static let maxSize = 64 * 1024

    /// The status code.
    let status: Int
    /// The header fields (case-insensitive lookup).
    let headers: HTTPHeaders

    /// Where the head in `bytes` ends (just past the empty line), or nil if it is
    /// not complete. `scanned` carries the search position between calls.
    static func end(in bytes: UnsafeRawBufferPointer, scanned: inout Int) -> Int? {
        var index = max(scanned, 3)
        while index < bytes.count {
            if bytes[index] == 10 && bytes[index - 1] == 13 && bytes[index - 2] == 10 && bytes[index - 3] == 13 {
                return index + 1
            }
            index += 1
        }
        scanned = index
        return nil
    }

    /// Parses a complete head (status line, fields, empty line; CRLF line ends).
    /// - Throws: `WebSocketClientError` `.handshakeFailed` for a malformed head.
    init(_ head: UnsafeRawBufferPointer) throws(WebSocketClientError) {
        let text = String(decoding: head, as: UTF8.self)
        var lines = text.split(separator: "\r\n", omittingEmptySubsequences: false)
        while lines.last?.isEmpty == true { lines.removeLast() }
        guard let statusLine = lines.first else { throw Self.malformed("an empty response") }
        let parts = statusLine.split(separator: " ", maxSplits: 2, omittingEmptySubsequences: false)
        guard parts.count >= 2, parts[0].hasPrefix("HTTP/1."), parts[1].count == 3, let code = Int(parts[1]) else {
            throw Self.malformed("status line \"\(statusLine.prefix(80))\"")
        }
        var headers = HTTPHeaders()
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: ":"), !line.hasPrefix(" "), !line.hasPrefix("\t") else {
                throw Self.malformed("header line \"\(line.prefix(80))\"")
            }
            let value = line[line.index(after: colon)...].trimmingOWS()
            do {
                try headers.add(String(line[..<colon]), String(value))
            } catch {
                throw Self.malformed("header line \"\(line.prefix(80))\": \(error)")
            }
        }
        status = code
        self.headers = headers
    }

    private static func malformed(_ what: String) -> WebSocketClientError {
        WebSocketClientError(.handshakeFailed, "malformed response from the server: \(what)")
    }
}

extension Substring {
    /// Without leading and trailing spaces and tabs (HTTP's optional whitespace).
    fileprivate func trimmingOWS() -> Substring {
        let isOWS: (Character) -> Bool = { $0 == " " || $0 == "\t" }
        guard let first = firstIndex(where: { !isOWS($0) }), let last = lastIndex(where: { !isOWS($0) }) else { return "" }
        return self[first...last]
    }
}
