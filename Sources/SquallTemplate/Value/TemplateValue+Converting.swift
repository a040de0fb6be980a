// Conversion of arbitrary Swift values (`[String: Any]` render arguments) into
// template values, trying the cheapest route first: values that already are
// template values, `TemplateValueConvertible`, `TemplateObject`, heterogeneous
// collections, and finally `Encodable` through `TemplateValueEncoder`.

extension TemplateValue {
    /// Converts any supported Swift value.
    ///
    /// Supported: `TemplateValue`, `TemplateValueConvertible` types (strings,
    /// numbers, `Bool`, `Date`, `SafeHTML`, optionals, arrays and string-keyed
    /// dictionaries of those), `TemplateObject`s, `[String: Any]`,
    /// `[AnyHashable: Any]` and `[Any]` of supported values, and anything
    /// `Encodable`. Dictionaries without an order are sorted by key.
    ///
    /// - Throws: `TemplateError` (runtime) naming the unsupported type.
    public init(converting value: Any) throws(TemplateError) {
        // A failed `as?` costs tens of nanoseconds; comparing the dynamic
        // type first makes the common argument types nearly free.
        let dynamicType = type(of: value)
        if dynamicType == TemplateValue.self, let direct = value as? TemplateValue {
            self = direct
        } else if dynamicType == String.self, let text = value as? String {
            self = .string(text)
        } else if dynamicType == [String: String].self, let dictionary = value as? [String: String] {
            // The shape of most render arguments (messages, rows); converted
            // without going through generic code.
            var entries: [TemplateDictionary.Entry] = []
            entries.reserveCapacity(dictionary.count)
            for (key, item) in dictionary { entries.append(.init(key: .string(key), value: .string(item))) }
            self = .dict(TemplateDictionary(sortingStringKeys: entries))
        } else if let direct = value as? TemplateValue {
            self = direct
        } else if let convertible = value as? any TemplateValueConvertible {
            self = convertible.templateValue
        } else if let object = value as? any TemplateObject {
            self = .object(object)
        } else if let dictionary = value as? [String: Any] {
            var entries: [TemplateDictionary.Entry] = []
            entries.reserveCapacity(dictionary.count)
            for (key, item) in dictionary { entries.append(.init(key: .string(key), value: try TemplateValue(converting: item))) }
            self = .dict(TemplateDictionary(sortingStringKeys: entries))
        } else if let dictionary = value as? [AnyHashable: Any] {
            var entries: [(TemplateValue, TemplateValue)] = []
            for (key, item) in dictionary {
                entries.append((try TemplateValue(converting: key.base), try TemplateValue(converting: item)))
            }
            entries.sort { $0.0.repr < $1.0.repr }
            self = .dict(TemplateDictionary(entries))
        } else if let array = value as? [Any] {
            var items: [TemplateValue] = []
            items.reserveCapacity(array.count)
            for item in array { items.append(try TemplateValue(converting: item)) }
            self = .list(items)
        } else if let encodable = value as? any Encodable {
            self = try TemplateValueEncoder().encode(encodable)
        } else if let unwrapped = Self.unwrapOptional(value) {
            if let inner = unwrapped { self = try TemplateValue(converting: inner) } else { self = .none }
        } else {
            throw TemplateError(runtime: "cannot use a value of type \(type(of: value)) in a template: "
                + "conform it to TemplateValueConvertible, TemplateObject or Encodable")
        }
    }

    /// `.some(.some(x))` / `.some(nil)` for an `Optional` of any wrapped type
    /// hidden in an `Any`; `nil` when `value` is not an optional.
    private static func unwrapOptional(_ value: Any) -> Any?? {
        let mirror = Mirror(reflecting: value)
        guard mirror.displayStyle == .optional else { return nil }
        return .some(mirror.children.first?.value)
    }
}
