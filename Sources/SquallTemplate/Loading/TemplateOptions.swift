// TemplateOptions: how templates are compiled and loaded — Tornado's
// `autoescape`, `whitespace` and `namespace` loader arguments plus Squall's
// `autoReload` (Tornado's `compiled_template_cache=False` / debug mode).

/// Compilation and loading options shared by a loader's templates.
public struct TemplateOptions: Sendable {
    /// The function `{{ }}` output goes through: `"xhtml_escape"` (the
    /// default) or the name of any namespace function taking and returning
    /// text; `nil` disables escaping. `{% autoescape %}` overrides it per file.
    public var autoescape: String?
    /// Whitespace handling; `nil` picks Tornado's default per file name
    /// (`single` for `.html` and `.js`, `all` otherwise).
    public var whitespace: WhitespaceMode?
    /// Recompile a template on its next use when its file, or a file it
    /// includes or extends, has changed. Costs a re-read of those files per
    /// render; meant for development.
    public var autoReload: Bool
    /// Names available to every template of the loader.
    public var namespace: TemplateNamespace

    /// Tornado's defaults: escape with `xhtml_escape`, whitespace by file
    /// name, compile once, empty namespace.
    public init(autoescape: String? = "xhtml_escape", whitespace: WhitespaceMode? = nil, autoReload: Bool = false,
                namespace: TemplateNamespace = TemplateNamespace()) {
        self.autoescape = autoescape
        self.whitespace = whitespace
        self.autoReload = autoReload
        self.namespace = namespace
    }
}
