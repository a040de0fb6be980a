// permessage-deflate semantics against the RFC 7692 §7.2.3 examples: the
// "Hello" vectors, a shared sliding window, stored and BFINAL blocks, two
// blocks in one message, empty messages, frames split at every point, and
// the per-message output limit.

import Testing
import SquallCompression

@Suite("permessage-deflate")
struct PerMessageDeflateTests {
    static let hello = Array("Hello".utf8)

    /// Inflates one whole message's compressed payload.
    static func inflate(_ payload: [UInt8], with inflater: MessageInflater, limit: Int = 1 << 20) throws -> [UInt8] {
        var output: [UInt8] = []
        try payload.withUnsafeBytes { try inflater.decompress($0, into: &output, limit: limit) }
        try inflater.finishMessage(into: &output, limit: limit)
        return output
    }

    @Test("§7.2.3.1: \"Hello\" compresses to f2 48 cd c9 c9 07 00")
    func helloVector() throws {
        var payload: [UInt8] = []
        try MessageDeflater().compressMessage(Self.hello, into: &payload)
        #expect(payload == [0xf2, 0x48, 0xcd, 0xc9, 0xc9, 0x07, 0x00])
    }

    @Test("§7.2.3.2: with context takeover the second \"Hello\" is f2 00 11 00 00")
    func sharedWindow() throws {
        let deflater = try MessageDeflater()
        var first: [UInt8] = [], second: [UInt8] = []
        try deflater.compressMessage(Self.hello, into: &first)
        try deflater.compressMessage(Self.hello, into: &second)
        #expect(second == [0xf2, 0x00, 0x11, 0x00, 0x00])
        let inflater = try MessageInflater()
        #expect(try Self.inflate(first, with: inflater) == Self.hello)
        #expect(try Self.inflate(second, with: inflater) == Self.hello)
    }

    @Test("without context takeover every message compresses alone")
    func noContextTakeover() throws {
        let deflater = try MessageDeflater(contextTakeover: false)
        var first: [UInt8] = [], second: [UInt8] = []
        try deflater.compressMessage(Self.hello, into: &first)
        try deflater.compressMessage(Self.hello, into: &second)
        #expect(first == second && first == [0xf2, 0x48, 0xcd, 0xc9, 0xc9, 0x07, 0x00])
        let inflater = try MessageInflater(contextTakeover: false)
        #expect(try Self.inflate(first, with: inflater) == Self.hello)
        #expect(try Self.inflate(second, with: inflater) == Self.hello)
    }

    @Test("RFC 7692 receive examples", arguments: [
        ([0xf2, 0x48, 0xcd, 0xc9, 0xc9, 0x07, 0x00], "§7.2.3.1 compressed"),
        ([0x00, 0x05, 0x00, 0xfa, 0xff, 0x48, 0x65, 0x6c, 0x6c, 0x6f, 0x00], "§7.2.3.3 stored block"),
        ([0xf3, 0x48, 0xcd, 0xc9, 0xc9, 0x07, 0x00, 0x00], "§7.2.3.4 BFINAL block"),
        ([0xf2, 0x48, 0x05, 0x00, 0x00, 0x00, 0xff, 0xff, 0xca, 0xc9, 0xc9, 0x07, 0x00], "§7.2.3.5 two blocks"),
    ] as [([UInt8], String)])
    func receiveExamples(payload: [UInt8], name: String) throws {
        let inflater = try MessageInflater()
        #expect(try Self.inflate(payload, with: inflater) == Self.hello, "\(name)")
        // The stream must stay usable for the next message, whatever block type ended this one.
        #expect(try Self.inflate([0xf2, 0x48, 0xcd, 0xc9, 0xc9, 0x07, 0x00], with: inflater) == Self.hello, "\(name) then more")
    }

    @Test("a compressed message split into frames at every point inflates the same")
    func everySplit() throws {
        let message = sampleData(3000)
        var payload: [UInt8] = []
        try MessageDeflater().compressMessage(message, into: &payload)
        for split in 0...payload.count {
            let inflater = try MessageInflater()
            var output: [UInt8] = []
            for part in [payload[..<split], payload[split...]] {
                try part.withUnsafeBytes { try inflater.decompress($0, into: &output, limit: 1 << 20) }
            }
            try inflater.finishMessage(into: &output, limit: 1 << 20)
            #expect(output == message, "split at \(split)")
        }
    }

    @Test("empty messages are a single 00 and inflate to nothing, in both modes")
    func emptyMessage() throws {
        for takeover in [true, false] {
            let deflater = try MessageDeflater(contextTakeover: takeover)
            let inflater = try MessageInflater(contextTakeover: takeover)
            for message in [[], Self.hello, [], [], Self.hello] as [[UInt8]] {
                var payload: [UInt8] = []
                try deflater.compressMessage(message, into: &payload)
                if message.isEmpty { #expect(payload == [0x00]) }
                #expect(try Self.inflate(payload, with: inflater) == message)
            }
        }
    }

    @Test("long conversations round trip at every window size, with and without takeover", arguments: 8...15)
    func conversation(windowBits: Int) throws {
        for takeover in [true, false] {
            let deflater = try MessageDeflater(windowBits: windowBits, level: 1, contextTakeover: takeover)
            let inflater = try MessageInflater(windowBits: windowBits, contextTakeover: takeover)
            for index in 0..<20 {
                let message = sampleData(index * 97, seed: UInt64(index % 3))
                var payload: [UInt8] = []
                try deflater.compressMessage(message, into: &payload)
                #expect(try Self.inflate(payload, with: inflater) == message)
            }
        }
    }

    @Test("a message inflating past the limit fails as soon as it passes it")
    func messageLimit() throws {
        var payload: [UInt8] = []
        try MessageDeflater().compressMessage([UInt8](repeating: 0x61, count: 5_000_000), into: &payload)
        let inflater = try MessageInflater()
        var output: [UInt8] = []
        let error = #expect(throws: CompressionError.self) {
            try payload.withUnsafeBytes { try inflater.decompress($0, into: &output, limit: 65_536) }
            try inflater.finishMessage(into: &output, limit: 65_536)
        }
        #expect(error?.kind == .outputLimitExceeded)
        #expect(output.capacity <= 65_536 + 64)
    }
}
