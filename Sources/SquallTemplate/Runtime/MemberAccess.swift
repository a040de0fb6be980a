// Member access: `value.name`, `value[key]` and `value[a:b:c]` with Python's
// rules (negative indices, clamped slices, `KeyError`), plus attribute-style
// access to dictionary keys as Tornado's `ObjectDict` allows.

enum MemberAccess {
    /// `value.name`: dictionary keys, `TemplateObject` members, date fields,
    /// or a bound method (`text.upper`) to be called later.
    static func attribute(_ value: TemplateValue, _ name: String) throws(TemplateError) -> TemplateValue {
        switch value {
        case .dict(let dictionary):
            if let found = dictionary[name] { return found }
        case .object(let object):
            if let found = try member(of: object, name) { return found }
        case .date(let date):
            if let field = dateField(UTCDateParts(date), name) { return .int(field) }
        default:
            break
        }
        guard Methods.exists(name, on: value) else {
            throw TemplateError(runtime: "'\(value.typeName)' object has no attribute '\(name)'")
        }
        return .function(TemplateFunction(name) { arguments in try Methods.call(value, name, arguments) })
    }

    /// A `TemplateObject` member, with its own errors reported as template errors.
    static func member(of object: any TemplateObject, _ name: String) throws(TemplateError) -> TemplateValue? {
        try runForeign("\(object.templateTypeName).\(name)") { try object.templateMember(name) }
    }

    private static func dateField(_ parts: UTCDateParts, _ name: String) -> Int? {
        switch name {
        case "year": return parts.year
        case "month": return parts.month
        case "day": return parts.day
        case "hour": return parts.hour
        case "minute": return parts.minute
        case "second": return parts.second
        case "microsecond": return parts.microsecond
        default: return nil
        }
    }

    /// `value[key]` for a string key: the hot path of `message["id"]`.
    @inline(__always)
    static func item(_ value: TemplateValue, stringKey key: String) throws(TemplateError) -> TemplateValue {
        if case .dict(let dictionary) = value {
            guard let found = dictionary[key] else { throw TemplateError(runtime: "KeyError: \(pythonQuoted(key))") }
            return found
        }
        return try item(value, .string(key))
    }

    /// `value[key]`.
    static func item(_ value: TemplateValue, _ key: TemplateValue) throws(TemplateError) -> TemplateValue {
        switch value {
        case .dict(let dictionary):
            guard let found = dictionary[key] else { throw TemplateError(runtime: "KeyError: \(key.repr)") }
            return found
        case .list(let items), .tuple(let items):
            return items[try index(key, count: items.count, kind: value.typeName)]
        case .object(let object):
            let found = try runForeign("\(object.templateTypeName)[\(key.repr)]") { try object.templateSubscript(key) }
            guard let found else { throw TemplateError(runtime: "KeyError: \(key.repr)") }
            return found
        default:
            guard let text = value.stringValue else { throw TemplateError(runtime: "'\(value.typeName)' object is not subscriptable") }
            let scalars = Array(text.unicodeScalars)
            return .string(String(scalars[try index(key, count: scalars.count, kind: "string")]))
        }
    }

    private static func index(_ key: TemplateValue, count: Int, kind: String) throws(TemplateError) -> Int {
        guard let raw = key.intValue else {
            throw TemplateError(runtime: "\(kind) indices must be integers or slices, not \(key.typeName)")
        }
        let position = raw < 0 ? raw + count : raw
        guard position >= 0, position < count else { throw TemplateError(runtime: "\(kind) index out of range") }
        return position
    }

    /// `value[lower:upper:step]`.
    static func slice(_ value: TemplateValue, _ lower: TemplateValue, _ upper: TemplateValue,
                      _ step: TemplateValue) throws(TemplateError) -> TemplateValue {
        switch value {
        case .list(let items):
            return .list(try sliced(items, lower, upper, step))
        case .tuple(let items):
            return .tuple(try sliced(items, lower, upper, step))
        default:
            guard let text = value.stringValue else { throw TemplateError(runtime: "'\(value.typeName)' object is not subscriptable") }
            let scalars = try sliced(Array(text.unicodeScalars), lower, upper, step)
            return .string(String(String.UnicodeScalarView(scalars)))
        }
    }

    /// Python's `slice.indices` applied to an array.
    private static func sliced<Element>(_ items: [Element], _ lower: TemplateValue, _ upper: TemplateValue,
                                        _ step: TemplateValue) throws(TemplateError) -> [Element] {
        let stride = try bound(step) ?? 1
        guard stride != 0 else { throw TemplateError(runtime: "slice step cannot be zero") }
        let count = items.count
        func clamp(_ value: Int?, _ defaultValue: Int) -> Int {
            guard var value else { return defaultValue }
            if value < 0 { value += count }
            return stride > 0 ? min(max(value, 0), count) : min(max(value, -1), count - 1)
        }
        let start = clamp(try bound(lower), stride > 0 ? 0 : count - 1)
        let end = clamp(try bound(upper), stride > 0 ? count : -1)
        var result: [Element] = []
        var position = start
        while stride > 0 ? position < end : position > end {
            result.append(items[position])
            let (next, overflow) = position.addingReportingOverflow(stride)
            if overflow { break }
            position = next
        }
        return result
    }

    private static func bound(_ value: TemplateValue) throws(TemplateError) -> Int? {
        if value.isNone { return nil }
        guard let number = value.intValue else {
            throw TemplateError(runtime: "slice indices must be integers or None, not \(value.typeName)")
        }
        return number
    }
}
