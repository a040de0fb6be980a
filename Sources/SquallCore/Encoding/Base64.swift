// Base64 (RFC 4648 §4 and §5): binary data as printable text.
//
// Squall uses it for the WebSocket handshake (`Sec-WebSocket-Key`/`-Accept`),
// signed cookies and random tokens. Decoding is strict, because a value that
// decodes "leniently" can be forged in more than one spelling: any character
// outside the alphabet, whitespace, wrong padding, or non-zero unused bits in
// the last character make `decode` return `nil`.

/// Base64 encoding and strict decoding, standard or URL-safe alphabet.
public enum Base64 {
    /// The 64-character alphabet: `.standard` (`+`, `/`, RFC 4648 §4) or
    /// `.urlSafe` (`-`, `_`, RFC 4648 §5).
    public struct Alphabet: Sendable, Equatable {
        fileprivate let symbols: [UInt8]
        fileprivate let values: [UInt8]

        private init(last2: String) {
            symbols = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789\(last2)".utf8)
            var table = [UInt8](repeating: Base64.invalid, count: 256)
            for (value, symbol) in symbols.enumerated() { table[Int(symbol)] = UInt8(value) }
            values = table
        }

        /// RFC 4648 §4: `A–Z a–z 0–9 + /`.
        public static let standard = Alphabet(last2: "+/")
        /// RFC 4648 §5, safe in URLs and file names: `A–Z a–z 0–9 - _`.
        public static let urlSafe = Alphabet(last2: "-_")

        /// Two alphabets are equal when they spell the same 64 symbols.
        public static func == (lhs: Alphabet, rhs: Alphabet) -> Bool { lhs.symbols == rhs.symbols }
    }

    fileprivate static let invalid: UInt8 = 0xFF
    private static let pad = UInt8(ascii: "=")

    /// Encodes `bytes` as Base64 text, 4 characters per 3 bytes.
    /// With `padded` (the default) the text is completed to a multiple of 4
    /// with `=`; without, the padding is left off (as JWTs and URLs do).
    public static func encode(_ bytes: some Collection<UInt8>, alphabet: Alphabet = .standard, padded: Bool = true) -> String {
        if let text = bytes.withContiguousStorageIfAvailable({ encode(UnsafeRawBufferPointer($0), alphabet, padded) }) {
            return text
        }
        return Array(bytes).withUnsafeBytes { encode($0, alphabet, padded) }
    }

    /// Decodes Base64 `text` strictly. Returns `nil` for any character outside
    /// `alphabet` (including whitespace and line breaks), for padding that is
    /// missing (when `padded`, the default), present (when not `padded`) or
    /// misplaced, for an impossible length, and for non-zero unused bits in
    /// the last character (a non-canonical spelling).
    public static func decode(_ text: some StringProtocol, alphabet: Alphabet = .standard, padded: Bool = true) -> [UInt8]? {
        let utf8 = text.utf8
        if let result = utf8.withContiguousStorageIfAvailable({ decode(UnsafeRawBufferPointer($0), alphabet, padded) }) {
            return result
        }
        return Array(utf8).withUnsafeBytes { decode($0, alphabet, padded) }
    }

    private static func encode(_ input: UnsafeRawBufferPointer, _ alphabet: Alphabet, _ padded: Bool) -> String {
        let fullGroups = input.count / 3
        let rest = input.count % 3
        let length = fullGroups * 4 + (rest == 0 ? 0 : (padded ? 4 : rest + 1))
        return alphabet.symbols.withUnsafeBufferPointer { symbols in
            String(unsafeUninitializedCapacity: length) { out in
                var o = 0
                var i = 0
                while i + 3 <= input.count {
                    let group = UInt32(input[i]) << 16 | UInt32(input[i + 1]) << 8 | UInt32(input[i + 2])
                    out[o] = symbols[Int(group >> 18)]
                    out[o + 1] = symbols[Int(group >> 12 & 63)]
                    out[o + 2] = symbols[Int(group >> 6 & 63)]
                    out[o + 3] = symbols[Int(group & 63)]
                    i += 3
                    o += 4
                }
                if rest > 0 {
                    let group = UInt32(input[i]) << 16 | (rest == 2 ? UInt32(input[i + 1]) << 8 : 0)
                    out[o] = symbols[Int(group >> 18)]
                    out[o + 1] = symbols[Int(group >> 12 & 63)]
                    o += 2
                    if rest == 2 {
                        out[o] = symbols[Int(group >> 6 & 63)]
                        o += 1
                    }
                    if padded {
                        while o < length {
                            out[o] = pad
                            o += 1
                        }
                    }
                }
                return o
            }
        }
    }

    private static func decode(_ input: UnsafeRawBufferPointer, _ alphabet: Alphabet, _ padded: Bool) -> [UInt8]? {
        // Work out how many characters carry data, validating the padding.
        var dataCount = input.count
        if padded {
            guard input.count % 4 == 0 else { return nil }
            if dataCount > 0 && input[dataCount - 1] == pad { dataCount -= 1 }
            if dataCount > 0 && input[dataCount - 1] == pad && input.count - dataCount == 1 { dataCount -= 1 }
        }
        // A single leftover character cannot hold a whole byte.
        guard dataCount % 4 != 1 else { return nil }
        let outputCount = dataCount / 4 * 3 + max(0, dataCount % 4 - 1)
        return alphabet.values.withUnsafeBufferPointer { values -> [UInt8]? in
            var bits: UInt32 = 0
            var bitCount = 0
            var valid = true
            let output = [UInt8](unsafeUninitializedCapacity: outputCount) { out, initialized in
                var o = 0
                for i in 0..<dataCount {
                    let value = values[Int(input[i])]
                    guard value != invalid else {
                        valid = false
                        break
                    }
                    bits = bits << 6 | UInt32(value)
                    bitCount += 6
                    if bitCount >= 8 {
                        bitCount -= 8
                        out[o] = UInt8(truncatingIfNeeded: bits >> UInt32(bitCount))
                        o += 1
                    }
                }
                initialized = o
            }
            // Unused low bits of the final character must be zero (canonical form).
            let leftover = bits & ((1 << UInt32(bitCount)) - 1)
            guard valid, leftover == 0 else { return nil }
            return output
        }
    }
}
