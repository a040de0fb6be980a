// Chunked request bodies (RFC 9112 §7.1): sizes, extensions, trailers, strict
// CRLF framing and the running-total body limit.

import Testing
import SquallHTTP

private func chunked(_ body: String) -> String {
    "POST /c HTTP/1.1|Host: h|Transfer-Encoding: chunked||".crlf + body
}

@Suite("HTTPRequestParser: chunked bodies")
struct ParserChunkedTests {
    @Test(arguments: [
        ("5\r\nhello\r\n0\r\n\r\n", "hello"),
        ("5\r\nhello\r\n6\r\n world\r\n0\r\n\r\n", "hello world"),
        ("0\r\n\r\n", ""),
        ("A\r\n0123456789\r\n0\r\n\r\n", "0123456789"),
        ("a\r\n0123456789\r\n0\r\n\r\n", "0123456789"),
        ("0005\r\nhello\r\n000\r\n\r\n", "hello"),
        ("5;name=val\r\nhello\r\n0;last\r\n\r\n", "hello"),
        ("5 ;a=b\r\nhello\r\n0\r\n\r\n", "hello"),
        ("5\t;a=\"quoted; value\";b\r\nhello\r\n0\r\n\r\n", "hello"),
        ("2\r\n\r\n\r\n0\r\n\r\n", "\r\n"),
    ])
    func bodies(_ body: String, expected: String) throws {
        let message = try #require(parseSingle(chunked(body)))
        #expect(message.body == Array(expected.utf8))
        #expect(message.trailers.isEmpty)
    }

    @Test func chunkDataSpanningReadsIsDeliveredInPieces() throws {
        var parser = HTTPRequestParser()
        let head = Array(chunked("").utf8)
        try head.withUnsafeBytes { _ = try parser.parse($0) }
        #expect(parser.bodyLength == .chunked)
        let part1 = Array("a\r\n01234".utf8)
        let first = try part1.withUnsafeBytes { try parser.parse($0) }
        #expect(first.consumed == part1.count)
        #expect(first.event == .body(3..<8))
        let part2 = Array("56789\r\n0\r\n\r\n".utf8)
        let second = try part2.withUnsafeBytes { try parser.parse($0) }
        #expect(second.consumed == 5 && second.event == .body(0..<5))
    }

    @Test func trailersAreExposedAfterEnd() throws {
        let message = try #require(parseSingle(chunked("3\r\nabc\r\n0\r\nX-Checksum: 42\r\nX-Other:  y \r\n\r\n")))
        #expect(message.body == Array("abc".utf8))
        #expect(message.trailers["x-checksum"] == "42")
        #expect(message.trailers["X-Other"] == "y")
        #expect(message.trailers.count == 2)
    }

    @Test func trailersResetForTheNextRequest() {
        let outcome = parseOneShot(chunked("0\r\nX-T: 1\r\n\r\n") + "GET / HTTP/1.1|Host: h||".crlf)
        #expect(outcome.messages.count == 2)
        #expect(outcome.messages[0].trailers["x-t"] == "1")
        #expect(outcome.messages[1].trailers.isEmpty)
    }

    @Test func pipelinedAfterChunked() {
        let outcome = parseOneShot(chunked("1\r\nx\r\n0\r\n\r\n") + "GET /next HTTP/1.1|Host: h||".crlf)
        #expect(outcome.messages.map(\.head.path) == ["/c", "/next"])
        #expect(outcome.leftover.isEmpty)
    }

    @Test(arguments: [
        "g\r\nhello\r\n0\r\n\r\n",
        "\r\nhello\r\n0\r\n\r\n",
        " 5\r\nhello\r\n0\r\n\r\n",
        "-5\r\nhello\r\n0\r\n\r\n",
        "+5\r\nhello\r\n0\r\n\r\n",
        "0x5\r\nhello\r\n0\r\n\r\n",
        "5x\r\nhello\r\n0\r\n\r\n",
        "5 5\r\nhello\r\n0\r\n\r\n",
        "5\nhello\r\n0\r\n\r\n",
        "5;a\nhello\r\n0\r\n\r\n",
        "5;a\u{0}b\r\nhello\r\n0\r\n\r\n",
        "5;a\rb\r\nhello\r\n0\r\n\r\n",
        "5\r\nhelloX\r\n0\r\n\r\n",
        "5\r\nhello\n0\r\n\r\n",
        "5\r\nhello\r0\r\n\r\n",
        "2\r\nxx\r\n0\r\n\n",
        "2\r\nxx\r\n0\r\nX-T: 1\n\r\n",
        "0\r\nBad Trailer: x\r\n\r\n",
        "0\r\nX-T : x\r\n\r\n",
    ])
    func malformedChunks(_ body: String) throws {
        let error = try #require(parseError(chunked(body)))
        #expect(error.status.code == 400, "\(error)")
        #expect(error.kind == .invalidChunk || error.kind == .invalidHeader, "\(error)")
    }

    @Test(arguments: [
        "5\r\nhello\r\n0\r\n\r\n", "2\r\nxx\n0\r\n\r\n", "3\r\nabc\r\n0\r\nX-T: 1\r\n\r\n", "1;e=\"v\"\r\nx\r\n0\r\n\r\n",
    ])
    func chunkedParsesIdenticallyAtEverySplit(_ body: String) {
        let bytes = Array(chunked(body).utf8)
        #expect(splitOutcomesDiffering(from: bytes).isEmpty)
        #expect(parseDripFed(bytes) == parseStream([bytes]))
    }

    @Test func chunkSizeLineLengthIsLimited() throws {
        let longExtension = "5;" + String(repeating: "e", count: 5_000) + "\r\nhello\r\n0\r\n\r\n"
        let error = try #require(parseError(chunked(longExtension)))
        #expect(error.kind == .invalidChunk)
        // An unterminated line fails as soon as it is too long, without waiting.
        let open = chunked("5;" + String(repeating: "e", count: 5_000))
        #expect(parseOneShot(open).error?.kind == .invalidChunk)
    }

    @Test func runningTotalIsCheckedBeforeEachChunkIsRead() throws {
        let configuration = HTTPParserConfiguration(maxBodySize: 10)
        #expect(parseOneShot(chunked("5\r\nhello\r\n5\r\nworld\r\n0\r\n\r\n"), configuration: configuration).error == nil)
        let outcome = parseOneShot(chunked("5\r\nhello\r\n6\r\nworld!\r\n0\r\n\r\n"), configuration: configuration)
        #expect(outcome.error?.kind == .bodyTooLarge)
        #expect(outcome.error?.status.code == 413)
        #expect(outcome.partial?.body == Array("hello".utf8))
    }

    @Test(arguments: ["ffffffffffffffffffffffff", "7fffffffffffffff", "10000000000000000"])
    func absurdChunkSizesAre413(_ size: String) throws {
        let error = try #require(parseError(chunked(size + "\r\nxx")))
        #expect(error.kind == .bodyTooLarge)
    }

    @Test func trailersCountAgainstTheHeadSizeLimit() throws {
        let head = chunked("")
        // 20 bytes of trailer lines fit beside the head; the final CRLF is not counted.
        let configuration = HTTPParserConfiguration(maxHeaderSize: head.utf8.count + 20)
        #expect(parseOneShot(head + "0\r\nX-T: 1234567890123\r\n\r\n", configuration: configuration).error == nil)
        let error = parseOneShot(head + "0\r\nX-T: 12345678901234\r\n\r\n", configuration: configuration).error
        #expect(error?.kind == .headersTooLarge)
        #expect(error?.status.code == 431)
    }

    @Test func trailerCountIsLimited() throws {
        let configuration = HTTPParserConfiguration(maxHeaderCount: 2)
        let error = parseOneShot(chunked("0\r\nA: 1\r\nB: 2\r\nC: 3\r\n\r\n"), configuration: configuration).error
        #expect(error?.kind == .tooManyHeaders)
    }
}
