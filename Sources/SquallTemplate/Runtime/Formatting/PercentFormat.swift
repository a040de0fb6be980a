// PercentFormat: Python's printf-style string formatting, `"%s" % x`,
// `"%d items" % n`, `"%.2f" % price`, `"%s and %s" % (a, b)`,
// `"%(name)s" % user`. A format string that is a literal in the template is
// parsed once at compile time; dynamic ones are parsed when used.

struct PercentFormat: Sendable {
    /// One `%…` conversion.
    struct Conversion: Sendable {
        var key: String?
        var flags: Set<Character> = []
        /// `nil` for none, `-1` for `*` (taken from the arguments).
        var width: Int?
        var precision: Int?
        var type: Character = "s"
    }

    let pieces: [FormatPiece<Conversion>]

    /// Parses `format`.
    /// - Throws: `TemplateError` (runtime) for an incomplete or unknown conversion.
    init(_ format: String) throws(TemplateError) {
        var pieces: [FormatPiece<Conversion>] = []
        var literal = ""
        var characters = Array(format)[...]
        while let character = characters.popFirst() {
            guard character == "%" else {
                literal.append(character)
                continue
            }
            if characters.first == "%" {
                characters.removeFirst()
                literal.append("%")
                continue
            }
            if !literal.isEmpty { pieces.append(.literal(literal)) }
            literal = ""
            pieces.append(.field(try Self.parseConversion(&characters)))
        }
        if !literal.isEmpty { pieces.append(.literal(literal)) }
        self.pieces = pieces
    }

    private static func parseConversion(_ characters: inout ArraySlice<Character>) throws(TemplateError) -> Conversion {
        var conversion = Conversion()
        if characters.first == "(" {
            characters.removeFirst()
            guard let close = characters.firstIndex(of: ")") else { throw TemplateError(runtime: "incomplete format key") }
            conversion.key = String(characters[..<close])
            characters = characters[(close + 1)...]
        }
        while let flag = characters.first, "#0- +".contains(flag) {
            conversion.flags.insert(flag)
            characters.removeFirst()
        }
        conversion.width = number(&characters)
        if characters.first == "." {
            characters.removeFirst()
            conversion.precision = number(&characters) ?? 0
        }
        while let modifier = characters.first, "hlL".contains(modifier) { characters.removeFirst() }
        guard let type = characters.popFirst() else { throw TemplateError(runtime: "incomplete format") }
        guard "diouxXeEfFgGcrsa".contains(type) else {
            throw TemplateError(runtime: "unsupported format character '\(type)'")
        }
        conversion.type = type
        return conversion
    }

    /// Digits or `*` (returned as -1).
    private static func number(_ characters: inout ArraySlice<Character>) -> Int? {
        if characters.first == "*" {
            characters.removeFirst()
            return -1
        }
        return NumberFormatting.parseCount(&characters)
    }

    /// `format % argument`.
    func apply(_ argument: TemplateValue) throws(TemplateError) -> String {
        let usesKeys = pieces.contains { if case .field(let conversion) = $0 { return conversion.key != nil } else { return false } }
        var positional: ArraySlice<TemplateValue> = []
        if !usesKeys {
            if case .tuple(let items) = argument { positional = items[...] } else { positional = [argument] }
        }
        var result = ""
        for piece in pieces {
            switch piece {
            case .literal(let text):
                result += text
            case .field(var conversion):
                let value: TemplateValue
                if let key = conversion.key {
                    value = try mappingValue(argument, key)
                } else {
                    if conversion.width == -1 { conversion.width = try starArgument(&positional) }
                    if conversion.precision == -1 { conversion.precision = try starArgument(&positional) }
                    guard let next = positional.popFirst() else {
                        throw TemplateError(runtime: "not enough arguments for format string")
                    }
                    value = next
                }
                result += try format(value, conversion)
            }
        }
        // Python lets a mapping argument go unused (`"text" % {}`).
        var isMapping = false
        if case .dict = argument { isMapping = true }
        guard positional.isEmpty || isMapping else {
            throw TemplateError(runtime: "not all arguments converted during string formatting")
        }
        return result
    }

    private func mappingValue(_ argument: TemplateValue, _ key: String) throws(TemplateError) -> TemplateValue {
        guard case .dict(let dictionary) = argument else { throw TemplateError(runtime: "format requires a mapping") }
        guard let value = dictionary[key] else { throw TemplateError(runtime: "KeyError: '\(key)'") }
        return value
    }

    private func starArgument(_ positional: inout ArraySlice<TemplateValue>) throws(TemplateError) -> Int {
        guard let value = positional.popFirst(), let number = value.intValue else {
            throw TemplateError(runtime: "* wants int")
        }
        return number
    }

    private func format(_ value: TemplateValue, _ conversion: Conversion) throws(TemplateError) -> String {
        var width = conversion.width ?? 0
        var flags = conversion.flags
        if width < 0 {
            width = -width
            flags.insert("-")
        }
        let signFlag: Character? = flags.contains("+") ? "+" : flags.contains(" ") ? " " : nil
        let alignment: FormatAlignment = flags.contains("-") ? .left : flags.contains("0") ? .afterSign : .right
        let fill: Character = alignment == .afterSign ? "0" : " "
        switch conversion.type {
        case "s", "r", "a":
            var text = conversion.type == "s" ? value.description : conversion.type == "r" ? value.repr : value.asciiRepr
            if let precision = conversion.precision { text = String(text.prefix(max(0, precision))) }
            return try NumberFormatting.pad(sign: "", body: text, width: width, alignment: flags.contains("-") ? .left : .right)
        case "c":
            let text: String
            if let code = value.intValue {
                guard let scalar = Unicode.Scalar(UInt32(clamping: max(0, code))) else { throw TemplateError(runtime: "%c arg not in range") }
                text = String(scalar)
            } else if let string = value.stringValue, string.count == 1 {
                text = string
            } else {
                throw TemplateError(runtime: "%c requires an int or a single character")
            }
            return try NumberFormatting.pad(sign: "", body: text, width: width, alignment: flags.contains("-") ? .left : .right)
        case "d", "i", "u", "o", "x", "X":
            let number = try NumberFormatting.integer(value, allowFloat: "diu".contains(conversion.type), conversion: conversion.type)
            let radix = conversion.type == "o" ? 8 : "xX".contains(conversion.type) ? 16 : 10
            var digits = NumberFormatting.digits(number.magnitude, radix: radix, uppercase: conversion.type == "X")
            if let precision = conversion.precision, digits.count < precision {
                digits = String(repeating: "0", count: min(precision, NumberFormatting.maximumWidth) - digits.count) + digits
            }
            let prefix = flags.contains("#") && radix != 10 ? (radix == 8 ? "0o" : conversion.type == "X" ? "0X" : "0x") : ""
            return try NumberFormatting.pad(sign: NumberFormatting.sign(negative: number < 0, flag: signFlag), prefix: prefix,
                                            body: digits, width: width, fill: fill, alignment: alignment)
        default:
            let number = try NumberFormatting.double(value, conversion: conversion.type)
            let digits = try NumberFormatting.floatDigits(abs(number), conversion: conversion.type,
                                                          precision: max(0, conversion.precision ?? 6), alternate: flags.contains("#"))
            return try NumberFormatting.pad(sign: NumberFormatting.sign(negative: number.sign == .minus && !number.isNaN, flag: signFlag),
                                            body: digits, width: width,
                                            fill: number.isFinite ? fill : " ", alignment: number.isFinite ? alignment : (flags.contains("-") ? .left : .right))
        }
    }
}
