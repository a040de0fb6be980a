// Template: a compiled template, ready to render any number of times with
// different arguments. Rendering walks a precompiled closure tree and appends
// to a byte buffer: no parsing, no regular expressions.

/// A compiled template.
///
/// `Sendable` and immutable: one template can render on several threads at once.
public struct Template: Sendable {
    /// The name errors report (`<string>` for templates built from source).
    public let name: String
    let program: Program
    let loader: LoaderCore?

    init(name: String, program: Program, loader: LoaderCore?) {
        self.name = name
        self.program = program
        self.loader = loader
    }

    /// Compiles template text that does not come from a loader, like
    /// Tornado's `Template(string)`. Such a template cannot use
    /// `{% include %}`, `{% extends %}` or `{% module Template(...) %}`.
    ///
    /// - Parameters:
    ///   - source: the template text.
    ///   - name: the name used in error messages and to pick the default
    ///     whitespace mode (`.html`/`.js` → `single`).
    /// - Throws: `TemplateError` (`.syntax`) naming line, column and what was expected.
    public init(source: String, name: String = "<string>", options: TemplateOptions = TemplateOptions()) throws(TemplateError) {
        let whitespace = options.whitespace ?? WhitespaceMode.defaultMode(forTemplateNamed: name)
        let parsed = try TemplateParser.parse(SourceText(name: name, bytes: Array(source.utf8)), whitespace: whitespace,
                                              autoescape: options.autoescape)
        self.init(name: name, program: try ProgramCompiler.compile(parsed, options: options, reader: nil), loader: nil)
    }

    /// Renders to a string.
    ///
    /// - Parameters:
    ///   - arguments: the template's variables (Tornado's `generate(**kwargs)`);
    ///     values are converted with `TemplateValue(converting:)`.
    ///   - namespace: extra names for this render only (a handler's
    ///     `static_url`, `current_user`, UI modules), below `arguments` in priority.
    /// - Throws: `TemplateError` (`.runtime`) naming the template and line that failed.
    public func render(_ arguments: [String: Any] = [:], namespace: TemplateNamespace = TemplateNamespace()) throws(TemplateError) -> String {
        String(decoding: try renderBytes(arguments, namespace: namespace), as: UTF8.self)
    }

    /// Renders to UTF-8 bytes, ready to write to a socket.
    public func renderBytes(_ arguments: [String: Any] = [:], namespace: TemplateNamespace = TemplateNamespace()) throws(TemplateError) -> [UInt8] {
        var out = OutputBuffer(capacity: program.staticSize * 2 + 256)
        try program.render(into: &out, arguments: arguments, namespace: namespace, loader: loader)
        return out.finish()
    }

    /// Renders by appending to `buffer`, which callers may reuse across
    /// renders to avoid allocating. On error, what was appended is kept.
    public func render(into buffer: inout [UInt8], _ arguments: [String: Any] = [:],
                       namespace: TemplateNamespace = TemplateNamespace()) throws(TemplateError) {
        var out = OutputBuffer(buffer, capacity: buffer.count + program.staticSize * 2 + 256)
        buffer = []
        defer { buffer = out.finish() }
        try program.render(into: &out, arguments: arguments, namespace: namespace, loader: loader)
    }
}
