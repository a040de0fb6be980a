// Rebuilding a URL from a pattern and arguments (Tornado's `URLSpec.reverse` and
// `_find_groups`): `/user/([0-9]+)/posts/([a-z-]+)` becomes `/user/%s/posts/%s`.

/// The literal pieces of a pattern with a slot for each capturing group.
struct ReverseTemplate: Sendable {
    enum Piece: Equatable, Sendable {
        case text(String)
        case argument
    }

    let pieces: [Piece]
    let argumentCount: Int

    /// Builds the template from an anchor-stripped pattern body, or returns nil when the
    /// pattern is too complex: anything outside a group other than literal characters,
    /// groups inside groups, non-capturing groups, or a quantified group. (Tornado would
    /// produce a wrong URL for some of these; refusing is safer.)
    init?(_ body: ArraySlice<PatternToken>) {
        var pieces: [Piece] = []
        var text = ""
        var index = body.startIndex
        while index < body.endIndex {
            switch body[index] {
            case .literal(let scalar):
                text.unicodeScalars.append(scalar)
            case .groupOpen(.capturing):
                guard let close = body[(index + 1)...].firstIndex(where: { $0 == .groupClose || Self.isGroupOpen($0) }),
                      body[close] == .groupClose
                else { return nil }
                if close + 1 < body.endIndex, case .quantifier = body[close + 1] { return nil }
                if !text.isEmpty { pieces.append(.text(text)) }
                text = ""
                pieces.append(.argument)
                index = close
            default:
                return nil
            }
            index += 1
        }
        if !text.isEmpty { pieces.append(.text(text)) }
        self.pieces = pieces
        self.argumentCount = pieces.filter { $0 == .argument }.count
    }

    private static func isGroupOpen(_ token: PatternToken) -> Bool {
        if case .groupOpen = token { return true }
        return false
    }

    /// The URL with each argument percent-escaped (`PathArgument.escape`); the caller has
    /// checked that `arguments.count == argumentCount`.
    func build(_ arguments: [String]) -> String {
        var url = ""
        var next = arguments.makeIterator()
        for piece in pieces {
            switch piece {
            case .text(let text): url += text
            case .argument: url += PathArgument.escape(next.next() ?? "")
            }
        }
        return url
    }
}
