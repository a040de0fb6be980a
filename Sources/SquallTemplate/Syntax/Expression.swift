// The syntax tree of template expressions: a Python subset parsed once, at
// compile time, by `ExpressionParser`.

/// An expression with the byte offset it starts at (for error positions).
struct Expression: Sendable {
    indirect enum Kind: Sendable {
        case literal(TemplateValue)
        case name(String)
        case attribute(Expression, String)
        case subscripted(Expression, Expression)
        case slice(Expression, lower: Expression?, upper: Expression?, step: Expression?)
        case call(Expression, [Argument])
        case unary(UnaryOperator, Expression)
        case binary(BinaryOperator, Expression, Expression)
        case and(Expression, Expression)
        case or(Expression, Expression)
        /// `a < b <= c`: Python's chained comparison.
        case comparison(Expression, [(ComparisonOperator, Expression)])
        case conditional(test: Expression, then: Expression, otherwise: Expression)
        case list([Expression])
        case tuple([Expression])
        case dict([(Expression, Expression)])
        /// `[element for target in iterable if condition…]`; a generator
        /// expression is evaluated eagerly into a list.
        case comprehension(element: Expression, target: AssignmentTarget, iterable: Expression, conditions: [Expression])
    }

    /// One argument in a call.
    enum Argument: Sendable {
        case positional(Expression)
        case keyword(String, Expression)
        /// `*sequence`
        case unpackedSequence(Expression)
        /// `**mapping`
        case unpackedMapping(Expression)
    }

    let kind: Kind
    let offset: Int
}

/// `not x`, `-x`, `+x`.
enum UnaryOperator: Sendable {
    case not, negate, plus
}

/// Arithmetic operators, with their Python spelling for messages.
enum BinaryOperator: String, Sendable {
    case add = "+"
    case subtract = "-"
    case multiply = "*"
    case divide = "/"
    case floorDivide = "//"
    case modulo = "%"
    case power = "**"
}

/// Comparison operators.
enum ComparisonOperator: String, Sendable {
    case equal = "=="
    case notEqual = "!="
    case less = "<"
    case lessOrEqual = "<="
    case greater = ">"
    case greaterOrEqual = ">="
    case contains = "in"
    case notContains = "not in"
    case identical = "is"
    case notIdentical = "is not"
}

/// The left side of `for … in` and `{% set … = %}`: a name or a (nested)
/// tuple of names.
indirect enum AssignmentTarget: Sendable {
    case name(String, offset: Int)
    case tuple([AssignmentTarget], offset: Int)
}
