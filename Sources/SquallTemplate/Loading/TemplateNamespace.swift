// TemplateNamespace: names a template can use beyond its render arguments —
// values (`current_user`), functions (`static_url`) and UI modules
// (`{% module Entry(item) %}`). A loader has one for all its templates; a
// render can add another (a handler's per-request names).

/// A set of named values, functions and UI modules for templates.
///
/// Lookup order while rendering: render arguments, then the per-render
/// namespace, then the loader's namespace, then the built-ins.
public struct TemplateNamespace: Sendable {
    /// Named values and functions.
    public var values: [String: TemplateValue]
    /// UI modules for `{% module Name(...) %}`; their output is inserted
    /// without escaping.
    public var modules: [String: TemplateFunction]

    /// A namespace with the given entries.
    public init(_ values: [String: TemplateValue] = [:], modules: [String: TemplateFunction] = [:]) {
        self.values = values
        self.modules = modules
    }

    /// The value named `name`.
    public subscript(name: String) -> TemplateValue? {
        get { values[name] }
        set { values[name] = newValue }
    }

    /// Adds a function callable as `name(...)` in templates.
    public mutating func define(_ name: String, _ body: @escaping @Sendable (TemplateArguments) throws -> TemplateValue) {
        values[name] = .function(TemplateFunction(name, body))
    }

    /// Adds a UI module usable as `{% module name(...) %}`. Return `SafeHTML`
    /// or escape the output yourself: module output is not escaped.
    public mutating func defineModule(_ name: String, _ body: @escaping @Sendable (TemplateArguments) throws -> TemplateValue) {
        modules[name] = TemplateFunction(name, body)
    }

    /// This namespace with `other`'s entries added, `other` winning on clashes.
    public func merging(_ other: TemplateNamespace) -> TemplateNamespace {
        TemplateNamespace(values.merging(other.values) { $1 }, modules: modules.merging(other.modules) { $1 })
    }
}
