// Malformed requests: each must fail with the right kind and status, the same way
// however the bytes arrive, and the parser must stay failed afterwards.

import Testing
import SquallHTTP

/// (sample with "|" as CRLF, expected kind). Host is present unless the case is about it.
let malformedRequestSamples: [(String, HTTPParseError.Kind)] = [
    ("GET /|Host: h||", .malformedRequestLine),
    ("GET|Host: h||", .malformedRequestLine),
    (" GET / HTTP/1.1|Host: h||", .malformedRequestLine),
    ("GET  / HTTP/1.1|Host: h||", .malformedRequestLine),
    ("GET /a b HTTP/1.1|Host: h||", .malformedRequestLine),
    ("G(T / HTTP/1.1|Host: h||", .invalidMethod),
    ("G\u{7F}T / HTTP/1.1|Host: h||", .invalidMethod),
    ("GET / HTTP/1.1 |Host: h||", .malformedVersion),
    ("GET / http/1.1|Host: h||", .malformedVersion),
    ("GET / HTTP/11|Host: h||", .malformedVersion),
    ("GET / HTTP/1.1.1|Host: h||", .malformedVersion),
    ("GET / HTTP/1.x|Host: h||", .malformedVersion),
    ("GET / HTTP/2.0|Host: h||", .unsupportedVersion),
    ("GET / HTTP/0.9|Host: h||", .unsupportedVersion),
    ("GET / HTTP/1.2|Host: h||", .unsupportedVersion),
    ("GET /a\u{01}b HTTP/1.1|Host: h||", .invalidTarget),
    ("GET /a\tb HTTP/1.1|Host: h||", .invalidTarget),
    ("GET /a\u{7F} HTTP/1.1|Host: h||", .invalidTarget),
    ("GET a/b HTTP/1.1|Host: h||", .invalidTarget),
    ("GET * HTTP/1.1|Host: h||", .invalidTarget),
    ("CONNECT example.com:443 HTTP/1.1|Host: example.com||", .invalidTarget),
    ("GET ftp://example.com/ HTTP/1.1|Host: h||", .invalidTarget),
    ("GET http://user:pw@example.com/ HTTP/1.1|Host: h||", .invalidTarget),
    ("GET http:/// HTTP/1.1|Host: h||", .invalidTarget),
    ("GET / HTTP/1.1||", .invalidHost),
    ("GET / HTTP/1.1|Host: a|Host: b||", .invalidHost),
    ("GET / HTTP/1.1|Host: a|host: a||", .invalidHost),
    ("GET / HTTP/1.1|Host: a b||", .invalidHost),
    ("GET / HTTP/1.1|Host: evil.com/x||", .invalidHost),
    ("GET / HTTP/1.1|Host: a@b||", .invalidHost),
    ("GET / HTTP/1.1|Host h||", .invalidHeader),
    ("GET / HTTP/1.1|Host: h|X-A : b||", .invalidHeader),
    ("GET / HTTP/1.1|Host: h|X-A\t: b||", .invalidHeader),
    ("GET / HTTP/1.1|Host: h|X-A: b| c||", .invalidHeader),
    ("GET / HTTP/1.1|Host: h|X-A: b|\tc||", .invalidHeader),
    ("GET / HTTP/1.1| Host: h||", .invalidHeader),
    ("GET / HTTP/1.1|Host: h|: empty||", .invalidHeader),
    ("GET / HTTP/1.1|Host: h|X(A: b||", .invalidHeader),
    ("GET / HTTP/1.1|Host: h|X-A: b\u{0}c||", .invalidHeader),
    ("GET / HTTP/1.1|Host: h|X-A: a\rb||", .invalidHeader),
    ("GET / HTTP/1.1|Host: h\r|X: y||", .invalidHeader),
    ("GET / HTTP/1.1|Host: h|X-A: \u{7F}||", .invalidHeader),
    ("GET / HTTP/1.1|Host: h|X-A: \u{1B}[31m||", .invalidHeader),
    ("GET / HTTP/1.1|Host: h|Content-Length: +5||hello", .invalidContentLength),
    ("GET / HTTP/1.1|Host: h|Content-Length: -5||", .invalidContentLength),
    ("GET / HTTP/1.1|Host: h|Content-Length: 5a||", .invalidContentLength),
    ("GET / HTTP/1.1|Host: h|Content-Length: 0x5||", .invalidContentLength),
    ("GET / HTTP/1.1|Host: h|Content-Length: 1e3||", .invalidContentLength),
    ("GET / HTTP/1.1|Host: h|Content-Length: 5 5||hello", .invalidContentLength),
    ("GET / HTTP/1.1|Host: h|Content-Length:||", .invalidContentLength),
    ("GET / HTTP/1.1|Host: h|Content-Length: 5,||hello", .invalidContentLength),
    ("GET / HTTP/1.1|Host: h|Content-Length: 5, 6||hello", .invalidContentLength),
    ("GET / HTTP/1.1|Host: h|Content-Length: 5|Content-Length: 6||hello", .invalidContentLength),
    ("POST / HTTP/1.1|Host: h|Content-Length: 99999999999999999999999999||", .bodyTooLarge),
]

@Suite("HTTPRequestParser: malformed requests")
struct ParserErrorTests {
    @Test("each sample fails with its kind", arguments: malformedRequestSamples)
    func failsWithKind(_ sample: String, kind: HTTPParseError.Kind) throws {
        let error = try #require(parseError(sample.crlf))
        #expect(error.kind == kind, "\(error)")
        #expect(error.status == kind.status)
        #expect(!error.message.isEmpty)
    }

    @Test("drip-feeding gives the same error", arguments: malformedRequestSamples)
    func dripFeedSameError(_ sample: String, kind: HTTPParseError.Kind) {
        let bytes = Array(sample.crlf.utf8)
        #expect(parseDripFed(bytes) == parseStream([bytes]))
    }

    @Test("splitting anywhere gives the same error", arguments: malformedRequestSamples)
    func splitSameError(_ sample: String, kind: HTTPParseError.Kind) {
        #expect(splitOutcomesDiffering(from: Array(sample.crlf.utf8)).isEmpty)
    }

    @Test(arguments: [
        (HTTPParseError.Kind.malformedRequestLine, 400), (.invalidMethod, 400), (.invalidTarget, 400),
        (.malformedVersion, 400), (.unsupportedVersion, 505), (.requestLineTooLong, 414),
        (.invalidHeader, 400), (.headersTooLarge, 431), (.tooManyHeaders, 431), (.invalidHost, 400),
        (.invalidContentLength, 400), (.ambiguousFraming, 400), (.invalidTransferEncoding, 400),
        (.unsupportedTransferEncoding, 501), (.bodyTooLarge, 413), (.invalidChunk, 400),
    ])
    func statusPerKind(_ kind: HTTPParseError.Kind, code: Int) {
        #expect(kind.status.code == code)
    }

    @Test(arguments: [
        ("GET /|Host: h||", "Malformed HTTP request line"),
        ("GET / HTTP/1.1||", "Missing Host header"),
        ("GET / HTTP/1.1|Host: a|Host: b||", "Multiple Host headers"),
        ("GET / HTTP/1.1|Host: h|X A: b||", "Invalid header line: \"X A: b\""),
        ("GET / HTTP/1.1|Host: h|X-A : b||", "whitespace between field name and colon"),
        ("GET / HTTP/1.1|Host: h|X-A: b| c||", "obsolete line folding"),
        ("GET / HTTP/1.1|Host: h|X-A: b\u{0}||", "Invalid header line: \"X-A: b\\x00\""),
        ("POST / HTTP/1.1|Host: h|Content-Length: 1|Content-Length: 2||", "Conflicting Content-Length headers: 1 and 2"),
        ("POST / HTTP/1.1|Host: h|Content-Length: 1|Transfer-Encoding: chunked||", "Both Content-Length and Transfer-Encoding"),
        ("GET / HTTP/3.0|Host: h||", "Unsupported HTTP version HTTP/3.0"),
    ])
    func readableMessages(_ sample: String, fragment: String) throws {
        let error = try #require(parseError(sample.crlf))
        #expect(error.message.contains(fragment), "\(error.message)")
    }

    @Test func invalidUTF8TargetIsRejected() {
        let bytes = Array("GET /".utf8) + [0xC3, 0x28] + Array(" HTTP/1.1\r\nHost: h\r\n\r\n".utf8)
        #expect(parseStream([bytes]).error?.kind == .invalidTarget)
    }

    @Test func failedParserStaysFailed() throws {
        var parser = HTTPRequestParser()
        let bad = Array("BAD\r\n\r\n".utf8)
        let good = Array("GET / HTTP/1.1\r\nHost: h\r\n\r\n".utf8)
        #expect(throws: HTTPParseError.self) { try bad.withUnsafeBytes { _ = try parser.parse($0) } }
        #expect(!parser.isInsideMessage)
        let again = good.withUnsafeBytes { bytes in Result { () throws(HTTPParseError) in try parser.parse(bytes) } }
        guard case .failure(let error) = again else { Issue.record("expected the stored error"); return }
        #expect(error.kind == .malformedRequestLine)
    }

    @Test func errorMessagesEscapeAndTruncateHostileBytes() throws {
        let hostile = "GET / HTTP/1.1|Host: h|X" + String(repeating: "\u{7}", count: 500) + ": v||"
        let error = try #require(parseError(hostile.crlf))
        #expect(error.message.contains("\\x07"))
        #expect(error.message.utf8.count < 600)
        #expect(!error.message.contains("\u{7}"))
    }

    @Test func secondPipelinedRequestErrorKeepsTheFirst() {
        let outcome = parseOneShot("GET /ok HTTP/1.1|Host: h||GET /bad|Host: h||".crlf)
        #expect(outcome.messages.map(\.head.path) == ["/ok"])
        #expect(outcome.error?.kind == .malformedRequestLine)
    }
}
