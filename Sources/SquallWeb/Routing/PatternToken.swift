// The vocabulary of URL patterns: Python `re` syntax broken into the units the router
// reasons about (literals it can compare directly, groups it captures, and everything
// else it hands to the regular-expression engine).

/// One syntactic unit of a Python `re` pattern.
enum PatternToken: Equatable, Sendable {
    /// Matches exactly this scalar (a plain character or an escaped punctuation mark).
    case literal(Unicode.Scalar)
    /// A backslash sequence with special meaning, as written (`\d`, `\x41`, `\1`, `\Z`).
    case escape(String)
    /// A bracketed set, as written (`[^/]`, `[a-z-]`).
    case characterClass(String)
    /// `.`
    case anyCharacter
    /// `^`
    case startAnchor
    /// `$`
    case endAnchor
    /// `|`
    case alternation
    /// A repetition operator with any lazy/possessive suffix, normalised (`*`, `+?`, `{0,3}`).
    case quantifier(String)
    /// `(` of some kind.
    case groupOpen(GroupKind)
    /// `)`
    case groupClose
    /// A flag setting that is not a group, e.g. `(?i)`.
    case inlineFlags(String)
    /// `(?P=name)`, resolved to the referenced group's number.
    case backreference(Int)
}

/// What an opening parenthesis starts.
enum GroupKind: Equatable, Sendable {
    /// A capturing group, named (`(?P<id>…)` or `(?<id>…)`) or positional.
    case capturing(name: String?)
    /// Any other group, by its opener as written: `(?:`, `(?=`, `(?!`, `(?<=`, `(?<!`, `(?>`, `(?i:`.
    case other(String)
}
