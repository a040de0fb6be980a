// One compiled URL pattern. Tornado anchors patterns at both ends; Squall decides at
// construction how each pattern is matched: plain strings by direct comparison, anything
// else by its literal prefix first, then a byte matcher or the regular-expression engine.

import Foundation

/// A non-literal pattern in executable form.
struct CompiledRegex: Sendable {
    /// The ICU translation, anchored at both ends; always valid, used for non-ASCII paths
    /// and for patterns beyond `bytePattern`'s subset.
    let regex: NSRegularExpression
    /// UTF-8 that every matching path starts with (possibly empty).
    let prefix: [UInt8]
    /// The same pattern as a byte matcher, when the pattern is simple enough.
    let bytePattern: BytePattern?
}

/// A URL pattern analysed once: its groups, how to match it, and how to reverse it.
struct RoutePattern: Sendable {
    /// How a path is tested against the pattern.
    enum Matcher: Sendable {
        /// The pattern is a plain string (after unescaping `\.` etc.); compare exactly.
        case literal(String)
        /// A regular expression (see `CompiledRegex`).
        case regex(CompiledRegex)
    }

    /// The pattern as the user wrote it.
    let source: String
    /// One entry per capturing group, in order; nil for a positional group.
    let groupNames: [String?]
    let matcher: Matcher
    /// How to rebuild a URL from arguments; nil when the pattern is too complex.
    let reverseTemplate: ReverseTemplate?

    /// True when the groups are named (then matches yield keyword arguments only).
    var usesNamedGroups: Bool { groupNames.first.map { $0 != nil } ?? false }

    /// Analyses and compiles `source`.
    /// - Throws: `RouteError` `.invalidPattern` (bad or unsupported syntax, with the reason)
    ///   or `.mixedGroups` (named and positional groups together).
    init(_ source: String) throws(RouteError) {
        let scanned = try PatternScanner.scan(source)
        let named = scanned.groupNames.filter { $0 != nil }.count
        guard named == 0 || named == scanned.groupNames.count else {
            throw RouteError(code: .mixedGroups, pattern: source, name: nil,
                             message: "URL pattern '\(source)' mixes named and positional groups; "
                                 + "use all named or all positional")
        }
        self.source = source
        self.groupNames = scanned.groupNames
        let body = Self.stripAnchors(scanned.tokens)
        reverseTemplate = ReverseTemplate(body)
        if let literal = Self.literalText(body) {
            matcher = .literal(literal)
        } else {
            let regex = try Self.compile(source, scanned)
            matcher = .regex(CompiledRegex(regex: regex, prefix: Self.literalPrefix(body),
                                           bytePattern: BytePattern(body)))
        }
    }

    /// Drops one leading `^` and one trailing `$`: they are implied by whole-path matching.
    private static func stripAnchors(_ tokens: [PatternToken]) -> ArraySlice<PatternToken> {
        var body = tokens[...]
        if body.first == .startAnchor { body = body.dropFirst() }
        if body.last == .endAnchor { body = body.dropLast() }
        return body
    }

    /// The plain string a pattern stands for when every token is a literal.
    private static func literalText(_ body: ArraySlice<PatternToken>) -> String? {
        var text = ""
        for token in body {
            guard case .literal(let scalar) = token else { return nil }
            text.unicodeScalars.append(scalar)
        }
        return text
    }

    /// UTF-8 of the leading literals every match must start with. Empty when a top-level
    /// `|` could start the match elsewhere; a literal made optional or repeatable by a
    /// following quantifier is excluded.
    private static func literalPrefix(_ body: ArraySlice<PatternToken>) -> [UInt8] {
        var depth = 0
        for token in body {
            switch token {
            case .groupOpen: depth += 1
            case .groupClose: depth -= 1
            case .alternation where depth == 0: return []
            default: continue
            }
        }
        var prefix: [Unicode.Scalar] = []
        for token in body {
            if case .literal(let scalar) = token {
                prefix.append(scalar)
                continue
            }
            if case .quantifier = token, !prefix.isEmpty { prefix.removeLast() }
            break
        }
        var text = ""
        text.unicodeScalars.append(contentsOf: prefix)
        return Array(text.utf8)
    }

    /// Compiles the ICU translation anchored at both ends, double-checking the group count.
    private static func compile(_ source: String, _ scanned: ScannedPattern) throws(RouteError) -> NSRegularExpression {
        let translated = "\\A(?:" + ICUPattern.translate(scanned.tokens) + ")\\z"
        let regex: NSRegularExpression
        do {
            regex = try NSRegularExpression(pattern: translated)
        } catch {
            throw .invalidPattern(source, ICUPattern.explainFailure(of: source))
        }
        guard regex.numberOfCaptureGroups == scanned.groupNames.count else {
            throw .invalidPattern(source, "unsupported group syntax")
        }
        return regex
    }
}
