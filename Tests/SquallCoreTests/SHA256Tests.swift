// SHA-256 against FIPS 180-4 / NIST CAVP example vectors, Python hashlib
// cross-checks, and incremental feeding at every split point.

import Testing
@testable import SquallCore

@Suite struct SHA256Tests {
    private func hex(_ message: [UInt8]) -> String {
        Hex.encode(SHA256.hash(message))
    }

    @Test func emptyMessage() {
        #expect(hex([]) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
    }

    @Test func abc() {
        #expect(hex(Array("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    }

    @Test func message448Bits() {
        let message = "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"
        #expect(hex(Array(message.utf8)) == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
    }

    @Test func message896Bits() {
        let message = "abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu"
        #expect(hex(Array(message.utf8)) == "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1")
    }

    @Test func oneMillionA() {
        var hasher = SHA256()
        let chunk = [UInt8](repeating: UInt8(ascii: "a"), count: 1000)
        for _ in 0..<1000 { hasher.update(chunk) }
        #expect(Hex.encode(hasher.finalize()) == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
        #expect(hex([UInt8](repeating: UInt8(ascii: "a"), count: 1_000_000)) == Hex.encode(hasher.finalize()))
    }

    @Test func matchesPythonHashlibOnRandomMessages() {
        #expect(sha256RandomVectors.count == 200)
        for vector in sha256RandomVectors {
            let message = RandomMessages.message(seed: vector.seed)
            #expect(message.count == vector.length, "seed \(vector.seed)")
            #expect(hex(message) == vector.sha256, "seed \(vector.seed), \(message.count) bytes")
        }
    }

    @Test func paddingBoundaryLengths() {
        // 55/56 bytes decide whether the length field fits in the last block.
        for length in [55, 56, 63, 64, 65, 119, 120, 127, 128] {
            let message = [UInt8](repeating: 0x61, count: length)
            var bytewise = SHA256()
            for byte in message { bytewise.update([byte]) }
            #expect(Hex.encode(bytewise.finalize()) == hex(message), "length \(length)")
        }
        #expect(hex([UInt8](repeating: 0x61, count: 55)) == "9f4390f8d30c2dd92ec9f095b65e2b9ae9b0a925a5258e241c9f1e910f734318")
        #expect(hex([UInt8](repeating: 0x61, count: 56)) == "b35439a4ac6f0948b6d6f9e3c6af0f5f590ce20f1bde7090ef7970686ec6738a")
        #expect(hex([UInt8](repeating: 0x61, count: 64)) == "ffe054fe7ae0cb6dc65c3af9b61d5209f439851db43d0ba5997337df154668eb")
    }

    @Test func everySplitPointGivesTheSameDigest() {
        let message = RandomMessages.message(seed: 7)
        let expected = hex(message)
        for split in 0...message.count {
            var hasher = SHA256()
            hasher.update(message[..<split])
            hasher.update(message[split...])
            #expect(Hex.encode(hasher.finalize()) == expected, "split at \(split)")
        }
    }

    @Test func finalizeLeavesHasherUsable() {
        var hasher = SHA256()
        hasher.update(Array("ab".utf8))
        let prefixDigest = hasher.finalize()
        hasher.update(Array("c".utf8))
        #expect(prefixDigest == SHA256.hash(Array("ab".utf8)))
        #expect(Hex.encode(hasher.finalize()) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    }

    @Test func nonContiguousSequencesAreAccepted() {
        let lazyBytes = "abc".utf8.lazy.map { $0 }
        #expect(SHA256.hash(lazyBytes) == SHA256.hash(Array("abc".utf8)))
        #expect(SHA256.hash("abc".utf8) == SHA256.hash(Array("abc".utf8)))
    }
}
