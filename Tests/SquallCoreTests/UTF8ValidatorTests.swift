// The incremental UTF-8 validator on the Autobahn 6.x cases (valid texts,
// κόσμε prefixes, boundary code points, stray continuations, lonely starts,
// truncated sequences, impossible bytes, overlongs, surrogates,
// noncharacters), each fed whole, split at every position and byte by byte:
// the first invalid byte must be reported at the same overall position.

import Testing
import SquallCore

/// What validating a whole text must report.
enum ExpectedUTF8: Equatable, CustomStringConvertible {
    case complete, incomplete, invalidAt(Int)
    var description: String {
        switch self {
        case .complete: "complete"
        case .incomplete: "incomplete"
        case .invalidAt(let offset): "invalid at \(offset)"
        }
    }
}

@Suite("UTF-8 validator")
struct UTF8ValidatorTests {
    static let cases: [(String, ExpectedUTF8)] = [
        ("", .complete),
        ("48656c6c6f2dc2b540c39fc3b6c3a4c3bcc3a0c3a12d5554462d382121", .complete),  // Hello-µ@ßöäüàá-UTF-8!!
        ("cebae1bdb9cf83cebcceb5", .complete),  // κόσμε
        ("cebae1bdb9cf83cebcceb5eda080656469746564", .invalidAt(12)),  // κόσμε + surrogate + "edited"
        ("00", .complete), ("c280", .complete), ("e0a080", .complete), ("f0908080", .complete),  // first of each length
        ("7f", .complete), ("dfbf", .complete), ("efbfbf", .complete), ("f48fbfbf", .complete),  // last of each length
        ("f888808080", .invalidAt(0)), ("fc8480808080", .invalidAt(0)), ("f7bfbfbf", .invalidAt(0)),
        ("ed9fbf", .complete), ("ee8080", .complete), ("efbfbd", .complete), ("f4908080", .invalidAt(1)),
        ("80", .invalidAt(0)), ("bf", .invalidAt(0)), ("80bf80bf", .invalidAt(0)), ("41bf", .invalidAt(1)),
        ("c020", .invalidAt(0)), ("c220", .invalidAt(1)), ("e020", .invalidAt(1)), ("e1a020", .invalidAt(2)),
        ("f020", .invalidAt(1)), ("f8", .invalidAt(0)), ("fc", .invalidAt(0)),
        ("c2", .incomplete), ("e1", .incomplete), ("e180", .incomplete), ("f09080", .incomplete), ("f4", .incomplete),
        ("e080", .invalidAt(1)), ("c2e180", .invalidAt(1)),
        ("fe", .invalidAt(0)), ("ff", .invalidAt(0)), ("fefeffff", .invalidAt(0)),
        ("c0af", .invalidAt(0)), ("e080af", .invalidAt(1)), ("f08080af", .invalidAt(1)),
        ("c1bf", .invalidAt(0)), ("e09fbf", .invalidAt(1)), ("f08fbfbf", .invalidAt(1)), ("c080", .invalidAt(0)),
        ("eda080", .invalidAt(1)), ("edadbf", .invalidAt(1)), ("edb080", .invalidAt(1)), ("edbfbf", .invalidAt(1)),
        ("eda080edb080", .invalidAt(1)), ("edafbfedbfbf", .invalidAt(1)),
        ("efbfbe", .complete), ("f48fbfbe", .complete), ("efb790", .complete),  // noncharacters are valid UTF-8
        ("41424344454647c3", .incomplete), ("414243444546474849c3a9", .complete),
        (String(repeating: "61", count: 100), .complete),
        (String(repeating: "61", count: 20) + "ff" + String(repeating: "61", count: 20), .invalidAt(20)),
        (String(repeating: "61", count: 16) + "c3a9" + String(repeating: "62", count: 9) + "80", .invalidAt(27)),
    ]

    static func bytes(_ hex: String) -> [UInt8] { Hex.decode(hex)! }

    /// Feeds `chunks` one after another and reports the overall outcome,
    /// turning a chunk-relative invalid offset into a text-relative one.
    static func validate(_ chunks: [ArraySlice<UInt8>]) -> ExpectedUTF8 {
        var validator = UTF8Validator()
        var base = 0
        var outcome = ExpectedUTF8.complete
        for chunk in chunks {
            switch chunk.withUnsafeBytes({ validator.consume($0) }) {
            case .complete: outcome = .complete
            case .incomplete: outcome = .incomplete
            case .invalid(let offset): return .invalidAt(base + offset)
            }
            base += chunk.count
        }
        return outcome
    }

    @Test("whole, split at every position, and byte by byte", arguments: cases)
    func everySplit(hex: String, expected: ExpectedUTF8) {
        let text = Self.bytes(hex)
        #expect(Self.validate([text[...]]) == expected)
        for split in 0...text.count {
            #expect(Self.validate([text[..<split], text[split...]]) == expected, "split at \(split)")
        }
        #expect(Self.validate(text.indices.map { text[$0...$0] }) == expected, "byte by byte")
        #expect(UTF8Validator.isValid(text) == (expected == .complete))
    }

    @Test("every prefix of κόσμε: complete exactly at character boundaries")
    func prefixes() {
        let text = Self.bytes("cebae1bdb9cf83cebcceb5")
        let boundaries: Set = [0, 2, 5, 7, 9, 11]
        for length in 0...text.count {
            let expected: ExpectedUTF8 = boundaries.contains(length) ? .complete : .incomplete
            #expect(Self.validate([text[..<length]]) == expected, "prefix \(length)")
        }
    }

    @Test("invalid stays invalid until reset")
    func stickyInvalid() {
        var validator = UTF8Validator()
        #expect(validator.consume([0x41, 0xFF]) == .invalid(offset: 1))
        #expect(!validator.isValid)
        #expect(validator.consume([0x41]) == .invalid(offset: 0))
        validator.reset()
        #expect(validator.isValid && validator.isComplete)
        #expect(validator.consume([0xC3]) == .incomplete)
        #expect(validator.isValid && !validator.isComplete)
    }

    @Test("agrees with the standard library on pseudo-random byte strings")
    func agreesWithStandardLibrary() {
        var seed: UInt64 = 0x9E37_79B9_7F4A_7C15
        let pool: [UInt8] = [0x41, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xC2, 0xDF, 0xE0, 0xE1, 0xED, 0xEF,
                             0xF0, 0xF1, 0xF4, 0xF5, 0xFF]
        for _ in 0..<3000 {
            seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            let length = Int(seed >> 60)
            let text = (0..<length).map { i in pool[Int((seed >> UInt64(4 * i % 56)) & 0xFFFF) % pool.count] }
            let expected = String(validating: text, as: UTF8.self) != nil
            #expect(UTF8Validator.isValid(text) == expected, "\(text)")
        }
    }
}
