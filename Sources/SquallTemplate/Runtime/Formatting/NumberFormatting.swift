// Shared pieces of Python's two formatting languages (`"%.2f" % x` and
// `"{:>8,}".format(n)`): converting numbers to digits and padding the result.
// Floats go through C's `snprintf`, which is what CPython's own float
// formatting matches for the e/f/g conversions.
import Glibc

/// A parsed format string: literal text and replacement fields.
enum FormatPiece<Field: Sendable>: Sendable {
    case literal(String)
    case field(Field)
}

/// Where padding goes relative to the text.
enum FormatAlignment {
    case left, right, center
    /// Between the sign (and `0x`-style prefix) and the digits.
    case afterSign
}

enum NumberFormatting {
    /// Width and precision beyond this are refused: they would only serve to
    /// allocate huge strings.
    static let maximumWidth = 1000

    /// Consumes ASCII digits (a width or precision), saturating just above
    /// `maximumWidth` so that absurd values fail the width check instead of
    /// overflowing; `nil` when there are none.
    static func parseCount(_ characters: inout ArraySlice<Character>) -> Int? {
        var value: Int?
        while let digit = characters.first?.wholeNumberValue, characters.first?.isASCII == true {
            value = min((value ?? 0) * 10 + digit, maximumWidth + 1)
            characters.removeFirst()
        }
        return value
    }

    /// The sign of a number as the formatting flags want it.
    static func sign(negative: Bool, flag: Character?) -> String {
        if negative { return "-" }
        switch flag {
        case "+": return "+"
        case " ": return " "
        default: return ""
        }
    }

    /// Digits of a magnitude in `radix` (2, 8, 10 or 16).
    static func digits(_ magnitude: UInt, radix: Int, uppercase: Bool) -> String {
        String(magnitude, radix: radix, uppercase: uppercase)
    }

    /// `conversion` is one of e E f F g G; `magnitude` is non-negative.
    /// Returns the C rendering without sign; throws if precision is too big.
    static func floatDigits(_ magnitude: Double, conversion: Character, precision: Int, alternate: Bool) throws(TemplateError) -> String {
        guard precision <= maximumWidth else { throw TemplateError(runtime: "precision too large (limit \(maximumWidth))") }
        let format = "%" + (alternate ? "#" : "") + ".\(precision)" + String(conversion)
        var buffer = [CChar](repeating: 0, count: 64)
        var length = withVaList([magnitude]) { vsnprintf(&buffer, buffer.count, format, $0) }
        if length >= buffer.count {
            buffer = [CChar](repeating: 0, count: Int(length) + 1)
            length = withVaList([magnitude]) { vsnprintf(&buffer, buffer.count, format, $0) }
        }
        return String(decoding: buffer.prefix(Int(max(0, length))).map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// Inserts `separator` every three digits of the integer part of `digits`.
    static func grouped(_ digits: String, separator: Character) -> String {
        let integerEnd = digits.firstIndex { !$0.isASCII || !$0.isNumber } ?? digits.endIndex
        let integerPart = digits[..<integerEnd]
        var result = ""
        for (position, character) in integerPart.enumerated() {
            if position > 0, (integerPart.count - position) % 3 == 0 { result.append(separator) }
            result.append(character)
        }
        return result + digits[integerEnd...]
    }

    /// Pads `sign + prefix + body` to `width` with `fill`.
    static func pad(sign: String, prefix: String = "", body: String, width: Int, fill: Character = " ",
                    alignment: FormatAlignment) throws(TemplateError) -> String {
        guard width <= maximumWidth else { throw TemplateError(runtime: "width too large (limit \(maximumWidth))") }
        let length = sign.count + prefix.count + body.count
        guard width > length else { return sign + prefix + body }
        let padding = width - length
        switch alignment {
        case .left: return sign + prefix + body + String(repeating: fill, count: padding)
        case .right: return String(repeating: fill, count: padding) + sign + prefix + body
        case .afterSign: return sign + prefix + String(repeating: fill, count: padding) + body
        case .center:
            let before = padding / 2
            return String(repeating: fill, count: before) + sign + prefix + body + String(repeating: fill, count: padding - before)
        }
    }

    /// The integer a `%d`/`{:d}`-style conversion uses: ints and bools as
    /// they are, floats truncated (only where Python allows it).
    static func integer(_ value: TemplateValue, allowFloat: Bool, conversion: Character) throws(TemplateError) -> Int {
        if let integer = value.intValue { return integer }
        if allowFloat, case .double(let d) = value, d.isFinite, let truncated = Int(exactly: d.rounded(.towardZero)) {
            return truncated
        }
        throw TemplateError(runtime: "%\(conversion) format: an integer is required, not \(value.typeName)")
    }

    /// The float a `%f`/`{:f}`-style conversion uses.
    static func double(_ value: TemplateValue, conversion: Character) throws(TemplateError) -> Double {
        guard Arithmetic.isNumber(value), let d = value.doubleValue else {
            throw TemplateError(runtime: "%\(conversion) format: a real number is required, not \(value.typeName)")
        }
        return d
    }
}
