// Program: a compiled template — its root template with every `{% extends %}`
// ancestor, `{% block %}` override and `{% include %}` inlined, as Tornado
// compiles them into one Python function. Immutable and shareable between
// threads; each render gets its own `RenderState`.

/// A compiled, ready-to-render template.
final class Program: Sendable {
    let name: String
    let body: Executor
    /// The variable names, indexed by slot.
    let slotNames: [String]
    /// Per slot: the loader namespace's or the built-in value of that name,
    /// looked up once at compile time.
    let globals: [TemplateValue?]
    /// UI modules known at compile time (the loader's, then the built-ins).
    let modules: [String: TemplateFunction]
    /// Bytes of static text, a starting capacity for the output buffer.
    let staticSize: Int

    init(name: String, body: @escaping Executor, slotNames: [String], namespace: TemplateNamespace, staticSize: Int) {
        self.name = name
        self.body = body
        self.slotNames = slotNames
        globals = slotNames.map { namespace.values[$0] ?? Builtins.namespace[$0] }
        modules = Builtins.modules.merging(namespace.modules) { $1 }
        self.staticSize = staticSize
    }

    /// Renders into `out` (appending).
    func render(into out: inout OutputBuffer, arguments: [String: Any], namespace: TemplateNamespace,
                loader: LoaderCore?, depth: Int = 0) throws(TemplateError) {
        var state = RenderState(program: self, arguments: arguments, namespace: namespace, loader: loader, depth: depth, out: OutputBuffer())
        swap(&state.out, &out)
        do throws(TemplateError) {
            _ = try body(&state)
        } catch {
            swap(&state.out, &out)
            throw error
        }
        swap(&state.out, &out)
    }
}

/// Variable names and their slots, shared by everything compiled into one program.
struct SymbolTable {
    private(set) var names: [String] = []
    private var slots: [String: Int] = [:]

    /// The slot of `name`, allocating one on first use.
    mutating func slot(_ name: String) -> Int {
        if let slot = slots[name] { return slot }
        slots[name] = names.count
        names.append(name)
        return names.count - 1
    }
}
