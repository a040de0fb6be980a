// HTTPRequestLine: `method SP request-target SP HTTP-version` (RFC 9112 §3).
// Splits on single spaces like Tornado, accepts origin-form, absolute-form
// (http/https) and `OPTIONS *`, and derives Tornado's uri/path/query.

/// Request-line parsing.
enum HTTPRequestLine {
    /// Parses a request line without its line ending into a head with the
    /// request-line parts filled in and no headers yet (the decoder adds them).
    /// - Parameter authority: set to the authority of an absolute-form target, which
    ///   overrides Host.
    static func parse(_ line: UnsafeRawBufferPointer, authority: inout String?) throws(HTTPParseError)
        -> HTTPRequestHead
    {
        let firstSpace = HTTPBytes.firstIndex(of: HTTPBytes.space, in: line, from: 0, to: line.count)
        var lastSpace = line.count - 1
        while lastSpace >= 0 && line[lastSpace] != HTTPBytes.space { lastSpace -= 1 }
        guard let firstSpace, firstSpace > 0, lastSpace > firstSpace + 1 else {
            throw HTTPParseError(.malformedRequestLine, "Malformed HTTP request line: \"\(HTTPBytes.printable(line))\"")
        }
        let methodBytes = UnsafeRawBufferPointer(rebasing: line[..<firstSpace])
        guard methodBytes.allSatisfy(HTTPBytes.isTokenByte) else {
            throw HTTPParseError(.invalidMethod, "Invalid HTTP method: \"\(HTTPBytes.printable(methodBytes))\"")
        }
        let version = try parseVersion(UnsafeRawBufferPointer(rebasing: line[(lastSpace + 1)...]))
        let method = HTTPMethod.parsed(methodBytes)
        let target = UnsafeRawBufferPointer(rebasing: line[(firstSpace + 1)..<lastSpace])
        var allBits: UInt8 = 0
        for byte in target {
            allBits |= byte
            if HTTPRequestHead.isTargetByte(byte) { continue }
            if byte == HTTPBytes.space {
                throw HTTPParseError(.malformedRequestLine, "Malformed HTTP request line: \"\(HTTPBytes.printable(line))\"")
            } else {
                throw HTTPParseError(
                    .invalidTarget, "Invalid character 0x\(String(byte, radix: 16)) in request target")
            }
        }
        let targetString = try string(target, hasNonASCII: allBits >= 0x80)
        if target[0] == HTTPBytes.slash {
            return split(target, from: 0, method: method, target: targetString, version: version)
        }
        if target.count == 1 && target[0] == UInt8(ascii: "*") {
            guard method == .OPTIONS else {
                throw HTTPParseError(.invalidTarget, "Request target \"*\" is only allowed with OPTIONS")
            }
            return head(method, "*", uri: "*", path: "*", version: version)
        }
        return try absoluteForm(target, method: method, target: targetString, version: version, authority: &authority)
    }

    /// `http[s]://authority[/path][?query]`: path and query as in origin-form, an
    /// empty path meaning "/".
    private static func absoluteForm(
        _ bytes: UnsafeRawBufferPointer, method: HTTPMethod, target: String, version: HTTPVersion,
        authority authorityText: inout String?
    ) throws(HTTPParseError) -> HTTPRequestHead {
        let schemeLength: Int
        if bytes.count > 7 && HTTPBytes.equalsIgnoringCase(.init(rebasing: bytes[..<7]), "http://") {
            schemeLength = 7
        } else if bytes.count > 8 && HTTPBytes.equalsIgnoringCase(.init(rebasing: bytes[..<8]), "https://") {
            schemeLength = 8
        } else {
            throw HTTPParseError(
                .invalidTarget, "Unsupported request target \"\(HTTPBytes.printable(bytes))\": expected /path or http(s)://")
        }
        var authorityEnd = schemeLength
        while authorityEnd < bytes.count, bytes[authorityEnd] != HTTPBytes.slash,
            bytes[authorityEnd] != HTTPBytes.question
        {
            authorityEnd += 1
        }
        let authority = UnsafeRawBufferPointer(rebasing: bytes[schemeLength..<authorityEnd])
        guard !authority.isEmpty, authority.allSatisfy(HTTPHeadDecoder.isHostByte) else {
            throw HTTPParseError(
                .invalidTarget, "Invalid authority in request target \"\(HTTPBytes.printable(bytes))\"")
        }
        authorityText = String(decoding: authority, as: UTF8.self)
        return split(bytes, from: authorityEnd, method: method, target: target, version: version)
    }

    /// Builds uri/path/query from `bytes[from...]` (which starts with "/", "?" or is
    /// empty); the strings are cut at ASCII "?" so they stay valid UTF-8.
    private static func split(
        _ bytes: UnsafeRawBufferPointer, from start: Int, method: HTTPMethod, target: String, version: HTTPVersion
    ) -> HTTPRequestHead {
        let question = HTTPBytes.firstIndex(of: HTTPBytes.question, in: bytes, from: start, to: bytes.count)
        // The common case, an origin-form target without query, shares one String.
        if start == 0 && question == nil { return head(method, target, uri: target, path: target, version: version) }
        let pathEnd = question ?? bytes.count
        let path = pathEnd == start ? "/" : text(bytes, start..<pathEnd)
        let query = question.map { text(bytes, ($0 + 1)..<bytes.count) } ?? ""
        let uri = start == 0 ? target : question == nil ? path : path + "?" + query
        return head(method, target, uri: uri, path: path, query: query, version: version)
    }

    /// A head without header fields.
    private static func head(
        _ method: HTTPMethod, _ target: String, uri: String, path: String, query: String = "", version: HTTPVersion
    ) -> HTTPRequestHead {
        HTTPRequestHead(
            method: method, target: target, uri: uri, path: path, query: query, version: version,
            headers: HTTPHeaders())
    }

    private static func text(_ bytes: UnsafeRawBufferPointer, _ range: Range<Int>) -> String {
        String(decoding: UnsafeRawBufferPointer(rebasing: bytes[range]), as: UTF8.self)
    }

    /// `HTTP/DIGIT.DIGIT`; only 1.0 and 1.1 are served.
    private static func parseVersion(_ bytes: UnsafeRawBufferPointer) throws(HTTPParseError) -> HTTPVersion {
        guard bytes.count == 8, HTTPBytes.equals(.init(rebasing: bytes[..<5]), "HTTP/"), bytes[6] == UInt8(ascii: "."),
            case let major = bytes[5] &- UInt8(ascii: "0"), major < 10,
            case let minor = bytes[7] &- UInt8(ascii: "0"), minor < 10
        else {
            throw HTTPParseError(.malformedVersion, "Malformed HTTP version: \"\(HTTPBytes.printable(bytes))\"")
        }
        guard major == 1 && minor <= 1 else {
            throw HTTPParseError(
                .unsupportedVersion, "Unsupported HTTP version HTTP/\(major).\(minor): only HTTP/1.0 and HTTP/1.1")
        }
        return minor == 1 ? .http1_1 : .http1_0
    }

    private static func string(_ bytes: UnsafeRawBufferPointer, hasNonASCII: Bool) throws(HTTPParseError) -> String {
        guard hasNonASCII else { return String(decoding: bytes, as: UTF8.self) }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw HTTPParseError(.invalidTarget, "Request target is not valid UTF-8")
        }
        return text
    }
}
