// Tokens of the template expression language (a Python subset).

/// One lexical token with the byte offset where it starts in the template.
struct ExpressionToken: Sendable {
    enum Kind: Sendable, Equatable {
        case name(String)
        case int(Int)
        case double(Double)
        case string(String)
        /// Punctuation and operators: `(`, `==`, `//`, `+=`, …
        case symbol(String)
        case end
    }

    let kind: Kind
    let offset: Int

    /// How the token reads in "expected X but found Y" messages.
    var displayText: String {
        switch kind {
        case .name(let name): return "'\(name)'"
        case .int(let value): return "'\(value)'"
        case .double(let value): return "'\(value)'"
        case .string: return "a string"
        case .symbol(let symbol): return "'\(symbol)'"
        case .end: return "end of expression"
        }
    }

    /// Whether this is the given symbol.
    func isSymbol(_ symbol: String) -> Bool {
        kind == .symbol(symbol)
    }

    /// Whether this is the given keyword (keywords lex as names).
    func isKeyword(_ keyword: String) -> Bool {
        kind == .name(keyword)
    }
}
