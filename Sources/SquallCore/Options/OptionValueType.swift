// How option values are read from text and described to people: the phrase used in
// error messages ("an integer") and the placeholder shown in --help ("INT").

/// Conversion from command-line text to one value type, plus its wording for humans.
struct OptionValueType<Value: Sendable>: Sendable {
    /// Noun phrase with article for error messages, e.g. `"an integer"`.
    let expectation: String
    /// Placeholder shown after `=` in the usage text, e.g. `"INT"`.
    let metavar: String
    /// Returns nil when `text` is not a valid value.
    let parse: @Sendable (String) -> Value?
}

extension OptionValueType where Value == Bool {
    /// Accepts true/false, t/f, yes/no, y/n, on/off and 1/0, case-insensitively. Unlike
    /// Tornado (where anything but false/0/f means true) a typo is an error, not `true`.
    static let boolean = OptionValueType(expectation: "a boolean (true or false)", metavar: "BOOL") { text in
        switch text.lowercased() {
        case "true", "t", "yes", "y", "on", "1": true
        case "false", "f", "no", "n", "off", "0": false
        default: nil
        }
    }
}

extension OptionValueType where Value: LosslessStringConvertible {
    /// Parses with `Value.init(_:)`; wording is chosen from the type (integers mention
    /// their range when narrower than 64 bits, e.g. `UInt16`).
    static var lossless: OptionValueType {
        let (expectation, metavar) = describe(Value.self)
        return OptionValueType(expectation: expectation, metavar: metavar) { text in
            // Bool's own initializer only knows "true"/"false"; use the lenient spelling set.
            if Value.self == Bool.self { return OptionValueType<Bool>.boolean.parse(text).flatMap { $0 as? Value } }
            return Value(text)
        }
    }

    private static func describe(_ type: Value.Type) -> (String, String) {
        if type == String.self || type == Substring.self { return ("a string", "STRING") }
        if type == Bool.self { return (OptionValueType<Bool>.boolean.expectation, "BOOL") }
        if let integer = type as? any FixedWidthInteger.Type {
            guard integer.bitWidth < 64 else { return ("an integer", "INT") }
            return ("an integer from \(integer.min) to \(integer.max)", "INT")
        }
        if type is any BinaryInteger.Type { return ("an integer", "INT") }
        if type is any BinaryFloatingPoint.Type { return ("a number", "FLOAT") }
        let name = String(describing: type)
        return ("a value of type \(name)", name.uppercased())
    }
}
