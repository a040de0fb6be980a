// The default template namespace: Python built-ins that Tornado templates
// commonly use (`len`, `str`, `range`, `sorted`, …) and Tornado's escaping
// functions (`escape`, `url_escape`, `json_encode`, `linkify`, …). Loader and
// render namespaces can shadow any of them.
import Glibc

enum Builtins {
    /// Every built-in, by template name.
    static let namespace: [String: TemplateValue] = {
        let functions = conversions + sequences + escaping
        return Dictionary(uniqueKeysWithValues: functions.map { ($0.name, .function($0)) })
    }()

    /// A function whose arguments are bound to `parameters` first.
    static func function(_ name: String, _ parameters: [String], required: Int,
                         _ body: @escaping @Sendable ([TemplateValue?]) throws(TemplateError) -> TemplateValue) -> TemplateFunction {
        TemplateFunction(name) { arguments in
            try body(try arguments.bind(function: name, parameters: parameters, required: required))
        }
    }

    private static let conversions: [TemplateFunction] = [
        function("len", ["obj"], required: 1) { values throws(TemplateError) in
            switch values[0] ?? .none {
            case .list(let items), .tuple(let items): return .int(items.count)
            case .dict(let dictionary): return .int(dictionary.count)
            case let value:
                guard let text = value.stringValue else { throw TemplateError(runtime: "object of type '\(value.typeName)' has no len()") }
                return .int(text.unicodeScalars.count)
            }
        },
        function("str", ["object"], required: 0) { values in .string(values[0]?.description ?? "") },
        function("repr", ["object"], required: 1) { values in .string(values[0]?.repr ?? "") },
        function("bool", ["x"], required: 0) { values in .bool(values[0]?.isTruthy ?? false) },
        function("int", ["x", "base"], required: 0) { values throws(TemplateError) in
            try .int(toInteger(values[0] ?? .int(0), base: values[1]))
        },
        function("float", ["x"], required: 0) { values throws(TemplateError) in
            try .double(toDouble(values[0] ?? .double(0)))
        },
        function("abs", ["x"], required: 1) { values throws(TemplateError) in
            switch values[0] ?? .none {
            case .double(let d): return .double(abs(d))
            case let value:
                guard let i = value.intValue, i != .min else { throw TemplateError(runtime: "bad operand type for abs(): '\(value.typeName)'") }
                return .int(abs(i))
            }
        },
        function("round", ["number", "ndigits"], required: 1) { values throws(TemplateError) in
            try round(values[0] ?? .none, digits: values[1])
        },
        function("format", ["value", "format_spec"], required: 1) { values throws(TemplateError) in
            .string(try FormatSpec(Methods.string(values[1], "format", default: "")).apply(to: values[0] ?? .none))
        },
    ]

    /// Python `int(x)` / `int(text, base)`.
    static func toInteger(_ value: TemplateValue, base: TemplateValue?) throws(TemplateError) -> Int {
        if let text = value.stringValue {
            let radix = try Methods.int(base, "int", default: 10)
            let cleaned = pythonStrip(Substring(text)).replacing("_", with: "")
            guard (2...36).contains(radix), let number = Int(cleaned, radix: radix) else {
                throw TemplateError(runtime: "invalid literal for int() with base \(radix): \(pythonQuoted(text))")
            }
            return number
        }
        if let number = value.intValue { return number }
        if case .double(let d) = value, let number = Int(exactly: d.rounded(.towardZero)) { return number }
        throw TemplateError(runtime: "int() argument must be a string or a number, not '\(value.typeName)'")
    }

    /// Python `float(x)`.
    static func toDouble(_ value: TemplateValue) throws(TemplateError) -> Double {
        if let text = value.stringValue {
            let cleaned = pythonStrip(Substring(text)).lowercased()
            let special: [String: Double] = ["inf": .infinity, "+inf": .infinity, "-inf": -.infinity, "infinity": .infinity,
                                             "-infinity": -.infinity, "nan": .nan, "+nan": .nan, "-nan": .nan]
            if let number = special[cleaned] ?? Double(cleaned) { return number }
            throw TemplateError(runtime: "could not convert string to float: \(pythonQuoted(text))")
        }
        guard Arithmetic.isNumber(value), let number = value.doubleValue else {
            throw TemplateError(runtime: "float() argument must be a string or a number, not '\(value.typeName)'")
        }
        return number
    }

    /// Python `round`: half to even; an int without `ndigits`, else a float.
    private static func round(_ value: TemplateValue, digits: TemplateValue?) throws(TemplateError) -> TemplateValue {
        guard Arithmetic.isNumber(value), let number = value.doubleValue else {
            throw TemplateError(runtime: "type \(value.typeName) doesn't define __round__ method")
        }
        guard let digits, !digits.isNone else {
            if let integer = value.intValue { return .int(integer) }
            guard let rounded = Int(exactly: number.rounded(.toNearestOrEven)) else {
                throw TemplateError(runtime: "cannot convert float \(pythonFloatText(number)) to integer")
            }
            return .int(rounded)
        }
        // Beyond ±400 digits every double rounds the same; clamping keeps
        // the arithmetic below from overflowing.
        let places = min(max(try Methods.int(digits, "round", default: 0), -400), 400)
        if let integer = value.intValue, places >= 0 { return .int(integer) }
        guard number.isFinite else { return .double(number) }
        if places >= 0 {
            // Like CPython: round the exact binary value in decimal (so
            // round(2.675, 2) is 2.67), then read the digits back.
            let digits = try NumberFormatting.floatDigits(abs(number), conversion: "f", precision: min(places, 330), alternate: false)
            let magnitude = Double(digits) ?? abs(number)
            return .double(number.sign == .minus ? -magnitude : magnitude)
        }
        let scale = pow(10.0, Double(min(-places, 308)))
        return .double((number / scale).rounded(.toNearestOrEven) * scale)
    }
}
