// Byte ranges (RFC 9110 §14.1–14.2): what part of a representation a `Range`
// request header asks for.
//
// Where Tornado answers 416 to anything it cannot parse (including several ranges),
// this follows the RFC: a Range header the server does not understand is ignored
// and the whole representation is sent (200). Several ranges are also answered
// with the whole representation, which §14.2 allows and which avoids
// multipart/byteranges. Only a well-formed single range that lies past the end is
// unsatisfiable (416).

/// What a `Range` header selects from a representation of a known size.
///
/// ```swift
/// ByteRangeSelection(header: "bytes=0-99", size: 1000)   // .partial(0..<100)
/// ByteRangeSelection(header: "bytes=-10", size: 1000)    // .partial(990..<1000)
/// ByteRangeSelection(header: "bytes=2000-", size: 1000)  // .unsatisfiable
/// ```
public enum ByteRangeSelection: Equatable, Sendable {
    /// Send everything (200): no header, a unit other than `bytes`, malformed
    /// syntax (e.g. `bytes=5-2`), or more than one range.
    case whole
    /// Send these bytes (206), as half-open offsets clamped to the size.
    case partial(Range<Int>)
    /// A single well-formed range that selects nothing (416): a first position at
    /// or past the end, a suffix length of 0, or any range of an empty file.
    case unsatisfiable

    /// Evaluates `header` (nil when absent) against `size` bytes. The unit is
    /// case-insensitive; positions too large for `Int` count as past the end.
    public init(header: String?, size: Int) {
        guard let header, let equals = header.firstIndex(of: "=") else { self = .whole; return }
        let unit = header[..<equals].trimmingOptionalWhitespace()
        guard unit.lowercased() == "bytes" else { self = .whole; return }
        // RFC 9110 §5.6.1: empty list elements are allowed and ignored.
        let specs = header[header.index(after: equals)...].split(separator: ",").map { $0.trimmingOptionalWhitespace() }
            .filter { !$0.isEmpty }
        guard specs.count == 1, let selection = Self.single(specs[0], size: size) else { self = .whole; return }
        self = selection
    }

    /// One `first-last`, `first-` or `-suffix` spec; nil when malformed.
    private static func single(_ spec: Substring, size: Int) -> ByteRangeSelection? {
        guard let dash = spec.firstIndex(of: "-") else { return nil }
        let firstText = spec[..<dash]
        let lastText = spec[spec.index(after: dash)...]
        if firstText.isEmpty {
            guard let suffix = position(lastText) else { return nil }
            guard suffix > 0, size > 0 else { return .unsatisfiable }
            return .partial(max(0, size - suffix)..<size)
        }
        guard let first = position(firstText) else { return nil }
        var end = size
        if !lastText.isEmpty {
            guard let last = position(lastText), last >= first else { return nil }
            end = min(size, last == Int.max ? last : last + 1)
        }
        return first < size ? .partial(first..<end) : .unsatisfiable
    }

    /// A non-empty run of ASCII digits, saturating at `Int.max`; nil otherwise.
    private static func position(_ text: Substring) -> Int? {
        guard !text.isEmpty else { return nil }
        var value = 0
        for byte in text.utf8 {
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
            let (shifted, overflowA) = value.multipliedReportingOverflow(by: 10)
            let (sum, overflowB) = shifted.addingReportingOverflow(Int(byte - UInt8(ascii: "0")))
            value = overflowA || overflowB ? Int.max : sum
        }
        return value
    }

    /// The `Content-Range` value for a 206 (`bytes 0-99/1000`) or 416 (`bytes */1000`).
    /// Nil for `.whole`.
    public func contentRange(size: Int) -> String? {
        switch self {
        case .whole: nil
        case .partial(let range): "bytes \(range.lowerBound)-\(range.upperBound - 1)/\(size)"
        case .unsatisfiable: "bytes */\(size)"
        }
    }
}

extension StringProtocol {
    /// Without leading and trailing spaces and tabs (HTTP's OWS, RFC 9110 §5.6.3).
    func trimmingOptionalWhitespace() -> SubSequence {
        let isOWS: (Character) -> Bool = { $0 == " " || $0 == "\t" }
        guard let first = firstIndex(where: { !isOWS($0) }), let last = lastIndex(where: { !isOWS($0) }) else {
            return self[endIndex...]
        }
        return self[first...last]
    }
}
