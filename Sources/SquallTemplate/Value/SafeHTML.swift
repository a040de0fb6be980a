// SafeHTML: text that is already valid, escaped HTML.
//
// Tornado relies on `{% raw %}` to avoid double escaping; Squall additionally
// lets functions return `SafeHTML` (as `xhtml_escape`, `linkify` and UI modules
// do), so `{{ linkify(text) }}` does the right thing instead of escaping tags.

/// A string of HTML that must not be escaped again by `{{ }}`.
///
/// Only wrap text you produced or escaped yourself: its content reaches the
/// page verbatim.
public struct SafeHTML: Sendable, Hashable, CustomStringConvertible {
    /// The HTML markup, written verbatim.
    public let html: String

    /// Wraps markup that is already safe to embed in a page.
    public init(_ html: String) {
        self.html = html
    }

    /// Escapes `text` with `xhtmlEscape` and marks the result safe.
    public init(escaping text: String) {
        self.html = xhtmlEscape(text)
    }

    /// The markup itself.
    public var description: String { html }
}

extension SafeHTML: Codable {
    /// Decodes the markup from a single string.
    public init(from decoder: any Decoder) throws {
        html = try decoder.singleValueContainer().decode(String.self)
    }

    /// Encodes the markup as a single string (templates still see it as safe:
    /// `TemplateValueEncoder` keeps `SafeHTML` members as `.safe`).
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(html)
    }
}
