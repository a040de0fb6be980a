// TemplateValueConvertible: Swift types that turn into template values without
// ceremony. Strings, numbers, booleans, optionals, arrays, string-keyed
// dictionaries, dates and `SafeHTML` conform out of the box; `Encodable`
// structs are converted by `TemplateValueEncoder` instead.
import FoundationEssentials

/// A Swift type with a direct template representation.
public protocol TemplateValueConvertible {
    /// The value templates see.
    var templateValue: TemplateValue { get }
}

extension TemplateValue: TemplateValueConvertible {
    /// The value itself.
    public var templateValue: TemplateValue { self }
}

extension String: TemplateValueConvertible {
    /// `.string(self)`.
    public var templateValue: TemplateValue { .string(self) }
}

extension Substring: TemplateValueConvertible {
    /// `.string` of the substring's text.
    public var templateValue: TemplateValue { .string(String(self)) }
}

extension Character: TemplateValueConvertible {
    /// A one-character `.string`.
    public var templateValue: TemplateValue { .string(String(self)) }
}

extension Bool: TemplateValueConvertible {
    /// `.bool(self)`.
    public var templateValue: TemplateValue { .bool(self) }
}

extension TemplateValueConvertible where Self: BinaryInteger {
    /// `.int` when the value fits in `Int`, otherwise the nearest `.double`.
    public var templateValue: TemplateValue {
        Int(exactly: self).map(TemplateValue.int) ?? .double(Double(self))
    }
}

extension Int: TemplateValueConvertible {}
extension Int8: TemplateValueConvertible {}
extension Int16: TemplateValueConvertible {}
extension Int32: TemplateValueConvertible {}
extension Int64: TemplateValueConvertible {}
extension UInt: TemplateValueConvertible {}
extension UInt8: TemplateValueConvertible {}
extension UInt16: TemplateValueConvertible {}
extension UInt32: TemplateValueConvertible {}
extension UInt64: TemplateValueConvertible {}

extension Double: TemplateValueConvertible {
    /// `.double(self)`.
    public var templateValue: TemplateValue { .double(self) }
}

extension Float: TemplateValueConvertible {
    /// `.double` of the same value.
    public var templateValue: TemplateValue { .double(Double(self)) }
}

extension Date: TemplateValueConvertible {
    /// `.date(self)`.
    public var templateValue: TemplateValue { .date(self) }
}

extension SafeHTML: TemplateValueConvertible {
    /// `.safe(self)`.
    public var templateValue: TemplateValue { .safe(self) }
}

extension TemplateDictionary: TemplateValueConvertible {
    /// `.dict(self)`.
    public var templateValue: TemplateValue { .dict(self) }
}

extension TemplateFunction: TemplateValueConvertible {
    /// `.function(self)`.
    public var templateValue: TemplateValue { .function(self) }
}

extension Optional: TemplateValueConvertible where Wrapped: TemplateValueConvertible {
    /// The wrapped value's representation, or `.none`.
    public var templateValue: TemplateValue { self?.templateValue ?? .none }
}

extension Array: TemplateValueConvertible where Element: TemplateValueConvertible {
    /// `.list` of the converted elements.
    public var templateValue: TemplateValue { .list(map(\.templateValue)) }
}

extension Dictionary: TemplateValueConvertible where Key == String, Value: TemplateValueConvertible {
    /// `.dict` with the keys in sorted order, so output is deterministic
    /// (Swift dictionaries have no insertion order to preserve).
    public var templateValue: TemplateValue {
        var entries: [TemplateDictionary.Entry] = []
        entries.reserveCapacity(count)
        for (key, value) in self { entries.append(.init(key: .string(key), value: value.templateValue)) }
        return .dict(TemplateDictionary(sortingStringKeys: entries))
    }
}
