// Valid requests: what the parser extracts, and that every way of chunking the
// bytes (one shot, one byte at a time, split anywhere) gives the same result.

import Testing
import SquallHTTP

/// Valid request samples shared by the tests below ("|" = CRLF).
let validRequestSamples: [String] = [
    "GET / HTTP/1.1|Host: example.com||",
    "GET /hello?name=squall&x=1 HTTP/1.1|Host: localhost:8080|User-Agent: curl/8.5|Accept: */*||",
    "POST /submit HTTP/1.1|Host: a|Content-Length: 11|Content-Type: text/plain||hello world",
    "POST /c HTTP/1.1|Host: a|Transfer-Encoding: chunked||5|hello|6;ext=1|world!|0||",
    "POST /t HTTP/1.1|Host: a|Transfer-Encoding: chunked||3|abc|0|X-Checksum: 42|X-Other: y||",
    "GET /old HTTP/1.0||",
    "HEAD /h HTTP/1.1|Host: h|Connection: close||",
    "OPTIONS * HTTP/1.1|Host: h||",
    "GET http://example.com/a?b HTTP/1.1|Host: other||",
    "|\r\nGET /after-empty-lines HTTP/1.1|Host: h||",
    "GET /lf HTTP/1.1\nHost: h\nX-A: 1\n\n",
    "PUT /x HTTP/1.1|Host: h|Content-Length: 0||",
    "GET /a HTTP/1.1|Host: h||GET /b HTTP/1.1|Host: h||POST /c HTTP/1.1|Host: h|Content-Length: 2||ok",
    "PROPFIND /dav HTTP/1.1|Host: h|Depth: 1||",
    "GET /ü/%20?q=ü HTTP/1.1|Host: h|X-Empty:|X-Tabs: \t v \t||",
    "POST /e HTTP/1.1|Host: h|Expect: 100-continue|Content-Length: 3||abc",
]

@Suite("HTTPRequestParser: valid requests")
struct ParserRequestTests {
    @Test("every sample parses without error and consumes everything", arguments: validRequestSamples)
    func samplesParse(_ sample: String) {
        let outcome = parseOneShot(sample.crlf)
        #expect(outcome.error == nil)
        #expect(outcome.partial == nil)
        #expect(outcome.leftover.isEmpty)
        #expect(!outcome.messages.isEmpty)
    }

    @Test("drip-feeding one byte at a time equals the one-shot parse", arguments: validRequestSamples)
    func dripFeed(_ sample: String) {
        let bytes = Array(sample.crlf.utf8)
        #expect(parseDripFed(bytes) == parseStream([bytes]))
    }

    @Test("splitting at every position equals the one-shot parse", arguments: validRequestSamples)
    func everySplit(_ sample: String) {
        let differing = splitOutcomesDiffering(from: Array(sample.crlf.utf8))
        #expect(differing.isEmpty, "differs at split \(differing.first?.0 ?? -1)")
    }

    @Test func simpleGet() throws {
        let message = try #require(parseSingle("GET /hello?name=squall&x=1 HTTP/1.1|Host: localhost:8080|Accept: */*||".crlf))
        #expect(message.head.method == .GET)
        #expect(message.head.uri == "/hello?name=squall&x=1")
        #expect(message.head.target == "/hello?name=squall&x=1")
        #expect(message.head.path == "/hello")
        #expect(message.head.query == "name=squall&x=1")
        #expect(message.head.version == .http1_1)
        #expect(message.head.headers["host"] == "localhost:8080")
        #expect(message.head.headers["ACCEPT"] == "*/*")
        #expect(message.head.host == "localhost:8080")
        #expect(message.head.keepAlive)
        #expect(!message.head.expectsContinue)
        #expect(message.body.isEmpty)
    }

    @Test func getEndsImmediatelyAfterHead() throws {
        var parser = HTTPRequestParser()
        let bytes = Array("GET / HTTP/1.1\r\nHost: h\r\n\r\n".utf8)
        try bytes.withUnsafeBytes { buffer in
            let first = try parser.parse(buffer)
            #expect(first.consumed == bytes.count)
            guard case .head = first.event else { Issue.record("expected head"); return }
            #expect(parser.bodyLength == .fixed(0))
            #expect(parser.isInsideMessage)
            let second = try parser.parse(UnsafeRawBufferPointer(rebasing: buffer[bytes.count...]))
            #expect(second.consumed == 0)
            #expect(second.event == .end)
            #expect(!parser.isInsideMessage)
        }
    }

    @Test func bodyRangesPointIntoTheInput() throws {
        var parser = HTTPRequestParser()
        let bytes = Array("POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 5\r\n\r\nhello".utf8)
        try bytes.withUnsafeBytes { buffer in
            let head = try parser.parse(buffer)
            #expect(parser.bodyLength == .fixed(5))
            let rest = UnsafeRawBufferPointer(rebasing: buffer[head.consumed...])
            let body = try parser.parse(rest)
            #expect(body.event == .body(0..<5))
            #expect(body.consumed == 5)
            #expect(Array(rest[0..<5]) == Array("hello".utf8))
            #expect(try parser.parse(UnsafeRawBufferPointer(rebasing: rest[5...])).event == .end)
        }
    }

    @Test func stopsAfterEndSoTheCallerDecidesWhenToContinue() throws {
        var parser = HTTPRequestParser()
        let first = "GET /a HTTP/1.1\r\nHost: h\r\n\r\n"
        let bytes = Array((first + "GET /b HTTP/1.1\r\nHost: h\r\n\r\n").utf8)
        try bytes.withUnsafeBytes { buffer in
            let head = try parser.parse(buffer)
            #expect(head.consumed == first.utf8.count)
            let end = try parser.parse(UnsafeRawBufferPointer(rebasing: buffer[head.consumed...]))
            #expect(end.consumed == 0 && end.event == .end)
            // Nothing of the second request has been looked at; parsing resumes on demand.
            let next = try parser.parse(UnsafeRawBufferPointer(rebasing: buffer[head.consumed...]))
            guard case .head(let second) = next.event else { Issue.record("expected second head"); return }
            #expect(second.path == "/b")
        }
    }

    @Test func pipelinedRequestsInOneBuffer() {
        let outcome = parseOneShot(
            "GET /a HTTP/1.1|Host: h||GET /b HTTP/1.1|Host: h||POST /c HTTP/1.1|Host: h|Content-Length: 2||ok".crlf)
        #expect(outcome.messages.map(\.head.path) == ["/a", "/b", "/c"])
        #expect(outcome.messages[2].body == Array("ok".utf8))
    }

    @Test func incompleteHeadWaitsWithoutConsuming() {
        let outcome = parseOneShot("GET / HTTP/1.1|Host: h|".crlf)
        #expect(outcome.messages.isEmpty && outcome.partial == nil && outcome.error == nil)
        #expect(outcome.leftover == Array("GET / HTTP/1.1\r\nHost: h\r\n".utf8))
    }

    @Test func incompleteBodyIsPartial() {
        let outcome = parseOneShot("POST / HTTP/1.1|Host: h|Content-Length: 10||abc".crlf)
        #expect(outcome.partial?.body == Array("abc".utf8))
        #expect(outcome.messages.isEmpty)
    }

    @Test func absoluteFormTargetOverridesHost() throws {
        let message = try #require(parseSingle("GET http://example.com:8080/a?b HTTP/1.1|Host: other||".crlf))
        #expect(message.head.path == "/a")
        #expect(message.head.query == "b")
        #expect(message.head.uri == "/a?b")
        #expect(message.head.target == "http://example.com:8080/a?b")
        #expect(message.head.headers.values(for: "Host") == ["example.com:8080"])
    }

    @Test(arguments: [
        ("GET HTTPS://example.com HTTP/1.1|Host: x||", "/", "", "/"),
        ("GET http://example.com?q=1 HTTP/1.1||", "/", "q=1", "/?q=1"),
        ("GET http://[::1]:80/x HTTP/1.0||", "/x", "", "/x"),
    ])
    func absoluteFormVariants(_ sample: String, path: String, query: String, uri: String) throws {
        let message = try #require(parseSingle(sample.crlf))
        #expect(message.head.path == path)
        #expect(message.head.query == query)
        #expect(message.head.uri == uri)
    }

    @Test func absoluteFormSatisfiesHostRequirement() throws {
        let message = try #require(parseSingle("GET http://h.example/ HTTP/1.1||".crlf))
        #expect(message.head.host == "h.example")
    }

    @Test func optionsAsterisk() throws {
        let message = try #require(parseSingle("OPTIONS * HTTP/1.1|Host: h||".crlf))
        #expect(message.head.method == .OPTIONS)
        #expect(message.head.uri == "*")
        #expect(message.head.path == "*")
    }

    @Test func leadingEmptyLinesAreIgnored() throws {
        let outcome = parseOneShot("\r\n\n\r\nGET / HTTP/1.1\r\nHost: h\r\n\r\n")
        #expect(outcome.messages.count == 1)
        #expect(outcome.error == nil)
    }

    @Test func bareLFLineEndingsAreAcceptedInTheHead() throws {
        let message = try #require(parseSingle("GET /lf HTTP/1.1\nHost: h\nX-A: 1\n\n"))
        #expect(message.head.headers["x-a"] == "1")
    }

    @Test func headerValuesAreTrimmedAndMayBeEmpty() throws {
        let message = try #require(parseSingle("GET / HTTP/1.1|Host: h|X-Empty:|X-Tabs: \t v  w \t||".crlf))
        #expect(message.head.headers["x-empty"] == "")
        #expect(message.head.headers["x-tabs"] == "v  w")
    }

    @Test func obsTextInValuesIsKept() throws {
        let bytes = Array("GET / HTTP/1.1\r\nHost: h\r\nX-Name: caf\u{E9}\r\nX-Raw: ".utf8) + [0xFF] + Array("\r\n\r\n".utf8)
        let outcome = parseStream([bytes])
        #expect(outcome.messages.first?.head.headers["x-name"] == "café")
        #expect(outcome.messages.first?.head.headers["x-raw"] == "\u{FFFD}")
    }

    @Test func unicodeTargetIsDecoded() throws {
        let message = try #require(parseSingle("GET /ü/%20?q=ü HTTP/1.1|Host: h||".crlf))
        #expect(message.head.path == "/ü/%20")
        #expect(message.head.query == "q=ü")
    }

    @Test func anyTokenMethodIsAccepted() throws {
        let message = try #require(parseSingle("PROPFIND /dav HTTP/1.1|Host: h||".crlf))
        #expect(message.head.method == HTTPMethod(rawValue: "PROPFIND"))
        #expect(parseSingle("M-SEARCH * HTTP/1.1|Host: h||".crlf) == nil)  // "*" only with OPTIONS
        #expect(parseSingle("get / HTTP/1.1|Host: h||".crlf)?.head.method.rawValue == "get")
    }

    @Test func http10WithoutHostIsAccepted() throws {
        let message = try #require(parseSingle("GET / HTTP/1.0||".crlf))
        #expect(message.head.version == .http1_0)
        #expect(message.head.host == nil)
    }

    @Test(arguments: [
        ("GET / HTTP/1.1|Host: h||", true),
        ("GET / HTTP/1.1|Host: h|Connection: close||", false),
        ("GET / HTTP/1.1|Host: h|Connection: Upgrade, CLOSE||", false),
        ("GET / HTTP/1.1|Host: h|Connection: keep-alive||", true),
        ("GET / HTTP/1.0||", false),
        ("GET / HTTP/1.0|Connection: keep-alive||", true),
        ("GET / HTTP/1.0|Connection: Keep-Alive||", true),
        ("GET / HTTP/1.0|Connection: foo,  keep-alive ||", true),
        ("GET / HTTP/1.0|Connection: close||", false),
        ("GET / HTTP/1.0|Connection: keep-alive-ish||", false),
    ])
    func keepAliveSemantics(_ sample: String, keepAlive: Bool) throws {
        let message = try #require(parseSingle(sample.crlf))
        #expect(message.head.keepAlive == keepAlive)
    }

    @Test(arguments: [
        ("POST / HTTP/1.1|Host: h|Expect: 100-continue|Content-Length: 1||x", true),
        ("POST / HTTP/1.1|Host: h|Expect: 100-Continue|Content-Length: 1||x", true),
        ("POST / HTTP/1.0|Expect: 100-continue|Content-Length: 1||x", false),
        ("POST / HTTP/1.1|Host: h|Expect: something-else|Content-Length: 1||x", false),
        ("POST / HTTP/1.1|Host: h|Content-Length: 1||x", false),
    ])
    func expectContinueFlag(_ sample: String, expected: Bool) throws {
        let message = try #require(parseSingle(sample.crlf))
        #expect(message.head.expectsContinue == expected)
    }

    @Test func contentLengthCheckBeforeContinueConsumesNothing() throws {
        var parser = HTTPRequestParser()
        let bytes = Array("POST / HTTP/1.1\r\nHost: h\r\nExpect: 100-continue\r\nContent-Length: 3\r\n\r\n".utf8)
        try bytes.withUnsafeBytes { buffer in
            let head = try parser.parse(buffer)
            #expect(head.consumed == bytes.count)
            let probe = try parser.parse(UnsafeRawBufferPointer(start: nil, count: 0))
            #expect(probe.consumed == 0)
            #expect(probe.event == .needMoreData)
        }
    }

    @Test func duplicateIdenticalContentLengthIsAccepted() throws {
        let message = try #require(parseSingle("POST / HTTP/1.1|Host: h|Content-Length: 3|Content-Length: 3||abc".crlf))
        #expect(message.body == Array("abc".utf8))
        let listed = try #require(parseSingle("POST / HTTP/1.1|Host: h|Content-Length: 3, 3||abc".crlf))
        #expect(listed.body == Array("abc".utf8))
    }

    @Test func requestHeadRoundTripsThroughWrite() throws {
        var headers = HTTPHeaders()
        try headers.add("Host", "example.com")
        try headers.add("Content-Length", "2")
        let head = try HTTPRequestHead(method: .POST, uri: "/p?q=1", headers: headers)
        var bytes: [UInt8] = []
        head.write(into: &bytes)
        bytes += Array("ok".utf8)
        let outcome = parseStream([bytes])
        #expect(outcome.messages.first?.head == head)
        #expect(outcome.messages.first?.body == Array("ok".utf8))
    }

    @Test func requestHeadInitRejectsInjection() {
        #expect(throws: HTTPValidationError.self) { try HTTPRequestHead(method: .GET, uri: "/a HTTP/1.1\r\nX: y") }
        #expect(throws: HTTPValidationError.self) { try HTTPRequestHead(method: "GE T", uri: "/") }
        #expect(throws: HTTPValidationError.self) { try HTTPRequestHead(method: .GET, uri: "") }
    }
}
