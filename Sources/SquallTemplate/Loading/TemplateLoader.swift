// TemplateLoader: Tornado's `Loader` and `DictLoader` — loads templates by
// name from a directory or a dictionary, compiles each once and caches it,
// and resolves `{% include %}`, `{% extends %}` and `{% module Template %}`.

/// Loads, compiles and caches templates.
///
/// Thread-safe: the cache is guarded by a lock, compiled templates are
/// immutable, and any number of renders may run concurrently.
public final class TemplateLoader: Sendable {
    let core: LoaderCore

    /// A loader for the template files below `directory`.
    ///
    /// Template names are relative to the directory; names that are absolute,
    /// climb out with `..`, or resolve outside it through a symlink are refused.
    /// - Throws: `TemplateError` (`.io`) if the directory does not exist.
    public init(directory: String, options: TemplateOptions = TemplateOptions()) throws(TemplateError) {
        core = LoaderCore(store: try .directory(directory), options: options)
    }

    /// A loader for in-memory templates keyed by name, like Tornado's
    /// `DictLoader`; names are normalized (`./a.html` is `a.html`).
    public init(templates: [String: String], options: TemplateOptions = TemplateOptions()) {
        var normalized: [String: String] = [:]
        for (name, text) in templates {
            normalized[(try? TemplatePath.resolve(name, relativeTo: nil)) ?? name] = text
        }
        core = LoaderCore(store: .dictionary(normalized), options: options)
    }

    /// The options this loader compiles with.
    public var options: TemplateOptions { core.options }

    /// The compiled template `name`, compiling it on first use (and, with
    /// `autoReload`, again whenever one of its files changed).
    /// - Throws: `TemplateError` for unknown or refused names, unreadable
    ///   files and syntax errors.
    public func template(named name: String) throws(TemplateError) -> Template {
        Template(name: name, program: try core.program(named: name), loader: core)
    }

    /// Renders the template `name` to a string; see `Template.render`.
    public func render(_ name: String, _ arguments: [String: Any] = [:],
                       namespace: TemplateNamespace = TemplateNamespace()) throws(TemplateError) -> String {
        try template(named: name).render(arguments, namespace: namespace)
    }

    /// Renders the template `name` to UTF-8 bytes; see `Template.renderBytes`.
    public func renderBytes(_ name: String, _ arguments: [String: Any] = [:],
                            namespace: TemplateNamespace = TemplateNamespace()) throws(TemplateError) -> [UInt8] {
        try template(named: name).renderBytes(arguments, namespace: namespace)
    }

    /// Forgets every compiled template, so the next use recompiles.
    public func reset() {
        core.reset()
    }
}
