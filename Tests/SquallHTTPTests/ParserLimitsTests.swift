// HTTPParserConfiguration limits: 431 head size and field count, 414 request line,
// 413 body size (checked before any body byte), and the per-request override.

import Testing
import SquallHTTP

@Suite("HTTPRequestParser: limits")
struct ParserLimitsTests {
    @Test func defaultsAreDocumentedValues() {
        let configuration = HTTPParserConfiguration()
        #expect(configuration.maxHeaderSize == 65_536)
        #expect(configuration.maxRequestLineLength == 16_384)
        #expect(configuration.maxHeaderCount == 100)
        #expect(configuration.maxBodySize == 104_857_600)
        #expect(configuration.maxChunkLineLength == 4_096)
    }

    @Test func headOfExactlyMaxHeaderSizeIsAccepted() {
        let request = "GET / HTTP/1.1|Host: h|X: 1234||".crlf
        let exact = HTTPParserConfiguration(maxHeaderSize: request.utf8.count)
        #expect(parseOneShot(request, configuration: exact).messages.count == 1)
        let tooSmall = HTTPParserConfiguration(maxHeaderSize: request.utf8.count - 1)
        let error = parseOneShot(request, configuration: tooSmall).error
        #expect(error?.kind == .headersTooLarge)
        #expect(error?.status.code == 431)
    }

    @Test func unterminatedHeadFailsOnceItReachesTheLimit() {
        let configuration = HTTPParserConfiguration(maxHeaderSize: 200)
        let bytes = Array(("GET / HTTP/1.1|Host: h|X: " + String(repeating: "a", count: 300)).crlf.utf8)
        #expect(parseStream([bytes], configuration: configuration).error?.kind == .headersTooLarge)
        #expect(parseDripFed(bytes, configuration: configuration).error?.kind == .headersTooLarge)
        let short = Array(bytes[..<199])
        #expect(parseStream([short], configuration: configuration).error == nil)
    }

    @Test func defaultHeaderLimitIs64KiB() {
        let filler = String(repeating: "v", count: 70_000)
        let error = parseOneShot("GET / HTTP/1.1|Host: h|X-Big: \(filler)||".crlf).error
        #expect(error?.kind == .headersTooLarge)
    }

    @Test func longRequestLineIs414() {
        let target = "/" + String(repeating: "a", count: 20_000)
        let complete = parseOneShot("GET \(target) HTTP/1.1|Host: h||".crlf)
        #expect(complete.error?.kind == .requestLineTooLong)
        #expect(complete.error?.status.code == 414)
        let unterminated = parseOneShot("GET \(target)")
        #expect(unterminated.error?.kind == .requestLineTooLong)
    }

    @Test func requestLineAtTheLimitIsAccepted() {
        let line = "GET /\(String(repeating: "a", count: 84)) HTTP/1.1\r\n"
        let configuration = HTTPParserConfiguration(maxRequestLineLength: line.utf8.count)
        #expect(parseOneShot(line + "Host: h\r\n\r\n", configuration: configuration).messages.count == 1)
        let tighter = HTTPParserConfiguration(maxRequestLineLength: line.utf8.count - 1)
        #expect(parseOneShot(line + "Host: h\r\n\r\n", configuration: tighter).error?.kind == .requestLineTooLong)
    }

    @Test(arguments: [(100, true), (101, false)])
    func headerCountLimit(_ count: Int, accepted: Bool) {
        // Host is one of the fields.
        let fields = (1..<count).map { "X-\($0): v|" }.joined()
        let outcome = parseOneShot("GET / HTTP/1.1|Host: h|\(fields)|".crlf)
        if accepted {
            #expect(outcome.messages.first?.head.headers.count == count)
        } else {
            #expect(outcome.error?.kind == .tooManyHeaders)
            #expect(outcome.error?.status.code == 431)
        }
    }

    @Test func hugeContentLengthIs413BeforeAnyBodyByte() throws {
        var parser = HTTPRequestParser()
        let head = "POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 104857601\r\n\r\n"
        let bytes = Array((head + "some body bytes").utf8)
        try bytes.withUnsafeBytes { buffer in
            let first = try parser.parse(buffer)
            #expect(first.consumed == head.utf8.count)
            let rest = UnsafeRawBufferPointer(rebasing: buffer[first.consumed...])
            let result = Result { () throws(HTTPParseError) in try parser.parse(rest) }
            guard case .failure(let error) = result else { Issue.record("expected 413"); return }
            #expect(error.kind == .bodyTooLarge)
            #expect(error.status.code == 413)
            #expect(error.message.contains("104857601"))
        }
    }

    @Test func contentLengthEqualToTheLimitIsAccepted() {
        let configuration = HTTPParserConfiguration(maxBodySize: 5)
        #expect(parseOneShot("POST / HTTP/1.1|Host: h|Content-Length: 5||hello".crlf, configuration: configuration)
            .messages.first?.body == Array("hello".utf8))
        #expect(parseOneShot("POST / HTTP/1.1|Host: h|Content-Length: 6||hello!".crlf, configuration: configuration)
            .error?.kind == .bodyTooLarge)
    }

    @Test func perRequestBodyLimitOverrideAppliesOnceThenResets() throws {
        var parser = HTTPRequestParser(configuration: HTTPParserConfiguration(maxBodySize: 4))
        let request = Array("POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 8\r\n\r\n12345678".utf8)
        var events: [HTTPParserEvent] = []
        try request.withUnsafeBytes { buffer in
            var offset = 0
            let head = try parser.parse(buffer)
            offset += head.consumed
            parser.setMaxBodySize(16)
            while true {
                let step = try parser.parse(UnsafeRawBufferPointer(rebasing: buffer[offset...]))
                offset += step.consumed
                events.append(step.event)
                if step.event == .end { break }
            }
        }
        #expect(events == [.body(0..<8), .end])
        // The next request is back to the configured 4-byte limit.
        let second = request.withUnsafeBytes { buffer in
            Result { () throws(HTTPParseError) in
                _ = try parser.parse(buffer)
                return try parser.parse(UnsafeRawBufferPointer(rebasing: buffer[(request.count - 8)...]))
            }
        }
        guard case .failure(let error) = second else { Issue.record("expected 413"); return }
        #expect(error.kind == .bodyTooLarge)
    }
}
