// HTTPHeaders: ordered storage, case-insensitive lookup, mutation, validation
// (header injection refused) and serialization.

import Testing
import SquallHTTP

@Suite("HTTPHeaders")
struct HTTPHeadersTests {
    private func sample() throws -> HTTPHeaders {
        try HTTPHeaders([
            ("Content-Type", "text/html"), ("Set-Cookie", "a=1"), ("X-Thing", "one"), ("set-cookie", "b=2"),
        ])
    }

    @Test func lookupIgnoresCase() throws {
        let headers = try sample()
        #expect(headers["content-type"] == "text/html")
        #expect(headers["CONTENT-TYPE"] == "text/html")
        #expect(headers["Content-Length"] == nil)
        #expect(headers.contains("x-THING"))
        #expect(!headers.contains("x-thin"))
        #expect(!headers.contains("x-thingy"))
    }

    @Test func repeatedNamesJoinWithCommaOrListSeparately() throws {
        let headers = try sample()
        #expect(headers["Set-Cookie"] == "a=1,b=2")
        #expect(headers.values(for: "SET-COOKIE") == ["a=1", "b=2"])
        #expect(headers.values(for: "missing").isEmpty)
    }

    @Test func iterationKeepsOrderAndOriginalCase() throws {
        let pairs = try sample().map { "\($0.name)=\($0.value)" }
        #expect(pairs == ["Content-Type=text/html", "Set-Cookie=a=1", "X-Thing=one", "set-cookie=b=2"])
    }

    @Test func setReplacesAllAndAppends() throws {
        var headers = try sample()
        try headers.set("SET-COOKIE", "c=3")
        #expect(headers.values(for: "set-cookie") == ["c=3"])
        #expect(headers.count == 3)
        #expect(headers.map(\.name).last == "SET-COOKIE")
    }

    @Test func removeReportsCount() throws {
        var headers = try sample()
        #expect(headers.remove("set-cookie") == 2)
        #expect(headers.remove("set-cookie") == 0)
        #expect(headers.count == 2)
        #expect(headers["x-thing"] == "one")
    }

    @Test func repeatedSetDoesNotGrowWithoutBound() throws {
        var headers = HTTPHeaders()
        try headers.add("Keep", "me")
        for index in 0..<10_000 { try headers.set("X-Counter", String(repeating: "n", count: 50) + "\(index)") }
        #expect(headers.count == 2)
        #expect(headers["keep"] == "me")
        #expect(headers["x-counter"]?.hasSuffix("9999") == true)
        var bytes: [UInt8] = []
        headers.write(into: &bytes)
        #expect(bytes.count == headers.serializedByteCount)
    }

    @Test(arguments: [
        "X-A\r\nInjected: 1", "X-A\n", "X-A\u{0}", "", "X A", "X-A:", "Ünïcode", "X(A)", "X-A\t",
    ])
    func invalidNamesAreRejected(_ name: String) throws {
        var headers = try sample()
        let error = #expect(throws: HTTPValidationError.self) { try headers.add(name, "v") }
        #expect(error?.kind == .invalidHeaderName)
        #expect(headers == (try sample()))
    }

    @Test(arguments: [
        "a\r\nSet-Cookie: admin=1", "a\nb", "a\rb", "a\u{0}b", "\u{7F}", "\u{1B}[2J", "end\r\n",
    ])
    func injectionInValuesIsRejected(_ value: String) throws {
        var headers = try sample()
        let error = #expect(throws: HTTPValidationError.self) { try headers.add("X-Safe", value) }
        #expect(error?.kind == .invalidHeaderValue)
        #expect(error?.message.contains("X-Safe") == true)
        #expect(throws: HTTPValidationError.self) { try headers.set("X-Thing", value) }
        // A rejected set leaves the old value in place.
        #expect(headers["x-thing"] == "one")
        #expect(throws: HTTPValidationError.self) { try HTTPHeaders([("X", value)]) }
    }

    @Test(arguments: ["", "tab\there", "  spaced  ", "caf\u{E9}", "!#$%&'*+-.^_`|~", "\"quoted\""])
    func legalValuesAreAccepted(_ value: String) throws {
        var headers = HTTPHeaders()
        try headers.add("X", value)
        #expect(headers["x"] == value)
    }

    @Test func writeSerializesInOrder() throws {
        var bytes: [UInt8] = Array("prefix".utf8)
        try sample().write(into: &bytes)
        #expect(String(decoding: bytes, as: UTF8.self)
            == "prefixContent-Type: text/html\r\nSet-Cookie: a=1\r\nX-Thing: one\r\nset-cookie: b=2\r\n")
    }

    @Test func receivedHeadersSerializeNormalized() throws {
        let message = try #require(parseSingle("GET / HTTP/1.1\r\nHost:h\nX-A: \t spaced \r\nX-B:v\r\n\r\n"))
        var headers = message.head.headers
        var bytes: [UInt8] = []
        headers.write(into: &bytes)
        #expect(String(decoding: bytes, as: UTF8.self) == "Host: h\r\nX-A: spaced\r\nX-B: v\r\n")
        #expect(bytes.count == headers.serializedByteCount)
        headers.remove("x-a")
        try headers.add("X-C", "3")
        bytes.removeAll()
        headers.write(into: &bytes)
        #expect(String(decoding: bytes, as: UTF8.self) == "Host: h\r\nX-B: v\r\nX-C: 3\r\n")
    }

    @Test(arguments: [
        ("close", true), ("CLOSE", true), ("keep-alive", true), ("upgrade", true), ("clo", false), ("se", false),
    ])
    func tokenLists(_ token: String, expected: Bool) throws {
        let headers = try HTTPHeaders([("Connection", "keep-alive, Upgrade"), ("connection", " close ")])
        #expect(headers.containsToken(token, forName: "connection") == expected)
    }

    @Test func equalityIsOrderAndBytewise() throws {
        let a = try HTTPHeaders([("A", "1"), ("B", "2")])
        #expect(a == (try HTTPHeaders([("A", "1"), ("B", "2")])))
        #expect(a != (try HTTPHeaders([("B", "2"), ("A", "1")])))
        #expect(a != (try HTTPHeaders([("a", "1"), ("B", "2")])))
        #expect(HTTPHeaders() == HTTPHeaders())
        #expect(HTTPHeaders().isEmpty)
    }

    @Test func descriptionListsFields() throws {
        #expect(try HTTPHeaders([("A", "1"), ("B", "2")]).description == "A: 1\nB: 2")
    }
}
