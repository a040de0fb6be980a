// FormatSpec: Python's format-specification mini-language, as used by
// `"{:>10}".format(x)`, `"{:,.2f}".format(price)` and `format(x, "05d")`:
//   [[fill]align][sign][#][0][width][,|_][.precision][type]

struct FormatSpec: Sendable {
    var fill: Character = " "
    var alignment: FormatAlignment?
    var signFlag: Character?
    var alternate = false
    var width = 0
    var grouping: Character?
    var precision: Int?
    var type: Character?

    /// Parses a specification (the part after `:`).
    /// - Throws: `TemplateError` (runtime) for malformed specifications.
    init(_ text: String) throws(TemplateError) {
        var characters = Array(text)[...]
        if characters.count >= 2, let align = Self.alignment(characters[characters.startIndex + 1]) {
            fill = characters[characters.startIndex]
            alignment = align
            characters.removeFirst(2)
        } else if let first = characters.first, let align = Self.alignment(first) {
            alignment = align
            characters.removeFirst()
        }
        if let sign = characters.first, "+- ".contains(sign) {
            signFlag = sign
            characters.removeFirst()
        }
        if characters.first == "#" {
            alternate = true
            characters.removeFirst()
        }
        if characters.first == "0" {
            if alignment == nil {
                fill = "0"
                alignment = .afterSign
            }
            characters.removeFirst()
        }
        width = NumberFormatting.parseCount(&characters) ?? 0
        if let separator = characters.first, separator == "," || separator == "_" {
            grouping = separator
            characters.removeFirst()
        }
        if characters.first == "." {
            characters.removeFirst()
            guard let digits = NumberFormatting.parseCount(&characters) else { throw TemplateError(runtime: "format specifier missing precision") }
            precision = digits
        }
        if let type = characters.popFirst() {
            guard "bcdeEfFgGnosxX%".contains(type) else { throw TemplateError(runtime: "unknown format code '\(type)'") }
            self.type = type
        }
        guard characters.isEmpty else { throw TemplateError(runtime: "invalid format specifier '\(text)'") }
    }

    private static func alignment(_ character: Character) -> FormatAlignment? {
        switch character {
        case "<": return .left
        case ">": return .right
        case "^": return .center
        case "=": return .afterSign
        default: return nil
        }
    }

    /// `format(value, spec)`.
    func apply(to value: TemplateValue) throws(TemplateError) -> String {
        switch value {
        case .double(let number):
            return try formatFloat(number)
        case .int(let number):
            return try formatNumber(number)
        case .bool(let flag) where type != nil:
            return try formatNumber(flag ? 1 : 0)
        default:
            if let type, type != "s" {
                throw TemplateError(runtime: "unknown format code '\(type)' for object of type '\(value.typeName)'")
            }
            var text = value.description
            if let precision { text = String(text.prefix(precision)) }
            return try NumberFormatting.pad(sign: "", body: text, width: width, fill: fill, alignment: alignment ?? .left)
        }
    }

    /// An integer under an integer type, or converted for a float type.
    private func formatNumber(_ number: Int) throws(TemplateError) -> String {
        if let type, "eEfFgG%".contains(type) { return try formatFloat(Double(number)) }
        return try formatInteger(number)
    }

    private func formatInteger(_ number: Int) throws(TemplateError) -> String {
        let kind = type ?? "d"
        var body: String
        var prefix = ""
        switch kind {
        case "c":
            guard let scalar = Unicode.Scalar(UInt32(clamping: max(0, number))) else { throw TemplateError(runtime: "%c arg not in range") }
            body = String(scalar)
        case "b", "o", "x", "X":
            let radix = kind == "b" ? 2 : kind == "o" ? 8 : 16
            body = NumberFormatting.digits(number.magnitude, radix: radix, uppercase: kind == "X")
            if alternate { prefix = "0" + (kind == "X" ? "X" : String(kind)) }
        case "d", "n":
            body = String(number.magnitude)
        default:
            throw TemplateError(runtime: "unknown format code '\(kind)' for object of type 'int'")
        }
        if let grouping { body = NumberFormatting.grouped(body, separator: grouping) }
        return try NumberFormatting.pad(sign: NumberFormatting.sign(negative: number < 0, flag: signFlag), prefix: prefix, body: body,
                                        width: width, fill: fill, alignment: alignment ?? .right)
    }

    private func formatFloat(_ number: Double) throws(TemplateError) -> String {
        var magnitude = abs(number)
        var body: String
        switch type {
        case nil:
            if let precision {
                body = try NumberFormatting.floatDigits(magnitude, conversion: "g", precision: max(1, precision), alternate: alternate)
            } else {
                body = pythonFloatText(magnitude)
            }
        case "%":
            magnitude *= 100
            body = try NumberFormatting.floatDigits(magnitude, conversion: "f", precision: precision ?? 6, alternate: alternate) + "%"
        case "n":
            body = try NumberFormatting.floatDigits(magnitude, conversion: "g", precision: precision ?? 6, alternate: alternate)
        case let conversion?:
            guard "eEfFgG".contains(conversion) else {
                throw TemplateError(runtime: "unknown format code '\(conversion)' for object of type 'float'")
            }
            body = try NumberFormatting.floatDigits(magnitude, conversion: conversion, precision: precision ?? 6, alternate: alternate)
        }
        if let grouping { body = NumberFormatting.grouped(body, separator: grouping) }
        return try NumberFormatting.pad(sign: NumberFormatting.sign(negative: number.sign == .minus && !number.isNaN, flag: signFlag),
                                        body: body, width: width, fill: fill, alignment: alignment ?? .right)
    }
}
