// Comparisons with Python's semantics: `==` across numeric kinds, ordering of
// numbers, strings, dates and sequences (lexicographic), membership with
// `in`, and `is` (meant for `is None`; value kinds compare by kind and value
// because Swift values have no identity).

enum Comparison {
    static func evaluate(_ operation: ComparisonOperator, _ lhs: TemplateValue, _ rhs: TemplateValue) throws(TemplateError) -> Bool {
        switch operation {
        case .equal: return lhs == rhs
        case .notEqual: return lhs != rhs
        case .less: return try less(lhs, rhs, operation)
        case .greater: return try less(rhs, lhs, operation)
        case .lessOrEqual: return try less(lhs, rhs, operation) || lhs == rhs
        case .greaterOrEqual: return try less(rhs, lhs, operation) || lhs == rhs
        case .contains: return try contains(rhs, lhs)
        case .notContains: return try !contains(rhs, lhs)
        case .identical: return identical(lhs, rhs)
        case .notIdentical: return !identical(lhs, rhs)
        }
    }

    /// Python `<`, throwing for kinds that have no order between them.
    static func less(_ lhs: TemplateValue, _ rhs: TemplateValue, _ operation: ComparisonOperator = .less) throws(TemplateError) -> Bool {
        switch (lhs, rhs) {
        case (.date(let a), .date(let b)):
            return a < b
        case (.list(let a), .list(let b)), (.tuple(let a), .tuple(let b)):
            for (x, y) in zip(a, b) where x != y {
                return try less(x, y, operation)
            }
            return a.count < b.count
        default:
            if let a = lhs.stringValue, let b = rhs.stringValue { return a < b }
            if let a = lhs.intValue, let b = rhs.intValue { return a < b }
            if Arithmetic.isNumber(lhs), Arithmetic.isNumber(rhs), let a = lhs.doubleValue, let b = rhs.doubleValue {
                return a < b
            }
            throw TemplateError(runtime: "'\(operation.rawValue)' not supported between instances of '\(lhs.typeName)' and '\(rhs.typeName)'")
        }
    }

    /// Python `item in container`.
    static func contains(_ container: TemplateValue, _ item: TemplateValue) throws(TemplateError) -> Bool {
        switch container {
        case .list(let items), .tuple(let items):
            return items.contains(item)
        case .dict(let dictionary):
            return dictionary[item] != nil
        case .object(let object):
            return try runForeign("\(object.templateTypeName)[\(item.repr)]") { try object.templateSubscript(item) } != nil
        default:
            guard let text = container.stringValue else {
                throw TemplateError(runtime: "argument of type '\(container.typeName)' is not iterable")
            }
            guard let needle = item.stringValue else {
                throw TemplateError(runtime: "'in <string>' requires string as left operand, not \(item.typeName)")
            }
            return needle.isEmpty || text.contains(needle)
        }
    }

    /// Python `is`, for the kinds that matter in templates.
    static func identical(_ lhs: TemplateValue, _ rhs: TemplateValue) -> Bool {
        switch (lhs, rhs) {
        case (.none, .none): return true
        case (.bool(let a), .bool(let b)): return a == b
        case (.int(let a), .int(let b)): return a == b
        case (.string(let a), .string(let b)): return a == b
        case (.function(let a), .function(let b)): return a === b
        case (.object(let a), .object(let b)): return a === b
        default: return false
        }
    }
}
