// BlogMarkup: a small, safe subset of Markdown for entry bodies (the demo uses the
// `markdown` package). The text is HTML-escaped *first*, so whatever an author
// types — `<script>` included — can only ever come out as text; the markup below
// then adds a fixed set of tags around the escaped text.
//
//   blank line        → new paragraph        # / ## title → <h2> / <h3>
//   lines "- x"       → a bulleted list      **bold**, *italic*, `code`
//   [text](https://…) → a link (http and https only)
import Squall

/// Renders entry text to HTML.
enum BlogMarkup {
    /// The HTML of `text`: paragraphs, headings and lists of escaped inline text.
    static func html(_ text: String) -> String {
        let normalized = text.replacing("\r\n", with: "\n")
        let blocks = normalized.split(separator: "\n\n", omittingEmptySubsequences: true)
        return blocks.compactMap { block($0) }.joined(separator: "\n")
    }

    private static func block(_ block: Substring) -> String? {
        let lines = block.split(separator: "\n").map { $0.trimmingPrefix(while: \.isWhitespace) }
        guard let first = lines.first else { return nil }
        if lines.count == 1, first.hasPrefix("## ") { return "<h3>\(inline(first.dropFirst(3)))</h3>" }
        if lines.count == 1, first.hasPrefix("# ") { return "<h2>\(inline(first.dropFirst(2)))</h2>" }
        if lines.allSatisfy({ $0.hasPrefix("- ") || $0.hasPrefix("* ") }) {
            return "<ul>" + lines.map { "<li>\(inline($0.dropFirst(2)))</li>" }.joined() + "</ul>"
        }
        return "<p>" + lines.map { inline($0) }.joined(separator: "<br>\n") + "</p>"
    }

    /// Escapes `text`, then turns `**…**`, `*…*`, `` `…` `` and links into tags.
    /// Markers without a closing partner stay as typed.
    static func inline(_ text: Substring) -> String {
        markup(Substring(xhtmlEscape(String(text))))
    }

    /// The tags for the markers of `escaped`, which is already HTML-escaped.
    private static func markup(_ escaped: Substring) -> String {
        var output = ""
        var rest = escaped
        while let character = rest.first {
            if rest.hasPrefix("`"), let (inner, after) = enclosed(rest.dropFirst(), by: "`") {
                output += "<code>\(inner)</code>"
                rest = after
            } else if rest.hasPrefix("**"), let (inner, after) = enclosed(rest.dropFirst(2), by: "**") {
                output += "<strong>\(markup(inner))</strong>"
                rest = after
            } else if rest.hasPrefix("*"), let (inner, after) = enclosed(rest.dropFirst(), by: "*") {
                output += "<em>\(markup(inner))</em>"
                rest = after
            } else if rest.hasPrefix("["), let (label, url, after) = link(rest) {
                output += "<a href=\"\(url)\">\(label)</a>"
                rest = after
            } else {
                output.append(character)
                rest = rest.dropFirst()
            }
        }
        return output
    }

    /// The non-empty text before the next `marker` and what follows the marker.
    private static func enclosed(_ text: Substring, by marker: String) -> (Substring, Substring)? {
        guard let end = text.firstRange(of: marker), end.lowerBound > text.startIndex else { return nil }
        return (text[..<end.lowerBound], text[end.upperBound...])
    }

    /// `[label](url)` at the start of `text`, for http(s) URLs only: a
    /// `javascript:` link would run script even though its text is escaped. The
    /// URL is already HTML-escaped (see `inline`), so it cannot leave
    /// the attribute's quotes. The label is plain escaped text.
    private static func link(_ text: Substring) -> (Substring, Substring, Substring)? {
        guard let close = text.firstRange(of: "]("), let end = text[close.upperBound...].firstIndex(of: ")") else {
            return nil
        }
        let label = text[text.index(after: text.startIndex)..<close.lowerBound]
        let url = text[close.upperBound..<end]
        guard !label.isEmpty, url.hasPrefix("https://") || url.hasPrefix("http://"),
              !url.contains(where: \.isWhitespace) else { return nil }
        return (label, url, text[text.index(after: end)...])
    }
}
