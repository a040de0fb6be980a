// Arithmetic with Python's semantics: bool counts as int, int and float mix
// to float, `/` is true division, `//` and `%` floor, `%` on a string formats,
// `+`/`*` concatenate and repeat sequences. Integer overflow and division by
// zero are template errors, never traps.
import Glibc

enum Arithmetic {
    /// Results of string or list repetition larger than this are refused
    /// rather than exhausting memory.
    static let maximumRepeatedLength = 16 << 20

    static func apply(_ operation: BinaryOperator, _ lhs: TemplateValue, _ rhs: TemplateValue) throws(TemplateError) -> TemplateValue {
        switch operation {
        case .add: return try add(lhs, rhs)
        case .multiply: return try multiply(lhs, rhs)
        case .modulo:
            if let format = lhs.stringValue { return .string(try PercentFormat(format).apply(rhs)) }
            return try numeric(operation, lhs, rhs)
        default: return try numeric(operation, lhs, rhs)
        }
    }

    static func negate(_ value: TemplateValue) throws(TemplateError) -> TemplateValue {
        if case .double(let d) = value { return .double(-d) }
        guard let i = value.intValue else { throw TemplateError(runtime: "bad operand type for unary -: '\(value.typeName)'") }
        let (result, overflow) = Int(0).subtractingReportingOverflow(i)
        guard !overflow else { throw overflowError() }
        return .int(result)
    }

    static func plus(_ value: TemplateValue) throws(TemplateError) -> TemplateValue {
        if case .double = value { return value }
        guard let i = value.intValue else { throw TemplateError(runtime: "bad operand type for unary +: '\(value.typeName)'") }
        return .int(i)
    }

    private static func add(_ lhs: TemplateValue, _ rhs: TemplateValue) throws(TemplateError) -> TemplateValue {
        switch (lhs, rhs) {
        case (.safe(let a), .safe(let b)): return .safe(SafeHTML(a.html + b.html))
        case (.list(let a), .list(let b)): return .list(a + b)
        case (.tuple(let a), .tuple(let b)): return .tuple(a + b)
        default:
            if let a = lhs.stringValue, let b = rhs.stringValue { return .string(a + b) }
            return try numeric(.add, lhs, rhs)
        }
    }

    private static func multiply(_ lhs: TemplateValue, _ rhs: TemplateValue) throws(TemplateError) -> TemplateValue {
        if let count = rhs.intValue, !isNumber(lhs) { return try repeated(lhs, count, rhs) }
        if let count = lhs.intValue, !isNumber(rhs) { return try repeated(rhs, count, lhs) }
        return try numeric(.multiply, lhs, rhs)
    }

    private static func repeated(_ sequence: TemplateValue, _ count: Int, _ other: TemplateValue) throws(TemplateError) -> TemplateValue {
        let times = max(0, count)
        let length: Int
        switch sequence {
        case .list(let items), .tuple(let items): length = items.count
        default:
            guard let text = sequence.stringValue else { throw unsupported(.multiply, sequence, other) }
            length = text.utf8.count
        }
        let (total, overflow) = length.multipliedReportingOverflow(by: times)
        guard !overflow, total <= maximumRepeatedLength else { throw tooLarge() }
        switch sequence {
        case .list(let items): return .list(Array([[TemplateValue]](repeating: items, count: times).joined()))
        case .tuple(let items): return .tuple(Array([[TemplateValue]](repeating: items, count: times).joined()))
        default: return .string(String(repeating: sequence.stringValue ?? "", count: times))
        }
    }

    private static func numeric(_ operation: BinaryOperator, _ lhs: TemplateValue, _ rhs: TemplateValue) throws(TemplateError) -> TemplateValue {
        if let a = lhs.intValue, let b = rhs.intValue {
            return try integer(operation, a, b)
        }
        guard let a = lhs.doubleValue, let b = rhs.doubleValue, isNumber(lhs), isNumber(rhs) else {
            throw unsupported(operation, lhs, rhs)
        }
        switch operation {
        case .add: return .double(a + b)
        case .subtract: return .double(a - b)
        case .multiply: return .double(a * b)
        case .divide:
            guard b != 0 else { throw divisionByZero() }
            return .double(a / b)
        case .floorDivide:
            guard b != 0 else { throw divisionByZero() }
            return .double((a / b).rounded(.down))
        case .modulo:
            guard b != 0 else { throw divisionByZero() }
            let remainder = fmod(a, b)
            return .double(remainder != 0 && (remainder < 0) != (b < 0) ? remainder + b : remainder)
        case .power:
            guard a != 0 || b >= 0 else { throw TemplateError(runtime: "0.0 cannot be raised to a negative power") }
            return .double(pow(a, b))
        }
    }

    private static func integer(_ operation: BinaryOperator, _ a: Int, _ b: Int) throws(TemplateError) -> TemplateValue {
        let result: (partialValue: Int, overflow: Bool)
        switch operation {
        case .add: result = a.addingReportingOverflow(b)
        case .subtract: result = a.subtractingReportingOverflow(b)
        case .multiply: result = a.multipliedReportingOverflow(by: b)
        case .divide:
            guard b != 0 else { throw divisionByZero() }
            return .double(Double(a) / Double(b))
        case .floorDivide:
            guard b != 0 else { throw divisionByZero() }
            guard !(a == .min && b == -1) else { throw overflowError() }
            return .int(floorDivide(a, b))
        case .modulo:
            guard b != 0 else { throw divisionByZero() }
            return .int(b == -1 ? 0 : floorModulo(a, b))
        case .power:
            if b < 0 {
                guard a != 0 else { throw TemplateError(runtime: "0 cannot be raised to a negative power") }
                return .double(pow(Double(a), Double(b)))
            }
            result = integerPower(a, b)
        }
        guard !result.overflow else { throw overflowError() }
        return .int(result.partialValue)
    }

    private static func integerPower(_ base: Int, _ exponent: Int) -> (partialValue: Int, overflow: Bool) {
        var result = 1, factor = base, remaining = exponent
        while remaining > 0 {
            if remaining & 1 == 1 {
                let (product, overflow) = result.multipliedReportingOverflow(by: factor)
                if overflow { return (0, true) }
                result = product
            }
            remaining >>= 1
            if remaining > 0 {
                let (square, overflow) = factor.multipliedReportingOverflow(by: factor)
                if overflow { return (0, true) }
                factor = square
            }
        }
        return (result, false)
    }

    static func isNumber(_ value: TemplateValue) -> Bool {
        switch value {
        case .int, .double, .bool: return true
        default: return false
        }
    }

    private static func unsupported(_ operation: BinaryOperator, _ lhs: TemplateValue, _ rhs: TemplateValue) -> TemplateError {
        TemplateError(runtime: "unsupported operand type(s) for \(operation.rawValue): '\(lhs.typeName)' and '\(rhs.typeName)'")
    }

    private static func divisionByZero() -> TemplateError {
        TemplateError(runtime: "division by zero")
    }

    private static func overflowError() -> TemplateError {
        TemplateError(runtime: "integer overflow (results must fit in 64 bits)")
    }

    private static func tooLarge() -> TemplateError {
        TemplateError(runtime: "repetition result too large (limit \(maximumRepeatedLength) items)")
    }
}
