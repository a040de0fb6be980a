// Base64 against the RFC 4648 §10 vectors, both alphabets, with and without
// padding, and strict rejection of every malformed spelling.

import Testing
import SquallCore

@Suite("Base64")
struct Base64Tests {
    @Test("RFC 4648 §10 vectors", arguments: [
        ("", ""), ("f", "Zg=="), ("fo", "Zm8="), ("foo", "Zm9v"),
        ("foob", "Zm9vYg=="), ("fooba", "Zm9vYmE="), ("foobar", "Zm9vYmFy"),
    ])
    func rfcVectors(plain: String, encoded: String) {
        #expect(Base64.encode(plain.utf8) == encoded)
        #expect(Base64.decode(encoded) == Array(plain.utf8))
        let unpadded = String(encoded.prefix { $0 != "=" })
        #expect(Base64.encode(plain.utf8, padded: false) == unpadded)
        #expect(Base64.decode(unpadded, padded: false) == Array(plain.utf8))
    }

    @Test("the two alphabets differ only in the last two symbols")
    func alphabets() {
        let bytes: [UInt8] = [0xFB, 0xFF, 0xBF]
        #expect(Base64.encode(bytes) == "+/+/")
        #expect(Base64.encode(bytes, alphabet: .urlSafe) == "-_-_")
        #expect(Base64.decode("-_-_", alphabet: .urlSafe) == bytes)
        #expect(Base64.decode("-_-_") == nil)
        #expect(Base64.decode("+/+/", alphabet: .urlSafe) == nil)
        #expect(Base64.Alphabet.standard != Base64.Alphabet.urlSafe)
    }

    @Test("malformed padded input is rejected", arguments: [
        "Zg=", "Zg", "Z", "Z===", "=", "====", "Zg==Zg==", "Zm9v\n", " Zm9v", "Zm 9v",
        "Zh==", "Zm9=", "Zg=A", "Zm9vYg=", "Zm9v!A==", "Zm9vYm\u{e9}",
    ])
    func rejectsMalformed(text: String) {
        #expect(Base64.decode(text) == nil)
    }

    @Test("unpadded decoding rejects padding and impossible lengths", arguments: ["Zg==", "Zm8=", "Z", "Zm9vY", "Zh"])
    func rejectsMalformedUnpadded(text: String) {
        #expect(Base64.decode(text, padded: false) == nil)
    }

    @Test("round trip of every length 0…66 in every mode")
    func roundTrip() {
        for length in 0...66 {
            let bytes = (0..<length).map { UInt8(truncatingIfNeeded: $0 &* 37 &+ 11) }
            for alphabet in [Base64.Alphabet.standard, .urlSafe] {
                for padded in [true, false] {
                    let text = Base64.encode(bytes, alphabet: alphabet, padded: padded)
                    #expect(!padded || text.utf8.count % 4 == 0)
                    #expect(Base64.decode(text, alphabet: alphabet, padded: padded) == bytes)
                }
            }
        }
    }

    @Test("non-contiguous inputs encode and decode like contiguous ones")
    func nonContiguous() {
        #expect(Base64.encode("foo".utf8.lazy.map { $0 }) == "Zm9v")
        #expect(Base64.decode("xZm9vYmFy".dropFirst()) == Array("foobar".utf8))
    }
}
