// HMAC-SHA256 against every RFC 4231 test case, Python `hmac` cross-checks,
// and constant-time comparison / hex helpers used alongside it.

import Testing
@testable import SquallCore

@Suite struct HMACTests {
    private func mac(_ key: [UInt8], _ message: [UInt8]) -> String {
        Hex.encode(HMAC<SHA256>.authenticationCode(key: key, message: message))
    }

    private func bytes(_ text: String) -> [UInt8] { Array(text.utf8) }

    @Test func rfc4231Case1() {
        #expect(mac([UInt8](repeating: 0x0b, count: 20), bytes("Hi There"))
            == "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7")
    }

    @Test func rfc4231Case2KeyShorterThanOutput() {
        #expect(mac(bytes("Jefe"), bytes("what do ya want for nothing?"))
            == "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843")
    }

    @Test func rfc4231Case3() {
        #expect(mac([UInt8](repeating: 0xaa, count: 20), [UInt8](repeating: 0xdd, count: 50))
            == "773ea91e36800e46854db8ebd09181a72959098b3ef8c122d9635514ced565fe")
    }

    @Test func rfc4231Case4() {
        #expect(mac(Array(1...25), [UInt8](repeating: 0xcd, count: 50))
            == "82558a389a443c0ea4cc819899f2083a85f0faa3e578f8077a2e3ff46729665b")
    }

    @Test func rfc4231Case5TruncatedTo128Bits() {
        let full = HMAC<SHA256>.authenticationCode(key: [UInt8](repeating: 0x0c, count: 20),
                                                   message: bytes("Test With Truncation"))
        #expect(Hex.encode(full.prefix(16)) == "a3b6167473100ee06e0c796c2955552b")
    }

    @Test func rfc4231Case6KeyLongerThanBlock() {
        #expect(mac([UInt8](repeating: 0xaa, count: 131), bytes("Test Using Larger Than Block-Size Key - Hash Key First"))
            == "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54")
    }

    @Test func rfc4231Case7KeyAndDataLongerThanBlock() {
        let message = "This is a test using a larger than block-size key and a larger than block-size data."
            + " The key needs to be hashed before being used by the HMAC algorithm."
        #expect(mac([UInt8](repeating: 0xaa, count: 131), bytes(message))
            == "9b09ffa71b942fcb27635fbcd5b0e944bfdc63644f0713938a7f51535c3a35e2")
    }

    @Test func matchesPythonHmacOnRandomKeysAndMessages() {
        for vector in sha256RandomVectors {
            let message = RandomMessages.message(seed: vector.seed)
            let key = Array(RandomMessages.message(seed: vector.seed + 1000).prefix(Int(vector.seed * 7 % 140)))
            #expect(mac(key, message) == vector.hmac, "seed \(vector.seed), key \(key.count) bytes")
        }
    }

    @Test func incrementalUpdatesAtEverySplitPoint() {
        let message = RandomMessages.message(seed: 3)
        let expected = mac(bytes("key"), message)
        for split in stride(from: 0, through: message.count, by: 13) {
            var hmac = HMAC<SHA256>(key: bytes("key"))
            message.withUnsafeBytes { hmac.update(UnsafeRawBufferPointer(rebasing: $0[..<split])) }
            hmac.update(message[split...])
            #expect(Hex.encode(hmac.finalize()) == expected, "split at \(split)")
        }
    }

    @Test func keyOfExactlyOneBlockIsNotHashed() {
        // A 64-byte key is used as is; a 65-byte key is replaced by its digest.
        let key64 = [UInt8](repeating: 0x42, count: 64)
        let key65 = [UInt8](repeating: 0x42, count: 65)
        #expect(mac(key64, bytes("m")) == "f1ae914dca1c21736c12bd901f5567e77ffeaa748cc053d7db96f4a75fc5c7d2")  // Python hmac
        #expect(mac(key65, bytes("m")) == mac(SHA256.hash(key65), bytes("m")))
        #expect(mac(key64, bytes("m")) != mac(SHA256.hash(key64), bytes("m")))
    }

    @Test func constantTimeEquality() {
        #expect(ConstantTime.equals([1, 2, 3], [1, 2, 3]))
        #expect(ConstantTime.equals([UInt8](), []))
        #expect(!ConstantTime.equals([1, 2, 3], [1, 2, 4]))
        #expect(!ConstantTime.equals([0, 2, 3], [1, 2, 3]))
        #expect(!ConstantTime.equals([1, 2, 3], [1, 2]))
        #expect(!ConstantTime.equals([1, 2], [1, 2, 3]))
        #expect(ConstantTime.equals("abc".utf8, [0x61, 0x62, 0x63][...]))
    }

    @Test func hexRoundTripAndRejection() {
        #expect(Hex.encode([0x00, 0xab, 0xff, 0x10]) == "00abff10")
        #expect(Hex.encode([UInt8]()) == "")
        #expect(Hex.decode("00ABff10") == [0x00, 0xab, 0xff, 0x10])
        #expect(Hex.decode("") == [])
        #expect(Hex.decode("abc") == nil)
        #expect(Hex.decode("zz") == nil)
        #expect(Hex.decode("0x12") == nil)
        #expect(Hex.decode(" 12") == nil)
        #expect(Hex.decode("é1") == nil)
    }
}
