// A small backtracking matcher for the URL patterns most applications use (literals,
// character sets, `.`, `\d`-style shorthands, quantifiers, plain and optional groups) on
// ASCII paths. It explores alternatives in the same order as Python's `re` and ICU, so it
// captures the same groups, but runs on bytes without bridging to NSString, and it
// remembers failed states so no pattern can take exponential time.

/// A compiled simple pattern; nil from `init` means "use the regex engine".
struct BytePattern: Sendable {
    /// Plain data (no references), so walking nodes costs no reference counting.
    enum Node: Sendable {
        /// The `count` bytes of `literals` starting at `start`.
        case literal(start: Int, count: Int)
        /// Between `min` and `max` bytes from `set`; `greedy` tries the longest run first.
        case run(ByteSet, min: Int, max: Int, greedy: Bool)
        case groupStart(Int)
        case groupEnd(Int)
        /// An optional group starts at the next node; skipping it resumes at node `skip`.
        case optionalGroup(skip: Int, greedy: Bool)
    }

    let nodes: [Node]
    /// Bytes of all `.literal` nodes, back to back.
    let literals: [UInt8]
    let groupCount: Int

    /// Compiles an anchor-stripped token list, or returns nil if it uses anything beyond the
    /// supported subset (alternation, nested or quantified groups, lookaround, flags,
    /// backreferences, anchors inside, non-ASCII literals…).
    init?(_ body: ArraySlice<PatternToken>) {
        var nodes: [Node] = []
        var groupCount = 0
        var openGroup: (index: Int, node: Int)?
        var tokens = body
        while let token = tokens.popFirst() {
            var quantifier: (min: Int, max: Int, greedy: Bool)?
            if case .quantifier(let text) = tokens.first {
                guard let parsed = Self.parseQuantifier(text) else { return nil }
                quantifier = parsed
                tokens = tokens.dropFirst()
            }
            switch token {
            case .groupOpen(.capturing):
                guard openGroup == nil, quantifier == nil else { return nil }
                openGroup = (groupCount, nodes.count)
                nodes.append(.groupStart(groupCount))
                groupCount += 1
            case .groupClose:
                guard let group = openGroup else { return nil }
                openGroup = nil
                nodes.append(.groupEnd(group.index))
                guard let quantifier else { continue }
                guard quantifier.min == 0, quantifier.max == 1 else { return nil }
                nodes.insert(.optionalGroup(skip: nodes.count + 1, greedy: quantifier.greedy), at: group.node)
            default:
                guard let set = Self.byteSet(for: token) else { return nil }
                let (min, max, greedy) = quantifier ?? (1, 1, true)
                nodes.append(.run(set, min: min, max: max, greedy: greedy))
            }
        }
        guard openGroup == nil else { return nil }
        (self.nodes, self.literals) = Self.mergingLiterals(nodes)
        self.groupCount = groupCount
    }

    private static func byteSet(for token: PatternToken) -> ByteSet? {
        switch token {
        case .literal(let scalar): scalar.isASCII ? ByteSet.single(UInt8(scalar.value)) : nil
        case .anyCharacter: ByteSet.anyExceptNewline
        case .characterClass(let raw): ByteSet.parse(characterClass: raw)
        case .escape(let raw) where raw.unicodeScalars.count == 2: raw.unicodeScalars.last.flatMap(ByteSet.shorthand)
        default: nil
        }
    }

    /// `*`, `+`, `?`, `{m}`, `{m,}`, `{m,n}`, each optionally lazy; possessive is unsupported.
    private static func parseQuantifier(_ text: String) -> (min: Int, max: Int, greedy: Bool)? {
        var body = Substring(text)
        let greedy = !body.hasSuffix("?") || body == "?"
        if !greedy { body = body.dropLast() }
        switch body {
        case "*": return (0, Int.max, greedy)
        case "+": return (1, Int.max, greedy)
        case "?": return (0, 1, greedy)
        default:
            guard body.hasPrefix("{"), body.hasSuffix("}") else { return nil }
            let bounds = body.dropFirst().dropLast().split(separator: ",", omittingEmptySubsequences: false)
            guard let min = Int(bounds[0]) else { return nil }
            if bounds.count == 1 { return (min, min, greedy) }
            if bounds[1].isEmpty { return (min, Int.max, greedy) }
            guard let max = Int(bounds[1]), min <= max else { return nil }
            return (min, max, greedy)
        }
    }

    /// Turns runs of single, unquantified bytes into `.literal` nodes over a shared byte pool,
    /// renumbering `skip` targets to match.
    private static func mergingLiterals(_ nodes: [Node]) -> ([Node], [UInt8]) {
        var merged: [Node] = []
        var literals: [UInt8] = []
        var newIndex: [Int] = []
        for node in nodes {
            if case .run(let set, 1, 1, _) = node, let byte = set.onlyMember {
                if case .literal(let start, let count) = merged.last {
                    literals.append(byte)
                    merged[merged.count - 1] = .literal(start: start, count: count + 1)
                    newIndex.append(merged.count - 1)
                    continue
                }
                literals.append(byte)
                merged.append(.literal(start: literals.count - 1, count: 1))
            } else {
                merged.append(node)
            }
            newIndex.append(merged.count - 1)
        }
        newIndex.append(merged.count)
        let renumbered = merged.map { node in
            if case .optionalGroup(let skip, let greedy) = node { return Node.optionalGroup(skip: newIndex[skip], greedy: greedy) }
            return node
        }
        return (renumbered, literals)
    }
}
