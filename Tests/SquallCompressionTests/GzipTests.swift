// One-shot gzip: a known vector from Python's gzip module, round trips,
// multi-member files, and every way a body can fail to be gzip.

import Testing
import SquallCompression

@Suite("Gzip")
struct GzipTests {
    /// `gzip.compress(b"hello world\n", mtime=0)` from CPython.
    static let helloWorld: [UInt8] = [
        0x1f, 0x8b, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00, 0x02, 0x03, 0xcb, 0x48, 0xcd, 0xc9, 0xc9, 0x57,
        0x28, 0xcf, 0x2f, 0xca, 0x49, 0xe1, 0x02, 0x00, 0x2d, 0x3b, 0x08, 0xaf, 0x0c, 0x00, 0x00, 0x00,
    ]

    @Test("decodes a gzip file written by another implementation")
    func knownVector() throws {
        #expect(try Gzip.decompress(Self.helloWorld) == Array("hello world\n".utf8))
    }

    @Test("round trip at several levels and sizes")
    func roundTrip() throws {
        for level in [0, 1, 6, 9] {
            for size in [0, 1, 100, 200_000] {
                let data = sampleData(size)
                let compressed = try Gzip.compress(data, level: level)
                #expect(compressed.prefix(3) == [0x1f, 0x8b, 0x08])
                #expect(try Gzip.decompress(compressed) == data, "level \(level), size \(size)")
            }
        }
        #expect(try Gzip.compress(sampleData(100_000)).count < 50_000)
    }

    @Test("concatenated members are joined")
    func multipleMembers() throws {
        let joined = try Gzip.compress(Array("one ".utf8)) + Gzip.compress(Array("two".utf8))
        #expect(try Gzip.decompress(joined) == Array("one two".utf8))
    }

    @Test("truncated, empty, garbage-trailed and non-gzip bodies are rejected", arguments: [
        (Array(helloWorld.dropLast(4)), CompressionError.Kind.truncatedData),
        ([], .truncatedData),
        (helloWorld + [0x00, 0x01], .corruptData),
        (Array("hello world\n".utf8), .corruptData),
    ])
    func rejects(body: [UInt8], kind: CompressionError.Kind) {
        let error = #expect(throws: CompressionError.self) { try Gzip.decompress(body) }
        #expect(error?.kind == kind)
    }

    @Test("decompression honours the limit")
    func limit() throws {
        let compressed = try Gzip.compress([UInt8](repeating: 7, count: 1_000_000))
        let error = #expect(throws: CompressionError.self) { try Gzip.decompress(compressed, limit: 999_999) }
        #expect(error?.kind == .outputLimitExceeded)
        #expect(try Gzip.decompress(compressed, limit: 1_000_000).count == 1_000_000)
    }

    @Test("invalid level is an error")
    func invalidLevel() {
        #expect(throws: CompressionError.self) { try Gzip.compress([1, 2, 3], level: 12) }
    }
}
