// Equality and hashing with Python's semantics: numbers compare by value across
// bool/int/float (`1 == 1.0 == True`), `SafeHTML` equals the same plain text,
// and functions and objects compare by identity. Hashing agrees with `==`, so
// values can key a `TemplateDictionary` the way they key a Python dict.

extension TemplateValue: Hashable {
    /// Python `==`.
    public static func == (lhs: TemplateValue, rhs: TemplateValue) -> Bool {
        switch (lhs, rhs) {
        case (.none, .none):
            return true
        case (.string(let a), .string(let b)):
            return a == b
        case (.list(let a), .list(let b)), (.tuple(let a), .tuple(let b)):
            return a == b
        case (.dict(let a), .dict(let b)):
            return a == b
        case (.date(let a), .date(let b)):
            return a == b
        case (.function(let a), .function(let b)):
            return a === b
        case (.object(let a), .object(let b)):
            return a === b
        default:
            if let a = lhs.stringValue, let b = rhs.stringValue { return a == b }
            return numericEquals(lhs, rhs) ?? false
        }
    }

    /// Hashes consistently with `==` (an integral float hashes like the int).
    public func hash(into hasher: inout Hasher) {
        switch self {
        case .none:
            hasher.combine(0 as UInt8)
        case .bool(let b):
            hasher.combine(b ? 1 : 0)
        case .int(let i):
            hasher.combine(i)
        case .double(let d):
            if let i = Int(exactly: d) { hasher.combine(i) } else { hasher.combine(d) }
        case .string(let s):
            hasher.combine(s)
        case .safe(let h):
            hasher.combine(h.html)
        case .list(let items), .tuple(let items):
            hasher.combine(items)
        case .dict(let d):
            hasher.combine(d.count)
        case .date(let d):
            hasher.combine(d)
        case .function(let f):
            hasher.combine(ObjectIdentifier(f))
        case .object(let o):
            hasher.combine(ObjectIdentifier(o))
        }
    }
}

/// Compares two numeric values exactly (an int equals a float only when the
/// float is that very integer); `nil` when either side is not a number.
func numericEquals(_ lhs: TemplateValue, _ rhs: TemplateValue) -> Bool? {
    switch (lhs, rhs) {
    case (.double(let a), .double(let b)):
        return a == b
    case (.double(let d), _):
        guard let i = rhs.intValue else { return nil }
        return Int(exactly: d) == i
    case (_, .double(let d)):
        guard let i = lhs.intValue else { return nil }
        return Int(exactly: d) == i
    default:
        guard let a = lhs.intValue, let b = rhs.intValue else { return nil }
        return a == b
    }
}
