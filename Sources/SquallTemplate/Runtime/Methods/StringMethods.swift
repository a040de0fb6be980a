// String methods with Python's behaviour: `join`, `upper`, `lower`, `strip`
// (optionally with characters), `startswith`/`endswith` (also with a tuple),
// `replace`, `split`/`splitlines`, `format`, `capitalize`, `title`, `count`,
// `find`, `is…` tests and padding. Indices count Unicode scalars like
// Python's code points.

enum StringMethods {
    static func call(_ text: String, _ name: String, _ arguments: TemplateArguments) throws(TemplateError) -> TemplateValue {
        switch name {
        case "format":
            return .string(try StringFormat(text).apply(arguments))
        case "join":
            let values = try Methods.bind(arguments, "join", ["iterable"], required: 1)
            return .string(try join(text, Iteration.items(of: values[0] ?? .none)))
        case "strip", "lstrip", "rstrip":
            let values = try Methods.bind(arguments, name, ["chars"], required: 0)
            return .string(try strip(text, values[0], leading: name != "rstrip", trailing: name != "lstrip"))
        case "startswith", "endswith":
            let values = try Methods.bind(arguments, name, ["prefix"], required: 1)
            let candidates: [TemplateValue]
            if case .tuple(let items) = values[0] { candidates = items } else { candidates = [values[0] ?? .none] }
            for candidate in candidates {
                let affix = try Methods.string(candidate, name)
                if name == "startswith" ? text.unicodeScalars.starts(with: affix.unicodeScalars)
                    : text.unicodeScalars.reversed().starts(with: affix.unicodeScalars.reversed()) {
                    return .bool(true)
                }
            }
            return .bool(false)
        case "replace":
            let values = try Methods.bind(arguments, "replace", ["old", "new", "count"], required: 2)
            return .string(try replace(text, try Methods.string(values[0], "replace"), try Methods.string(values[1], "replace"),
                                       limit: try Methods.int(values[2], "replace", default: -1)))
        case "split":
            let values = try Methods.bind(arguments, "split", ["sep", "maxsplit"], required: 0)
            let limit = try Methods.int(values[1], "split", default: -1)
            if let separator = values[0], !separator.isNone {
                let pieces = try split(text, separator: try Methods.string(separator, "split"), limit: limit)
                return .list(pieces.map(TemplateValue.string))
            }
            return .list(splitOnWhitespace(text, limit: limit).map(TemplateValue.string))
        case "splitlines":
            _ = try Methods.bind(arguments, name, [], required: 0)
            return .list(text.split(omittingEmptySubsequences: false) { $0.isNewline }.map { .string(String($0)) }
                .dropLast(text.last?.isNewline == true || text.isEmpty ? 1 : 0))
        case "count", "find":
            let values = try Methods.bind(arguments, name, ["sub"], required: 1)
            let needle = Array(try Methods.string(values[0], name).unicodeScalars)
            let positions = occurrences(of: needle, in: Array(text.unicodeScalars), first: name == "find")
            return .int(name == "count" ? positions.count : positions.first ?? -1)
        case "ljust", "rjust", "center", "zfill":
            return .string(try pad(text, name, arguments))
        default:
            _ = try Methods.bind(arguments, name, [], required: 0)
            return transform(text, name)
        }
    }

    /// The argument-less methods.
    private static func transform(_ text: String, _ name: String) -> TemplateValue {
        let scalars = text.unicodeScalars
        switch name {
        case "upper": return .string(text.uppercased())
        case "lower": return .string(text.lowercased())
        case "capitalize": return .string(text.prefix(1).uppercased() + text.dropFirst().lowercased())
        case "title":
            var result = ""
            var previousIsLetter = false
            for character in text {
                result += previousIsLetter ? character.lowercased() : character.uppercased()
                previousIsLetter = character.isLetter
            }
            return .string(result)
        case "isdigit": return .bool(!scalars.isEmpty && scalars.allSatisfy { $0.properties.numericType == .decimal || $0.properties.numericType == .digit })
        case "isalpha": return .bool(!scalars.isEmpty && scalars.allSatisfy { $0.properties.isAlphabetic })
        case "isalnum": return .bool(!scalars.isEmpty && scalars.allSatisfy { $0.properties.isAlphabetic || $0.properties.numericType != nil })
        default: return .bool(!scalars.isEmpty && scalars.allSatisfy(\.isPythonWhitespace))
        }
    }

    private static func join(_ separator: String, _ items: [TemplateValue]) throws(TemplateError) -> String {
        var parts: [String] = []
        parts.reserveCapacity(items.count)
        for (position, item) in items.enumerated() {
            guard let text = item.stringValue else {
                throw TemplateError(runtime: "sequence item \(position): expected str instance, \(item.typeName) found")
            }
            parts.append(text)
        }
        return parts.joined(separator: separator)
    }

    private static func strip(_ text: String, _ characters: TemplateValue?, leading: Bool, trailing: Bool) throws(TemplateError) -> String {
        guard let characters, !characters.isNone else { return String(pythonStrip(Substring(text), leading: leading, trailing: trailing)) }
        let set = Set(try Methods.string(characters, "strip").unicodeScalars)
        var scalars = text.unicodeScalars[...]
        if leading { while let first = scalars.first, set.contains(first) { scalars.removeFirst() } }
        if trailing { while let last = scalars.last, set.contains(last) { scalars.removeLast() } }
        return String(String.UnicodeScalarView(scalars))
    }

    private static func replace(_ text: String, _ old: String, _ new: String, limit: Int) throws(TemplateError) -> String {
        let source = Array(text.unicodeScalars), needle = Array(old.unicodeScalars)
        // Refuse results that would exhaust memory (an empty `old` matches
        // between every pair of characters).
        let matches = needle.isEmpty ? source.count + 1 : source.count / needle.count
        let (growth, overflow) = matches.multipliedReportingOverflow(by: new.unicodeScalars.count)
        guard !overflow, growth <= Arithmetic.maximumRepeatedLength else {
            throw TemplateError(runtime: "replace() result too large (limit \(Arithmetic.maximumRepeatedLength) characters)")
        }
        var result = String.UnicodeScalarView()
        var position = 0, replaced = 0
        while position <= source.count {
            let canReplace = limit < 0 || replaced < limit
            if canReplace, position + needle.count <= source.count, source[position..<(position + needle.count)].elementsEqual(needle) {
                result.append(contentsOf: new.unicodeScalars)
                replaced += 1
                if needle.isEmpty {
                    if position < source.count { result.append(source[position]) }
                    position += 1
                } else {
                    position += needle.count
                }
            } else {
                if position < source.count { result.append(source[position]) }
                position += 1
            }
        }
        return String(result)
    }

    private static func split(_ text: String, separator: String, limit: Int) throws(TemplateError) -> [String] {
        guard !separator.isEmpty else { throw TemplateError(runtime: "empty separator") }
        let source = Array(text.unicodeScalars), needle = Array(separator.unicodeScalars)
        var pieces: [String] = []
        var start = 0, position = 0
        while position + needle.count <= source.count, limit < 0 || pieces.count < limit {
            if source[position..<(position + needle.count)].elementsEqual(needle) {
                pieces.append(String(String.UnicodeScalarView(source[start..<position])))
                position += needle.count
                start = position
            } else {
                position += 1
            }
        }
        pieces.append(String(String.UnicodeScalarView(source[start...])))
        return pieces
    }

    private static func splitOnWhitespace(_ text: String, limit: Int) -> [String] {
        var pieces: [String] = []
        var rest = pythonStrip(Substring(text), trailing: false).unicodeScalars[...]
        while !rest.isEmpty {
            if limit >= 0, pieces.count == limit {
                pieces.append(String(pythonStrip(Substring(rest), leading: false)))
                break
            }
            let end = rest.firstIndex(where: \.isPythonWhitespace) ?? rest.endIndex
            pieces.append(String(String.UnicodeScalarView(rest[..<end])))
            rest = rest[end...]
            while let first = rest.first, first.isPythonWhitespace { rest.removeFirst() }
        }
        return pieces
    }

    /// Start positions of non-overlapping occurrences (just the first if `first`).
    private static func occurrences(of needle: [Unicode.Scalar], in source: [Unicode.Scalar], first: Bool) -> [Int] {
        var positions: [Int] = []
        var position = 0
        while position + needle.count <= source.count {
            if source[position..<(position + needle.count)].elementsEqual(needle) {
                positions.append(position)
                if first { break }
                position += max(needle.count, 1)
            } else {
                position += 1
            }
        }
        return positions
    }

    private static func pad(_ text: String, _ name: String, _ arguments: TemplateArguments) throws(TemplateError) -> String {
        let values = try Methods.bind(arguments, name, name == "zfill" ? ["width"] : ["width", "fillchar"], required: 1)
        let width = try Methods.int(values[0], name, default: 0)
        let fill = try Methods.string(values.count > 1 ? values[1] : nil, name, default: " ")
        guard fill.count == 1, let fillCharacter = fill.first else {
            throw TemplateError(runtime: "\(name)() fill character must be exactly one character long")
        }
        switch name {
        case "ljust": return try NumberFormatting.pad(sign: "", body: text, width: width, fill: fillCharacter, alignment: .left)
        case "rjust": return try NumberFormatting.pad(sign: "", body: text, width: width, fill: fillCharacter, alignment: .right)
        case "center":
            guard width <= NumberFormatting.maximumWidth else { throw TemplateError(runtime: "width too large (limit \(NumberFormatting.maximumWidth))") }
            // Python's str.center puts the odd space on the left when the width is odd.
            let margin = max(0, width - text.count)
            let left = margin / 2 + (margin & width & 1)
            return String(repeating: fillCharacter, count: left) + text + String(repeating: fillCharacter, count: margin - left)
        default:
            let negative = text.hasPrefix("-") || text.hasPrefix("+")
            return try NumberFormatting.pad(sign: negative ? String(text.prefix(1)) : "", body: negative ? String(text.dropFirst()) : text,
                                            width: width, fill: "0", alignment: .afterSign)
        }
    }
}
