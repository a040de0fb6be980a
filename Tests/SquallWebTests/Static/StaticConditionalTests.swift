// Conditional GET on static files: If-None-Match (weak comparison, lists, `*`),
// If-Modified-Since (equal, older, newer, invalid) and their precedence, plus
// the EntityTag helpers on their own.
import Foundation
import Squall
import SquallTesting
@testable import SquallWeb
import Testing

private typealias T = StaticConditionalTests

@Suite("Static conditional requests")
struct StaticConditionalTests {
    static let modified = 1_700_000_000
    static let content = "conditional content"
    static let etag = "\"\(expectedVersion(Array(content.utf8)))\""

    /// Fetches `/static/c.txt` with `headers` from a fresh fixture.
    private func fetch(_ headers: [(String, String)], method: String = "GET") async throws -> TestResponse {
        try await withStaticServer(["static/c.txt": Self.content], modified: Self.modified) { server, _ in
            try await server.fetch("/static/c.txt", method: method, headers: headers)
        }
    }

    @Test(arguments: [
        (T.etag, 304), ("W/" + T.etag, 304), ("\"nope\", " + T.etag, 304), ("\"a\",W/\"b\" , " + T.etag, 304),
        ("*", 304), ("\"nope\"", 200), ("W/\"nope\"", 200), ("garbage", 200), ("", 200),
    ])
    func ifNoneMatch(header: String, status: Int) async throws {
        let response = try await fetch([("If-None-Match", header)])
        #expect(response.status == status)
        if status == 304 {
            #expect(response.body.isEmpty)
            #expect(response.header("ETag") == Self.etag)
            #expect(response.header("Content-Type") == nil)
            #expect(response.header("Content-Length") == nil)
        } else {
            #expect(response.text == Self.content)
        }
    }

    @Test(arguments: [
        (HTTPDate.string(fromUnixTime: T.modified), 304),
        (HTTPDate.string(fromUnixTime: T.modified - 1), 200),
        (HTTPDate.string(fromUnixTime: T.modified + 86_400), 304),
        ("Tuesday, 14-Nov-23 22:13:20 GMT", 304),
        ("not a date", 200),
    ])
    func ifModifiedSince(header: String, status: Int) async throws {
        let response = try await fetch([("If-Modified-Since", header)])
        #expect(response.status == status)
        #expect(response.header("Last-Modified") == HTTPDate.string(fromUnixTime: Self.modified))
    }

    @Test func ifNoneMatchTakesPrecedenceOverIfModifiedSince() async throws {
        let newer = HTTPDate.string(fromUnixTime: Self.modified + 86_400)
        let older = HTTPDate.string(fromUnixTime: Self.modified - 86_400)
        #expect(try await fetch([("If-None-Match", "\"other\""), ("If-Modified-Since", newer)]).status == 200)
        #expect(try await fetch([("If-None-Match", Self.etag), ("If-Modified-Since", older)]).status == 304)
    }

    @Test func headIsConditionalToo() async throws {
        let response = try await fetch([("If-None-Match", Self.etag)], method: "HEAD")
        #expect(response.status == 304)
    }

    @Test func entityTagListsAreScannedLikeTornado() {
        #expect(EntityTag.tags(in: #"W/"a", "b",* "c""#) == [#"W/"a""#, #""b""#, "*", #""c""#])
        #expect(EntityTag.tags(in: #""unterminated"#).isEmpty)
        #expect(EntityTag.noneMatch(#""x", *"#, matches: #""y""#) == false)
        #expect(EntityTag.noneMatch(#"W/"y""#, matches: #"W/"y""#))
        #expect(EntityTag.noneMatch(#""y""#, matches: #"W/"y""#))
        #expect(EntityTag.strongMatch(#""y""#, #""y""#))
        #expect(!EntityTag.strongMatch(#"W/"y""#, #"W/"y""#))
        #expect(!EntityTag.strongMatch(#""y""#, #""Y""#))
    }
}
