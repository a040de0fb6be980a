// Byte ranges on static files: every single-range form, clamping, ignored and
// unsatisfiable ranges, HEAD with Range, If-Range, and the parser on its own.
import Foundation
import Squall
import SquallTesting
import Testing

@Suite("Static byte ranges")
struct StaticRangeTests {
    static let alphabet = "abcdefghijklmnopqrstuvwxyz"
    static let modified = 1_700_000_000

    private func fetch(_ headers: [(String, String)], method: String = "GET",
                       file: String = alphabet) async throws -> TestResponse {
        try await withStaticServer(["static/letters.txt": file], modified: Self.modified) { server, _ in
            try await server.fetch("/static/letters.txt", method: method, headers: headers)
        }
    }

    /// (Range header, status, body, Content-Range).
    @Test(arguments: [
        ("bytes=0-4", 206, "abcde", "bytes 0-4/26"),
        ("bytes=20-", 206, "uvwxyz", "bytes 20-25/26"),
        ("bytes=-3", 206, "xyz", "bytes 23-25/26"),
        ("bytes=-100", 206, alphabet, "bytes 0-25/26"),
        ("bytes=5-1000", 206, "fghijklmnopqrstuvwxyz", "bytes 5-25/26"),
        ("bytes=25-25", 206, "z", "bytes 25-25/26"),
        ("BYTES = 0-0", 206, "a", "bytes 0-0/26"),
        ("bytes=0-", 206, alphabet, "bytes 0-25/26"),
        ("bytes=26-", 416, "", "bytes */26"),
        ("bytes=99999999999999999999999-", 416, "", "bytes */26"),
        ("bytes=-0", 416, "", "bytes */26"),
        ("bytes=0-1,3-4", 200, alphabet, nil),
        ("bytes=5-2", 200, alphabet, nil),
        ("items=0-1", 200, alphabet, nil),
        ("bytes=x-y", 200, alphabet, nil),
        ("bytes", 200, alphabet, nil),
    ] as [(String, Int, String, String?)])
    func rangeForms(header: String, status: Int, body: String, contentRange: String?) async throws {
        let response = try await fetch([("Range", header)])
        #expect(response.status == status)
        #expect(response.text == body)
        #expect(response.header("Content-Range") == contentRange)
        #expect(response.header("Content-Length") == String(body.utf8.count))
        #expect(response.header("Accept-Ranges") == "bytes")
    }

    @Test func headWithRangeDescribesThePart() async throws {
        let response = try await fetch([("Range", "bytes=2-5")], method: "HEAD")
        #expect(response.status == 206)
        #expect(response.body.isEmpty)
        #expect(response.header("Content-Length") == "4")
        #expect(response.header("Content-Range") == "bytes 2-5/26")
    }

    @Test func anyRangeOfAnEmptyFileIsUnsatisfiable() async throws {
        let response = try await fetch([("Range", "bytes=0-")], file: "")
        #expect(response.status == 416)
        #expect(response.header("Content-Range") == "bytes */0")
    }

    @Test func ifRangeHonoursTheRangeOnlyForTheCurrentFile() async throws {
        let etag = "\"\(expectedVersion(Array(Self.alphabet.utf8)))\""
        let lastModified = HTTPDate.string(fromUnixTime: Self.modified)
        let cases: [(String, Int)] = [
            (etag, 206), ("\"stale\"", 200), ("W/" + etag, 200),
            (lastModified, 206), (HTTPDate.string(fromUnixTime: Self.modified - 5), 200), ("junk", 200),
        ]
        for (ifRange, status) in cases {
            let response = try await fetch([("Range", "bytes=0-1"), ("If-Range", ifRange)])
            #expect(response.status == status, "If-Range: \(ifRange)")
            #expect(response.text == (status == 206 ? "ab" : Self.alphabet))
        }
    }

    @Test func parserSelections() {
        let cases: [(String?, Int, ByteRangeSelection)] = [
            (nil, 10, .whole), ("bytes=0-9", 10, .partial(0..<10)), ("bytes=3-", 10, .partial(3..<10)),
            ("bytes=-4", 10, .partial(6..<10)), ("bytes=-40", 10, .partial(0..<10)), ("bytes=9-99", 10, .partial(9..<10)),
            ("bytes=10-", 10, .unsatisfiable), ("bytes=-0", 10, .unsatisfiable), ("bytes=-1", 0, .unsatisfiable),
            ("bytes= 1-2 ,", 10, .partial(1..<3)), ("bytes=,1-2", 10, .partial(1..<3)), ("bytes=1-2,4-5", 10, .whole),
            ("bytes=-", 10, .whole), ("bytes=1", 10, .whole), ("bytes=+1-2", 10, .whole), ("bytes=1--2", 10, .whole),
            ("bytes=0-\(Int.max)", 10, .partial(0..<10)), ("bytes=0-99999999999999999999999", 10, .partial(0..<10)),
            ("bytes=-99999999999999999999999", 10, .partial(0..<10)), ("pages=1-2", 10, .whole), ("", 10, .whole),
        ]
        for (header, size, expected) in cases {
            #expect(ByteRangeSelection(header: header, size: size) == expected, "\(header ?? "nil") of \(size)")
        }
        #expect(ByteRangeSelection.partial(2..<5).contentRange(size: 9) == "bytes 2-4/9")
        #expect(ByteRangeSelection.unsatisfiable.contentRange(size: 9) == "bytes */9")
        #expect(ByteRangeSelection.whole.contentRange(size: 9) == nil)
    }
}
