// Deflater/Inflater: round trips in every window size, input split at
// arbitrary points, parameter validation, corrupt input, and the output
// limit that stops decompression bombs without allocating past it.

import Testing
import SquallCompression

/// Test data: `count` bytes of text-like, repetitive content with some noise.
func sampleData(_ count: Int, seed: UInt64 = 1) -> [UInt8] {
    var state = seed
    let words = ["squall ", "tornado ", "websocket ", "frame ", "deflate ", "\n", "0123456789 "].map { Array($0.utf8) }
    var data: [UInt8] = []
    data.reserveCapacity(count + 16)
    while data.count < count {
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        if state >> 61 == 0 {
            data.append(UInt8(truncatingIfNeeded: state >> 32))
        } else {
            data += words[Int(state >> 33) % words.count]
        }
    }
    return Array(data.prefix(count))
}

@Suite("Deflate streams")
struct DeflateStreamTests {
    @Test("raw deflate round trip for every window size", arguments: 8...15)
    func rawRoundTrip(windowBits: Int) throws {
        for size in [0, 1, 300, 70_000] {
            let data = sampleData(size, seed: UInt64(size))
            let deflater = try Deflater(format: .rawDeflate(windowBits: windowBits))
            var compressed: [UInt8] = []
            try deflater.compress(data, flush: .finish, into: &compressed)
            let inflater = try Inflater(format: .rawDeflate(windowBits: windowBits))
            var output: [UInt8] = []
            try inflater.decompress(compressed, into: &output)
            #expect(inflater.isFinished)
            #expect(output == data, "window \(windowBits), size \(size)")
        }
    }

    @Test("8-bit windows: zlib's 9-bit stand-in stays readable by a 256-byte window")
    func windowBits8() throws {
        // Repeats at distances just under and over 256 bytes tempt long matches.
        var data: [UInt8] = []
        for round in 0..<400 { data += sampleData(240 + round % 40, seed: UInt64(round % 7)) }
        let deflater = try Deflater(format: .rawDeflate(windowBits: 8))
        var compressed: [UInt8] = []
        try deflater.compress(data, flush: .sync, into: &compressed)
        let inflater = try Inflater(format: .rawDeflate(windowBits: 8))
        var output: [UInt8] = []
        try inflater.decompress(compressed, into: &output)
        #expect(output == data)
        #expect(compressed.count < data.count / 2)
    }

    @Test("zlib and gzip framings round trip; input fed in pieces of every size")
    func framingsAndPieces() throws {
        let data = sampleData(5000)
        for format in [CompressionFormat.zlib, .gzip, .rawDeflate()] {
            let deflater = try Deflater(format: format, level: 9)
            var compressed: [UInt8] = []
            for start in stride(from: 0, to: data.count, by: 777) {
                try deflater.compress(Array(data[start..<min(start + 777, data.count)]), into: &compressed)
            }
            try deflater.compress([], flush: .finish, into: &compressed)
            for pieceSize in [1, 2, 3, 64, 1000, compressed.count] {
                let inflater = try Inflater(format: format)
                var output: [UInt8] = []
                for start in stride(from: 0, to: compressed.count, by: pieceSize) {
                    try inflater.decompress(Array(compressed[start..<min(start + pieceSize, compressed.count)]), into: &output)
                }
                #expect(inflater.isFinished && output == data, "\(format), pieces of \(pieceSize)")
            }
        }
    }

    @Test("reset starts a fresh stream that produces the same bytes")
    func reset() throws {
        let deflater = try Deflater()
        var first: [UInt8] = [], second: [UInt8] = []
        try deflater.compress(sampleData(1000), flush: .finish, into: &first)
        deflater.reset()
        try deflater.compress(sampleData(1000), flush: .finish, into: &second)
        #expect(first == second)
        let inflater = try Inflater()
        var output: [UInt8] = []
        try inflater.decompress(first, into: &output)
        inflater.reset()
        #expect(!inflater.isFinished)
        try inflater.decompress(second, into: &output)
        #expect(output == sampleData(1000) + sampleData(1000))
    }

    @Test("input after the end of the stream is left unread")
    func stopsAtStreamEnd() throws {
        let deflater = try Deflater()
        var compressed: [UInt8] = []
        try deflater.compress(Array("abc".utf8), flush: .finish, into: &compressed)
        let inflater = try Inflater()
        var output: [UInt8] = []
        let used = try inflater.decompress(compressed + [1, 2, 3], into: &output)
        #expect(used == compressed.count && output == Array("abc".utf8))
        #expect(try inflater.decompress([4], into: &output) == 0)
    }

    @Test("parameters outside zlib's ranges are rejected")
    func invalidParameters() {
        for bits in [7, 16, 0, -15] {
            #expect(throws: CompressionError.self) { try Deflater(format: .rawDeflate(windowBits: bits)) }
            #expect(throws: CompressionError.self) { try Inflater(format: .rawDeflate(windowBits: bits)) }
        }
        for (level, memory) in [(10, 8), (-2, 8), (6, 0), (6, 10)] {
            let error = #expect(throws: CompressionError.self) { try Deflater(level: level, memoryLevel: memory) }
            #expect(error?.kind == .invalidParameters)
        }
    }

    @Test("corrupt input is reported, not crashed on")
    func corruptInput() throws {
        let inflater = try Inflater(format: .zlib)
        var output: [UInt8] = []
        let error = #expect(throws: CompressionError.self) { try inflater.decompress([0x78, 0x9C, 0xFF, 0xFF, 0xFF], into: &output) }
        #expect(error?.kind == .corruptData)
        #expect(error.map { !$0.message.isEmpty } == true)
    }

    @Test("a decompression bomb stops at the limit without allocating past it")
    func bomb() throws {
        let deflater = try Deflater()
        var bomb: [UInt8] = []
        let zeros = [UInt8](repeating: 0, count: 1 << 20)
        for _ in 0..<32 { try deflater.compress(zeros, into: &bomb) }
        try deflater.compress([], flush: .finish, into: &bomb)
        #expect(bomb.count < 64 * 1024)  // 32 MiB of zeros in a few KiB

        let limit = 100_000
        let inflater = try Inflater()
        var output: [UInt8] = []
        let error = #expect(throws: CompressionError.self) { try inflater.decompress(bomb, into: &output, limit: limit) }
        #expect(error?.kind == .outputLimitExceeded)
        #expect(output.count <= limit)
        #expect(output.capacity <= limit + 64)  // malloc rounding only
    }

    @Test("output of exactly the limit is accepted, one byte more is not")
    func exactLimit() throws {
        let data = sampleData(40_000)
        let deflater = try Deflater()
        var compressed: [UInt8] = []
        try deflater.compress(data, flush: .finish, into: &compressed)
        var output: [UInt8] = []
        try Inflater().decompress(compressed, into: &output, limit: data.count)
        #expect(output == data)
        output = []
        #expect(throws: CompressionError.self) { try Inflater().decompress(compressed, into: &output, limit: data.count - 1) }
    }
}
