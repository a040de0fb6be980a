// Translation of Python `re` tokens to the ICU syntax NSRegularExpression speaks. The two
// dialects mostly agree; the differences that matter for URL patterns are handled here.

/// Python-to-ICU regular expression translation.
enum ICUPattern {
    /// ICU text for `tokens`. Named groups become plain groups (ICU names cannot contain
    /// `_`; the router tracks names itself), `(?P=name)` becomes a numbered reference,
    /// `\Z` becomes `\z`, and `[`/`&` inside sets are escaped because ICU would read
    /// them as nested sets and set intersection.
    static func translate(_ tokens: [PatternToken]) -> String {
        var out = ""
        for token in tokens {
            switch token {
            case .literal(let scalar):
                if scalar.isASCII, "\\^$.|?*+()[]{}".unicodeScalars.contains(scalar) { out += "\\" }
                out.unicodeScalars.append(scalar)
            case .escape(let raw): out += raw == "\\Z" ? "\\z" : raw
            case .characterClass(let raw): out += translateSet(raw)
            case .anyCharacter: out += "."
            case .startAnchor: out += "^"
            case .endAnchor: out += "$"
            case .alternation: out += "|"
            case .quantifier(let text): out += text
            case .groupOpen(.capturing): out += "("
            case .groupOpen(.other(let opener)): out += opener
            case .groupClose: out += ")"
            case .inlineFlags(let flags): out += flags
            case .backreference(let number): out += "(?:\\" + String(number) + ")"
            }
        }
        return out
    }

    /// A Python set in ICU form. A `]` first in the set is a member in Python but may not be
    /// in ICU, so it is escaped along with `[` and `&`.
    private static func translateSet(_ raw: String) -> String {
        var out = ""
        var escaped = false
        let scalars = Array(raw.unicodeScalars)
        let firstMember = scalars.count > 1 && scalars[1] == "^" ? 2 : 1
        for (offset, scalar) in scalars.enumerated() {
            let special = scalar == "[" || scalar == "&" || (scalar == "]" && offset == firstMember)
            if !escaped, offset > 0, special { out += "\\" }
            out.unicodeScalars.append(scalar)
            escaped = !escaped && scalar == "\\"
        }
        return out
    }

    /// A reason for a compile failure. ICU's own error says only "The value is invalid",
    /// so ask Swift's regex parser, which explains itself for the common mistakes.
    static func explainFailure(of source: String) -> String {
        do {
            _ = try Regex(source)
        } catch {
            return String(describing: error)
        }
        return "not a valid regular expression"
    }
}
