// TemplateParser: splits template text into text, `{{ }}`, `{# #}` and
// `{% %}` pieces exactly as Tornado's `_parse` does (innermost of three or
// more braces, `{{!`/`{%!`/`{#!` literal escapes, first closing delimiter
// wins) and builds the directive tree. Expressions are parsed here too, so a
// template compiles completely or reports its first syntax error.

struct TemplateParser {
    /// Bounds recursion on hostile input such as ten thousand nested `{% if %}`.
    static let maximumBlockNesting = 100

    let source: SourceText
    var position = 0
    /// Current `{% whitespace %}` mode; like Tornado's reader state it applies
    /// to all text after the directive, whatever the nesting.
    var whitespace: WhitespaceMode
    var autoescape: String?
    var parent: (name: String, offset: Int)?
    var nesting = 0

    /// A parsed directive: `{% operator suffix %}`.
    struct Directive {
        let name: String
        let suffix: Range<Int>
        /// Offset of the opening `{%`.
        let offset: Int
    }

    /// What `parseBody` collects: nodes, and the `else`/`elif`/`except`/
    /// `finally` markers that split a block into clauses.
    enum Chunk {
        case node(TemplateNode)
        case clause(Directive)
    }

    /// Parses a whole file.
    static func parse(_ source: SourceText, whitespace: WhitespaceMode, autoescape: String?) throws(TemplateError) -> ParsedTemplate {
        var parser = TemplateParser(source: source, whitespace: whitespace, autoescape: autoescape)
        let chunks = try parser.parseBody(opener: nil, inLoop: false)
        let nodes = chunks.compactMap { chunk -> TemplateNode? in
            if case .node(let node) = chunk { return node }
            return nil
        }
        return ParsedTemplate(source: source, nodes: nodes, autoescape: parser.autoescape, parent: parser.parent)
    }

    init(source: SourceText, whitespace: WhitespaceMode, autoescape: String?) {
        self.source = source
        self.whitespace = whitespace
        self.autoescape = autoescape
    }

    /// Parses until the `{% end %}` matching `opener` (or the end of the file
    /// at top level).
    mutating func parseBody(opener: Directive?, inLoop: Bool) throws(TemplateError) -> [Chunk] {
        var chunks: [Chunk] = []
        let bytes = source.bytes
        while true {
            guard let start = nextTagStart() else {
                if let opener {
                    throw source.syntaxError("missing {% end %} for this {% \(opener.name) %} block", at: opener.offset)
                }
                appendText(position..<bytes.count, to: &chunks)
                position = bytes.count
                return chunks
            }
            appendText(position..<start, to: &chunks)
            let kind = bytes[start + 1]
            position = start + 2
            if position < bytes.count, bytes[position] == UInt8(ascii: "!") {
                position += 1
                appendText(start..<(start + 2), to: &chunks)
                continue
            }
            switch kind {
            case UInt8(ascii: "#"):
                _ = try consumeContents(until: "#}", openedAt: start, missing: "missing '#}' to close the comment")
            case UInt8(ascii: "{"):
                let contents = try consumeContents(until: "}}", openedAt: start, missing: "missing '}}' to close the expression")
                guard !contents.isEmpty else { throw source.syntaxError("empty expression {{ }}", at: start) }
                var parser = try ExpressionParser(source: source, range: contents)
                chunks.append(.node(.output(try parser.parseComplete(), raw: false, offset: start)))
            default:
                let contents = try consumeContents(until: "%}", openedAt: start, missing: "missing '%}' to close the directive")
                guard !contents.isEmpty else { throw source.syntaxError("empty directive {% %}", at: start) }
                let directive = splitDirective(contents, at: start)
                if directive.name == "end" {
                    guard opener != nil else { throw source.syntaxError("{% end %} without an open block", at: start) }
                    try requireEmptySuffix(directive)
                    return chunks
                }
                if let chunk = try parseDirective(directive, opener: opener, inLoop: inLoop) { chunks.append(chunk) }
            }
        }
    }

    /// Offset of the next `{{`, `{%` or `{#` (the innermost of a run of
    /// braces), following Tornado's scan; `nil` at end of input.
    private func nextTagStart() -> Int? {
        let bytes = source.bytes
        var curly = position
        while true {
            guard let found = bytes[curly...].firstIndex(of: UInt8(ascii: "{")), found + 1 < bytes.count else { return nil }
            let next = bytes[found + 1]
            guard next == UInt8(ascii: "{") || next == UInt8(ascii: "%") || next == UInt8(ascii: "#") else {
                curly = found + 1
                continue
            }
            if found + 2 < bytes.count, next == UInt8(ascii: "{"), bytes[found + 2] == UInt8(ascii: "{") {
                curly = found + 1
                continue
            }
            return found
        }
    }

    /// Consumes through `terminator`; returns the stripped inner range.
    private mutating func consumeContents(until terminator: StaticString, openedAt start: Int,
                                          missing: String) throws(TemplateError) -> Range<Int> {
        let bytes = source.bytes
        let first = terminator.utf8Start[0], second = terminator.utf8Start[1]
        var end = position
        while end + 1 < bytes.count, !(bytes[end] == first && bytes[end + 1] == second) { end += 1 }
        guard end + 1 < bytes.count else { throw source.syntaxError(missing, at: start) }
        var lower = position, upper = end
        while lower < upper, isASCIIWhitespace(bytes[lower]) { lower += 1 }
        while upper > lower, isASCIIWhitespace(bytes[upper - 1]) { upper -= 1 }
        position = end + 2
        return lower..<upper
    }

    private func splitDirective(_ contents: Range<Int>, at offset: Int) -> Directive {
        let bytes = source.bytes
        var nameEnd = contents.lowerBound
        while nameEnd < contents.upperBound, !isASCIIWhitespace(bytes[nameEnd]) { nameEnd += 1 }
        var suffixStart = nameEnd
        while suffixStart < contents.upperBound, isASCIIWhitespace(bytes[suffixStart]) { suffixStart += 1 }
        return Directive(name: source.text(contents.lowerBound..<nameEnd), suffix: suffixStart..<contents.upperBound, offset: offset)
    }

    private mutating func appendText(_ range: Range<Int>, to chunks: inout [Chunk]) {
        guard !range.isEmpty else { return }
        let text = whitespace.filter(Array(source.bytes[range]))
        if !text.isEmpty { chunks.append(.node(.text(text))) }
    }

    func requireEmptySuffix(_ directive: Directive) throws(TemplateError) {
        guard directive.suffix.isEmpty else {
            throw source.syntaxError("unexpected text after {% \(directive.name) %}", at: directive.suffix.lowerBound)
        }
    }

    func isASCIIWhitespace(_ byte: UInt8) -> Bool {
        byte == 0x20 || (byte >= 0x09 && byte <= 0x0D)
    }
}
