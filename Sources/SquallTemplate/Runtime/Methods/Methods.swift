// Method calls on built-in values: `", ".join(tags)`, `name.upper()`,
// `d.items()`, `d.get("k", 0)`, `when.strftime("%H:%M")`. Dispatch is by the
// receiver's kind; the method bodies live in StringMethods.swift and
// CollectionMethods.swift.

enum Methods {
    static let stringMethods: Set<String> = [
        "join", "upper", "lower", "strip", "lstrip", "rstrip", "startswith", "endswith", "replace", "split",
        "format", "capitalize", "title", "count", "find", "isdigit", "isalpha", "isalnum", "isspace",
        "splitlines", "ljust", "rjust", "center", "zfill",
    ]
    static let dictionaryMethods: Set<String> = ["items", "keys", "values", "get"]
    static let listMethods: Set<String> = ["index", "count"]
    static let dateMethods: Set<String> = ["strftime", "isoformat", "timestamp", "weekday", "isoweekday"]

    /// Whether `value` has a built-in method called `name`.
    static func exists(_ name: String, on value: TemplateValue) -> Bool {
        switch value {
        case .string, .safe: return stringMethods.contains(name)
        case .dict: return dictionaryMethods.contains(name)
        case .list, .tuple: return listMethods.contains(name)
        case .date: return dateMethods.contains(name)
        default: return false
        }
    }

    /// Calls the built-in method `name` of `value`.
    static func call(_ value: TemplateValue, _ name: String, _ arguments: TemplateArguments) throws(TemplateError) -> TemplateValue {
        switch value {
        case .string(let text) where stringMethods.contains(name):
            return try StringMethods.call(text, name, arguments)
        case .safe(let html) where stringMethods.contains(name):
            return try StringMethods.call(html.html, name, arguments)
        case .dict(let dictionary) where dictionaryMethods.contains(name):
            return try CollectionMethods.dictionary(dictionary, name, arguments)
        case .list(let items) where listMethods.contains(name), .tuple(let items) where listMethods.contains(name):
            return try CollectionMethods.sequence(items, name, arguments)
        case .date(let date) where dateMethods.contains(name):
            return try CollectionMethods.date(date, name, arguments)
        default:
            throw TemplateError(runtime: "'\(value.typeName)' object has no attribute '\(name)'")
        }
    }

    /// Binds arguments for a method, naming it `type.method` in errors.
    static func bind(_ arguments: TemplateArguments, _ method: String, _ parameters: [String],
                     required: Int) throws(TemplateError) -> [TemplateValue?] {
        try arguments.bind(function: method, parameters: parameters, required: required)
    }

    /// A string argument, or an error naming the method.
    static func string(_ value: TemplateValue?, _ method: String, default defaultValue: String? = nil) throws(TemplateError) -> String {
        if let text = value?.stringValue { return text }
        if value == nil || value?.isNone == true, let defaultValue { return defaultValue }
        throw TemplateError(runtime: "\(method)() argument must be str, not \(value?.typeName ?? "nothing")")
    }

    /// An int argument, or an error naming the method.
    static func int(_ value: TemplateValue?, _ method: String, default defaultValue: Int) throws(TemplateError) -> Int {
        guard let value, !value.isNone else { return defaultValue }
        guard let number = value.intValue else {
            throw TemplateError(runtime: "\(method)() argument must be int, not \(value.typeName)")
        }
        return number
    }
}
