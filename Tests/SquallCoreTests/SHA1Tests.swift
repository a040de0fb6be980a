// SHA-1 against FIPS 180 / RFC 3174 vectors, padding edge lengths and the
// RFC 6455 handshake example; incremental feeding must match one-shot hashing.

import Testing
@testable import SquallCore

@Suite("SHA-1")
struct SHA1Tests {
    @Test("RFC 3174 and FIPS vectors", arguments: [
        ("", "da39a3ee5e6b4b0d3255bfef95601890afd80709"),
        ("abc", "a9993e364706816aba3e25717850c26c9cd0d89d"),
        ("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", "84983e441c3bd26ebaae4aa1f95129e5e54670f1"),
        ("The quick brown fox jumps over the lazy dog", "2fd4e1c67a2d28fced849ee1bb76e7391b93eb12"),
        (String(repeating: "0123456701234567012345670123456701234567012345670123456701234567", count: 10),
         "dea356a2cddd90c7a7ecedc5ebb563934f460452"),
    ])
    func vectors(message: String, digest: String) {
        #expect(Hex.encode(SHA1.hash(message.utf8)) == digest)
    }

    @Test("one million 'a' (RFC 3174 test 3), fed in uneven pieces")
    func millionA() {
        var hasher = SHA1()
        let piece = [UInt8](repeating: UInt8(ascii: "a"), count: 999)
        var fed = 0
        while fed < 1_000_000 {
            let n = min(piece.count, 1_000_000 - fed)
            piece.withUnsafeBytes { hasher.update(UnsafeRawBufferPointer(rebasing: $0[0..<n])) }
            fed += n
        }
        #expect(Hex.encode(hasher.finalize()) == "34aa973cd4c4daa4f61eeb2bdbad27316534016f")
    }

    @Test("lengths around the 56- and 64-byte padding boundaries", arguments: [
        (55, "8ae2d46729cfe68ff927af5eec9c7d1b66d65ac2"),
        (56, "636e2ec698dac903498e648bd2f3af641d3c88cb"),
        (63, "6d942da0c4392b123528f2905c713a3ce28364bd"),
        (64, "c6138d514ffa2135bfce0ed0b8fac65669917ec7"),
        (65, "69bd728ad6e13cd76ff19751fde427b00e395746"),
        (119, "41c89d06001bab4ab78736b44efe7ce18ce6ae08"),
        (120, "d3dbd653bd8597b7475321b60a36891278e6a04a"),
        (128, "e6434bc401f98603d7eda504790c98c67385d535"),
    ])
    func paddingBoundaries(length: Int, digest: String) {
        let message = (0..<length).map { UInt8($0 % 251) }
        #expect(Hex.encode(SHA1.hash(message)) == digest)
    }

    @Test("every split point and byte-at-a-time give the one-shot digest")
    func incremental() {
        let message = (0..<130).map { UInt8(truncatingIfNeeded: $0 &* 7) }
        let expected = SHA1.hash(message)
        for split in 0...message.count {
            var hasher = SHA1()
            hasher.update(message[..<split])
            hasher.update(message[split...])
            #expect(hasher.finalize() == expected, "split at \(split)")
        }
        var hasher = SHA1()
        for byte in message { hasher.update([byte]) }
        #expect(hasher.finalize() == expected)
    }

    @Test("finalize does not disturb the hasher")
    func finalizeIsNonDestructive() {
        var hasher = SHA1()
        hasher.update("ab".utf8)
        _ = hasher.finalize()
        hasher.update("c".utf8)
        #expect(Hex.encode(hasher.finalize()) == "a9993e364706816aba3e25717850c26c9cd0d89d")
    }

    @Test("RFC 6455 §1.3 Sec-WebSocket-Accept example")
    func webSocketAccept() {
        let digest = SHA1.hash("dGhlIHNhbXBsZSBub25jZQ==258EAFA5-E914-47DA-95CA-C5AB0DC85B11".utf8)
        #expect(Base64.encode(digest) == "s3pPLMBiTxaQ9kYGzzhZRbK+xOo=")
    }
}
