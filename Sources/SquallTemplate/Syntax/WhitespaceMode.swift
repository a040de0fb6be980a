// WhitespaceMode: Tornado's whitespace handling for template text
// (`{% whitespace %}` and the loader/template option), applied once when a
// template is compiled.

/// How runs of whitespace in template text (outside directives) are written.
public struct WhitespaceMode: Sendable, Hashable, CustomStringConvertible {
    private enum Value: String, Sendable, Hashable {
        case all, single, oneline
    }
    private let value: Value

    /// Keep all whitespace as written.
    public static let all = WhitespaceMode(value: .all)
    /// Collapse runs of spaces and tabs to one space and runs containing a
    /// newline to one newline (Tornado's default for `.html` and `.js`).
    public static let single = WhitespaceMode(value: .single)
    /// Collapse every run of whitespace, newlines included, to one space.
    public static let oneline = WhitespaceMode(value: .oneline)

    /// The mode named `all`, `single` or `oneline`; `nil` for other names.
    public init?(name: String) {
        guard let value = Value(rawValue: name) else { return nil }
        self.value = value
    }

    private init(value: Value) {
        self.value = value
    }

    /// The mode's name.
    public var description: String { value.rawValue }

    /// Tornado's default for a template name: `single` for `.html` and `.js`
    /// files, `all` for everything else.
    static func defaultMode(forTemplateNamed name: String) -> WhitespaceMode {
        name.hasSuffix(".html") || name.hasSuffix(".js") ? .single : .all
    }

    /// Applies the mode to a text chunk. Chunks containing `<pre>` are left
    /// alone, like Tornado's heuristic for preformatted text.
    func filter(_ text: [UInt8]) -> [UInt8] {
        guard value != .all, !text.isEmpty, !containsPre(text) else { return text }
        let source = String(decoding: text, as: UTF8.self)
        var result = String.UnicodeScalarView()
        var run: [Unicode.Scalar] = []
        func flushRun() {
            guard !run.isEmpty else { return }
            if value == .oneline {
                result.append(" ")
            } else if run.contains("\n") {
                result.append("\n")
            } else {
                appendCollapsingBlanks(run, to: &result)
            }
            run.removeAll(keepingCapacity: true)
        }
        for scalar in source.unicodeScalars {
            if scalar.isPythonWhitespace {
                run.append(scalar)
            } else {
                flushRun()
                result.append(scalar)
            }
        }
        flushRun()
        return Array(String(result).utf8)
    }

    /// `single` mode without a newline: runs of spaces and tabs become one
    /// space; other whitespace characters stay.
    private func appendCollapsingBlanks(_ run: [Unicode.Scalar], to result: inout String.UnicodeScalarView) {
        var previousWasBlank = false
        for scalar in run {
            let isBlank = scalar == " " || scalar == "\t"
            if !isBlank {
                result.append(scalar)
            } else if !previousWasBlank {
                result.append(" ")
            }
            previousWasBlank = isBlank
        }
    }

    private func containsPre(_ text: [UInt8]) -> Bool {
        let needle = Array("<pre>".utf8)
        guard text.count >= needle.count else { return false }
        return (0...(text.count - needle.count)).contains { text[$0..<($0 + needle.count)].elementsEqual(needle) }
    }
}
