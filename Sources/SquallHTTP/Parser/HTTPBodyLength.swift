// HTTPBodyLength: how a request body is delimited (RFC 9112 §6.3), and the rules
// that derive it from Content-Length and Transfer-Encoding. These rules are the
// request-smuggling front line, so anything ambiguous is refused rather than guessed.

/// How the body of the current request is framed.
public enum HTTPBodyLength: Sendable, Hashable {
    /// Exactly this many bytes (0 when the request has neither Content-Length nor
    /// Transfer-Encoding).
    case fixed(Int)
    /// Chunked transfer coding; the size is known only at the end.
    case chunked
}

/// Collects the framing header fields of one head, then decides the body length.
struct HTTPBodyFramingFields {
    /// The agreed Content-Length; saturates at `Int.max` for absurd values so that
    /// the body limit (413), not a parse failure, rejects them.
    private var contentLength: Int?
    private var hasTransferEncoding = false
    private var chunkedCount = 0
    private var endsWithChunked = false
    private var unsupportedCoding: String?

    /// Notes one Content-Length field. Lists of identical values ("5, 5") and
    /// repeated identical fields are accepted (RFC 9110 §8.6).
    /// - Throws: `.invalidContentLength` for non-digits (signs, spaces inside, empty
    ///   elements) or a value differing from an earlier one.
    mutating func addContentLength(_ value: UnsafeRawBufferPointer) throws(HTTPParseError) {
        var start = 0
        while start <= value.count {
            let end = HTTPBytes.firstIndex(of: HTTPBytes.comma, in: value, from: start, to: value.count) ?? value.count
            let element = HTTPBytes.trimmingWhitespace(value, start..<end)
            var length = 0
            guard !element.isEmpty else { throw invalidLength(value) }
            for index in element {
                let digit = value[index] &- UInt8(ascii: "0")
                guard digit < 10 else { throw invalidLength(value) }
                let (shifted, overflow1) = length.multipliedReportingOverflow(by: 10)
                let (sum, overflow2) = shifted.addingReportingOverflow(Int(digit))
                length = overflow1 || overflow2 ? Int.max : sum
            }
            if let contentLength, contentLength != length {
                throw HTTPParseError(
                    .invalidContentLength, "Conflicting Content-Length headers: \(contentLength) and \(length)")
            }
            contentLength = length
            start = end + 1
        }
    }

    /// Notes one Transfer-Encoding field (codings accumulate across fields in order).
    /// - Throws: `.invalidTransferEncoding` for an empty list or a non-token coding.
    mutating func addTransferEncoding(_ value: UnsafeRawBufferPointer) throws(HTTPParseError) {
        hasTransferEncoding = true
        var start = 0
        var sawCoding = false
        while start <= value.count {
            let end = HTTPBytes.firstIndex(of: HTTPBytes.comma, in: value, from: start, to: value.count) ?? value.count
            let element = UnsafeRawBufferPointer(rebasing: value[HTTPBytes.trimmingWhitespace(value, start..<end)])
            start = end + 1
            // RFC 9110 §5.6.1: empty list elements are ignored.
            if element.isEmpty { continue }
            sawCoding = true
            if HTTPBytes.equalsIgnoringCase(element, "chunked") {
                chunkedCount += 1
                endsWithChunked = true
                continue
            }
            endsWithChunked = false
            // A coding may carry parameters ("gzip;q=1"); only its name matters here.
            let nameEnd = element.firstIndex(where: { !HTTPBytes.isTokenByte($0) }) ?? element.count
            guard nameEnd > 0,
                nameEnd == element.count || element[nameEnd] == HTTPBytes.semicolon
                    || HTTPBytes.isWhitespace(element[nameEnd])
            else {
                throw HTTPParseError(
                    .invalidTransferEncoding, "Invalid Transfer-Encoding: \"\(HTTPBytes.printable(value))\"")
            }
            if unsupportedCoding == nil {
                unsupportedCoding = HTTPBytes.printable(.init(rebasing: element[..<nameEnd]))
            }
        }
        if !sawCoding {
            throw HTTPParseError(.invalidTransferEncoding, "Empty Transfer-Encoding header")
        }
    }

    /// Decides the framing once all fields are seen.
    /// - Throws: `.ambiguousFraming` for Content-Length with Transfer-Encoding, or any
    ///   Transfer-Encoding on HTTP/1.0 (RFC 9112 §6.1); `.invalidTransferEncoding`
    ///   when `chunked` is not the final coding or appears twice (400);
    ///   `.unsupportedTransferEncoding` for other codings before `chunked` (501).
    func resolve(version: HTTPVersion) throws(HTTPParseError) -> HTTPBodyLength {
        guard hasTransferEncoding else { return .fixed(contentLength ?? 0) }
        if contentLength != nil {
            throw HTTPParseError(.ambiguousFraming, "Both Content-Length and Transfer-Encoding headers are present")
        }
        if version < .http1_1 {
            throw HTTPParseError(.ambiguousFraming, "Transfer-Encoding is not allowed in an HTTP/1.0 request")
        }
        if !endsWithChunked {
            throw HTTPParseError(.invalidTransferEncoding, "Transfer-Encoding must end with \"chunked\" in a request")
        }
        if chunkedCount > 1 {
            throw HTTPParseError(.invalidTransferEncoding, "Transfer-Encoding applies \"chunked\" more than once")
        }
        if let unsupportedCoding {
            throw HTTPParseError(
                .unsupportedTransferEncoding, "Unsupported Transfer-Encoding \"\(unsupportedCoding)\": only chunked is supported")
        }
        return .chunked
    }

    private func invalidLength(_ value: UnsafeRawBufferPointer) -> HTTPParseError {
        HTTPParseError(.invalidContentLength, "Invalid Content-Length: \"\(HTTPBytes.printable(value))\"")
    }
}
