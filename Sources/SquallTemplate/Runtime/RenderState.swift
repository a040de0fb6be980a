// RenderState: everything one render mutates — the output buffer and the
// variable slots — plus the read-only inputs names are resolved against.
// Compiled closures receive it `inout`, so rendering needs no locks and no
// reference counting per access.

/// How a statement finished: normally, or by `{% break %}` / `{% continue %}`.
enum Flow {
    case normal, breakLoop, continueLoop
}

/// A compiled statement.
typealias Executor = @Sendable (inout RenderState) throws(TemplateError) -> Flow
/// A compiled expression.
typealias Evaluator = @Sendable (inout RenderState) throws(TemplateError) -> TemplateValue

/// The state of one render.
struct RenderState {
    /// The UTF-8 output.
    var out: OutputBuffer
    /// One slot per variable name of the program; `nil` until assigned or
    /// first resolved from the arguments and namespaces.
    var slots: [TemplateValue?]
    let arguments: [String: Any]
    let namespace: TemplateNamespace
    let program: Program
    /// The loader, for `{% module Template(...) %}`; `nil` for standalone templates.
    let loader: LoaderCore?
    /// How many `Template(...)` modules deep this render is.
    let depth: Int

    init(program: Program, arguments: [String: Any], namespace: TemplateNamespace, loader: LoaderCore?, depth: Int, out: OutputBuffer) {
        self.out = out
        self.slots = [TemplateValue?](repeating: nil, count: program.slotNames.count)
        self.arguments = arguments
        self.namespace = namespace
        self.program = program
        self.loader = loader
        self.depth = depth
    }

    /// The value of a variable.
    @inline(__always)
    mutating func lookup(_ slot: Int, at location: TemplatePosition) throws(TemplateError) -> TemplateValue {
        if let value = slots[slot] { return value }
        return try resolve(slot, at: location)
    }

    /// First use of a name in this render: render arguments win over the
    /// per-render namespace, which wins over the loader namespace and the
    /// built-ins (Tornado's `namespace.update(kwargs)` order).
    private mutating func resolve(_ slot: Int, at location: TemplatePosition) throws(TemplateError) -> TemplateValue {
        let name = program.slotNames[slot]
        let value: TemplateValue
        if let argument = arguments[name] {
            do throws(TemplateError) {
                value = try TemplateValue(converting: argument)
            } catch {
                throw location.error("argument '\(name)': \(error.message)")
            }
        } else if let namespaced = namespace.values[name] {
            value = namespaced
        } else if let global = program.globals[slot] {
            value = global
        } else {
            throw location.error("name '\(name)' is not defined")
        }
        slots[slot] = value
        return value
    }

    /// Writes a value's `str()` with HTML escaping (`SafeHTML` verbatim).
    mutating func writeEscaped(_ value: TemplateValue) {
        switch value {
        case .string(let text): out.appendEscapedHTML(text)
        case .safe(let html): out.append(html.html)
        case .int(let number): out.append(String(number))
        default: out.appendEscapedHTML(value.description)
        }
    }

    /// Writes a value's `str()` without escaping.
    mutating func writeRaw(_ value: TemplateValue) {
        switch value {
        case .string(let text): out.append(text)
        case .safe(let html): out.append(html.html)
        default: out.append(value.description)
        }
    }
}

/// Runs `body`, attaching `location` to an error that has none yet.
@inline(__always)
func located<T>(_ location: TemplatePosition, _ body: () throws(TemplateError) -> T) throws(TemplateError) -> T {
    do throws(TemplateError) {
        return try body()
    } catch {
        throw location.locate(error)
    }
}
