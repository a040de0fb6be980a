// A set of ASCII bytes as a 128-bit mask, and the parser from Python `re` class syntax
// (`[^/]`, `[a-z0-9_-]`, `\d`, `.`) into it for the router's byte matcher.

/// A set of ASCII bytes (0–127); bytes ≥ 128 are never members.
struct ByteSet: Equatable, Sendable {
    private var low: UInt64 = 0
    private var high: UInt64 = 0

    /// Membership test; constant time.
    func contains(_ byte: UInt8) -> Bool {
        byte < 64 ? low & (1 << UInt64(byte)) != 0 : byte < 128 && high & (1 << UInt64(byte - 64)) != 0
    }

    mutating func insert(_ byte: UInt8) {
        if byte < 64 { low |= 1 << UInt64(byte) } else if byte < 128 { high |= 1 << UInt64(byte - 64) }
    }

    mutating func insert(_ range: ClosedRange<UInt8>) {
        for byte in range { insert(byte) }
    }

    mutating func formUnion(_ other: ByteSet) {
        low |= other.low
        high |= other.high
    }

    /// The member when there is exactly one.
    var onlyMember: UInt8? {
        let count = low.nonzeroBitCount + high.nonzeroBitCount
        guard count == 1 else { return nil }
        return low != 0 ? UInt8(low.trailingZeroBitCount) : UInt8(64 + high.trailingZeroBitCount)
    }

    /// Every ASCII byte not in `self`.
    var complement: ByteSet {
        var result = ByteSet()
        result.low = ~low
        result.high = ~high
        return result
    }

    static func single(_ byte: UInt8) -> ByteSet {
        var set = ByteSet()
        set.insert(byte)
        return set
    }

    /// `.`: any ASCII byte except newline.
    static let anyExceptNewline = ByteSet.single(UInt8(ascii: "\n")).complement

    /// The ASCII meaning of `\d \D \w \W \s \S` (Python's meaning for ASCII input), or nil.
    static func shorthand(_ letter: Unicode.Scalar) -> ByteSet? {
        var set = ByteSet()
        switch letter {
        case "d", "D": set.insert(UInt8(ascii: "0")...UInt8(ascii: "9"))
        case "w", "W":
            set.insert(UInt8(ascii: "0")...UInt8(ascii: "9"))
            set.insert(UInt8(ascii: "a")...UInt8(ascii: "z"))
            set.insert(UInt8(ascii: "A")...UInt8(ascii: "Z"))
            set.insert(UInt8(ascii: "_"))
        case "s", "S": for byte in [9, 10, 11, 12, 13, 32] as [UInt8] { set.insert(byte) }
        default: return nil
        }
        return letter.properties.isUppercase ? set.complement : set
    }

    /// Parses a Python set such as `[^/]` or `[a-z0-9_-]`; nil for anything beyond ASCII
    /// members, ranges and `\d\w\s` shorthands (the router then uses the regex engine).
    static func parse(characterClass raw: String) -> ByteSet? {
        var scalars = Array(raw.unicodeScalars.dropFirst().dropLast())[...]
        let negated = scalars.first == "^"
        if negated { scalars = scalars.dropFirst() }
        var set = ByteSet()
        var isFirst = true
        while let scalar = scalars.popFirst() {
            var member: Unicode.Scalar = scalar
            if scalar == "\\" {
                guard let escaped = scalars.popFirst() else { return nil }
                if let shorthand = shorthand(escaped) {
                    set.formUnion(shorthand)
                    isFirst = false
                    continue
                }
                guard escaped.isASCII, !escaped.properties.isAlphabetic, !("0"..."9").contains(escaped) else { return nil }
                member = escaped
            } else if scalar == "[" || (scalar == "]" && !isFirst) {
                return nil
            }
            isFirst = false
            guard member.isASCII else { return nil }
            if scalars.count >= 2, scalars.first == "-", let upper = scalars.dropFirst().first {
                guard upper != "\\", upper.isASCII, member.value <= upper.value else { return nil }
                set.insert(UInt8(member.value)...UInt8(upper.value))
                scalars = scalars.dropFirst(2)
            } else {
                set.insert(UInt8(member.value))
            }
        }
        return negated ? set.complement : set
    }
}
