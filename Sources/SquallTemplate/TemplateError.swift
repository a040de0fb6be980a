// TemplateError: every failure the template engine reports.
//
// Syntax errors carry the template, line, column and what the parser expected;
// runtime errors carry the template and line of the failing directive. Nothing
// a template author writes can crash the process: all of it ends up here.

/// An error from parsing, loading or rendering a template.
public struct TemplateError: Error, Sendable, CustomStringConvertible {
    /// What went wrong, broadly.
    public struct Kind: Sendable, Hashable, CustomStringConvertible {
        private enum Value: String, Sendable, Hashable {
            case syntax = "syntax error"
            case runtime = "runtime error"
            case notFound = "template not found"
            case invalidName = "invalid template name"
            case io = "I/O error"
        }
        private let value: Value

        /// The template text is malformed (reported while compiling).
        public static let syntax = Kind(value: .syntax)
        /// Evaluation failed: unknown name, bad call, wrong types.
        public static let runtime = Kind(value: .runtime)
        /// The loader has no template by that name.
        public static let notFound = Kind(value: .notFound)
        /// The name is absolute, escapes the root, or is otherwise refused.
        public static let invalidName = Kind(value: .invalidName)
        /// The template file exists but could not be read or decoded.
        public static let io = Kind(value: .io)

        /// A human-readable label, e.g. `syntax error`.
        public var description: String { value.rawValue }
    }

    /// The broad category.
    public var kind: Kind
    /// The template the error belongs to (`<string>` for anonymous sources,
    /// empty when raised by a function outside any render).
    public var templateName: String
    /// The 1-based line, or 0 when no position applies.
    public var line: Int
    /// The 1-based column (in Unicode scalars), when known.
    public var column: Int?
    /// What went wrong and, for syntax errors, what was expected.
    public var message: String

    /// An error at a known position.
    public init(kind: Kind, templateName: String, line: Int, column: Int? = nil, message: String) {
        self.kind = kind
        self.templateName = templateName
        self.line = line
        self.column = column
        self.message = message
    }

    /// A runtime error raised by a `TemplateFunction`; the engine fills in the
    /// template name and line of the call that raised it.
    public init(runtime message: String) {
        self.init(kind: .runtime, templateName: "", line: 0, message: message)
    }

    /// `name:line:column: kind: message`, e.g.
    /// `page.html:3:14: syntax error: expected ')' but found '}'`.
    public var description: String {
        var position = templateName.isEmpty ? "<unknown>" : templateName
        if line > 0 { position += ":\(line)" }
        if let column, line > 0 { position += ":\(column)" }
        return "\(position): \(kind): \(message)"
    }

    /// Whether a position has been attached yet.
    var isLocated: Bool { !templateName.isEmpty }
}
