// The field layout of a version-2 signed value, split without verifying it.
//
// `2|<n>:<key version>|<n>:<timestamp>|<n>:<name>|<n>:<base64 payload>|<signature>`
// where each `<n>` is the byte length of the field after the colon. Lengths
// come from the client, so each is checked against the bytes actually left.

/// The parts of a version-2 signed value, as byte slices of the input.
struct SignedFields {
    /// The key version field, as a number.
    let keyVersion: Int
    /// Seconds since 1970 when the value was signed.
    let timestamp: Int
    /// The name the value was signed for.
    let name: ArraySlice<UInt8>
    /// The Base64 payload, still encoded.
    let payload: ArraySlice<UInt8>
    /// Where the hex signature starts: everything before it is what was signed.
    let signatureStart: Int

    /// Splits `bytes` into fields; throws `.unsupportedVersion` unless it
    /// starts with `2|`, `.malformed` when a length or delimiter is wrong.
    init(parsing bytes: [UInt8]) throws(SignedValueError) {
        guard Self.leadingVersion(bytes) == 2 else { throw .unsupportedVersion }
        var position = 2
        var fields: [ArraySlice<UInt8>] = []
        for _ in 0..<4 {
            fields.append(try Self.consumeField(bytes, at: &position))
        }
        guard let keyVersion = Self.decimal(fields[0]), let timestamp = Self.decimal(fields[1]) else {
            throw .malformed
        }
        self.keyVersion = keyVersion
        self.timestamp = timestamp
        name = fields[2]
        payload = fields[3]
        signatureStart = position
    }

    /// Tornado's `^([1-9][0-9]*)\|` version prefix; numbers above 999 are
    /// really version-1 Base64 data, so they count as no version (`nil`).
    private static func leadingVersion(_ bytes: [UInt8]) -> Int? {
        guard let bar = bytes.prefix(4).firstIndex(of: UInt8(ascii: "|")), bar > 0, bytes[0] != UInt8(ascii: "0")
        else { return nil }
        return decimal(bytes[..<bar])
    }

    /// Reads `<n>:<n bytes>|` at `position` and moves past it.
    private static func consumeField(_ bytes: [UInt8], at position: inout Int) throws(SignedValueError) -> ArraySlice<UInt8> {
        let rest = bytes[position...]
        guard let colon = rest.prefix(11).firstIndex(of: UInt8(ascii: ":")),
              let length = decimal(rest[..<colon]),
              length < bytes.count - colon - 1
        else { throw .malformed }
        let end = colon + 1 + length
        guard bytes[end] == UInt8(ascii: "|") else { throw .malformed }
        position = end + 1
        return bytes[(colon + 1)..<end]
    }

    /// A non-negative decimal number of at most 10 ASCII digits, else `nil`.
    private static func decimal(_ digits: ArraySlice<UInt8>) -> Int? {
        guard (1...10).contains(digits.count) else { return nil }
        var value = 0
        for digit in digits {
            guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(digit) else { return nil }
            value = value * 10 + Int(digit - UInt8(ascii: "0"))
        }
        return value
    }
}
