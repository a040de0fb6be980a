// Request-smuggling shapes (CL.TE, TE.CL, TE.TE obfuscations, odd Content-Length,
// lenient chunk framing): every ambiguous framing must be refused, never guessed.

import Testing
import SquallHTTP

@Suite("HTTPRequestParser: request smuggling defences")
struct ParserSmugglingTests {
    @Test("ambiguous or unsupported framing is refused", arguments: [
        // CL.TE and TE.CL
        ("Content-Length: 13|Transfer-Encoding: chunked", HTTPParseError.Kind.ambiguousFraming),
        ("Transfer-Encoding: chunked|Content-Length: 4", .ambiguousFraming),
        ("Content-Length: 0|Transfer-Encoding: chunked", .ambiguousFraming),
        // TE.TE obfuscations
        ("Transfer-Encoding: xchunked", .invalidTransferEncoding),
        ("Transfer-Encoding: chunkedx", .invalidTransferEncoding),
        ("Transfer-Encoding: chunked, identity", .invalidTransferEncoding),
        ("Transfer-Encoding: chunked|Transfer-Encoding: identity", .invalidTransferEncoding),
        ("Transfer-Encoding: chunked|Transfer-Encoding: chunked", .invalidTransferEncoding),
        ("Transfer-Encoding: chunked, chunked", .invalidTransferEncoding),
        ("Transfer-Encoding: chunked;q=1", .invalidTransferEncoding),
        ("Transfer-Encoding: \"chunked\"", .invalidTransferEncoding),
        ("Transfer-Encoding: chu nked", .invalidTransferEncoding),
        ("Transfer-Encoding:", .invalidTransferEncoding),
        ("Transfer-Encoding: ,", .invalidTransferEncoding),
        ("Transfer-Encoding: gzip", .invalidTransferEncoding),
        ("Transfer-Encoding : chunked", .invalidHeader),
        ("Transfer-Encoding\t: chunked", .invalidHeader),
        ("Transfer-Encoding: chunked\u{0B}", .invalidHeader),
        ("Transfer-Encoding: \u{0C}chunked", .invalidHeader),
        ("X: y|\tTransfer-Encoding: chunked", .invalidHeader),
        ("X: y| Transfer-Encoding: chunked", .invalidHeader),
        ("X: y\rTransfer-Encoding: chunked", .invalidHeader),
        // Codings we cannot decode are 501, as RFC 9112 §6.1 asks.
        ("Transfer-Encoding: gzip, chunked", .unsupportedTransferEncoding),
        ("Transfer-Encoding: identity, chunked", .unsupportedTransferEncoding),
        ("Transfer-Encoding: gzip|Transfer-Encoding: chunked", .unsupportedTransferEncoding),
        // Content-Length oddities
        ("Content-Length: +5", .invalidContentLength),
        ("Content-Length: 5, 6", .invalidContentLength),
        ("Content-Length: 5|Content-Length: 6", .invalidContentLength),
        ("Content-Length: 0, 5", .invalidContentLength),
        ("Content-Length: 5.0", .invalidContentLength),
        ("Content-Length: 0x05", .invalidContentLength),
        ("Content-Length: 5\u{0}", .invalidHeader),
        ("Content-Length : 5", .invalidHeader),
    ])
    func refused(_ fields: String, kind: HTTPParseError.Kind) throws {
        let request = "POST / HTTP/1.1|Host: h|\(fields)||5|hello|0||".crlf
        let error = try #require(parseError(request))
        #expect(error.kind == kind, "\(error)")
    }

    @Test func transferEncodingOnHTTP10IsRefused() throws {
        let error = try #require(parseError("POST / HTTP/1.0|Transfer-Encoding: chunked||0||".crlf))
        #expect(error.kind == .ambiguousFraming)
    }

    @Test(arguments: [
        "Transfer-Encoding: chunked", "Transfer-Encoding: CHUNKED", "Transfer-Encoding:\tchunked ",
        "Transfer-Encoding: ,chunked", "transfer-encoding: Chunked",
    ])
    func legitimateChunkedSpellingsAreAccepted(_ field: String) throws {
        let message = try #require(parseSingle("POST / HTTP/1.1|Host: h|\(field)||5|hello|0||".crlf))
        #expect(message.body == Array("hello".utf8))
    }

    @Test func lookalikeHeaderNameDoesNotFrameTheBody() {
        // "Transfer_Encoding" is just an unknown header: no body, and the would-be
        // chunk "0" is then a (malformed) next request — never a smuggled body.
        let outcome = parseOneShot("POST / HTTP/1.1|Host: h|Transfer_Encoding: chunked||0||".crlf)
        #expect(outcome.messages.count == 1)
        #expect(outcome.messages[0].body.isEmpty)
        #expect(outcome.error?.kind == .malformedRequestLine)
    }

    @Test func bodyWithRequestInsideIsNotParsedAsARequest() {
        let inner = "GET /admin HTTP/1.1|Host: h||".crlf
        let outcome = parseOneShot("POST /a HTTP/1.1|Host: h|Content-Length: \(inner.utf8.count)||".crlf + inner)
        #expect(outcome.messages.count == 1)
        #expect(outcome.messages[0].body == Array(inner.utf8))
    }

    @Test(arguments: [
        // Chunk framing leniency ("funky chunks"): bare LF or junk must not be tolerated.
        "2\r\nxx\n0\r\n\r\n", "2\nxx\r\n0\r\n\r\n", "2;\nxx\r\n0\r\n\r\n", "2\r\nxxx\r\n0\r\n\r\n",
        "2\r\nxx\r\n0\n\r\n", "2\r\nxx\r\n0\r\n\n",
    ])
    func lenientChunkFramingIsRefused(_ body: String) throws {
        let error = try #require(parseError("POST / HTTP/1.1|Host: h|Transfer-Encoding: chunked||".crlf + body))
        #expect(error.kind == .invalidChunk, "\(error)")
    }

    @Test func leadingZerosInContentLengthAreDigits() throws {
        let message = try #require(parseSingle("POST / HTTP/1.1|Host: h|Content-Length: 005||hello".crlf))
        #expect(message.body == Array("hello".utf8))
    }
}
