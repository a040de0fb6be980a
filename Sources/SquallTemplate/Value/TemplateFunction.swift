// TemplateFunction: a Swift closure callable from template expressions.
//
// Namespace functions (`static_url("app.css")`, `linkify(text, shorten=True)`)
// and UI modules are all `TemplateFunction`s. They receive Python-style
// positional and keyword arguments and return a `TemplateValue`.

/// A named closure that templates can call.
///
/// The closure runs synchronously on the rendering thread. Throwing any error
/// aborts the render with a `TemplateError` naming the template, the line and
/// the function; throw `TemplateError(runtime:)` for a clean message.
public final class TemplateFunction: Sendable {
    /// The name shown in error messages and by `str(function)`.
    public let name: String
    private let body: @Sendable (TemplateArguments) throws -> TemplateValue
    /// For built-ins producing HTML: writes the result straight into the
    /// output, skipping the intermediate string, when used as a UI module.
    let writer: DirectWriter?

    /// Direct-to-output variants of a built-in.
    struct DirectWriter: Sendable {
        let general: @Sendable (TemplateArguments, inout OutputBuffer) throws -> Void
        /// The common call with one positional argument, without building
        /// an argument array.
        let single: @Sendable (TemplateValue, inout OutputBuffer) throws -> Void
    }

    /// A function taking Python-style arguments.
    public init(_ name: String, _ body: @escaping @Sendable (TemplateArguments) throws -> TemplateValue) {
        self.name = name
        self.body = body
        self.writer = nil
    }

    /// A built-in with direct-to-output variants.
    init(_ name: String, body: @escaping @Sendable (TemplateArguments) throws -> TemplateValue, writer: DirectWriter) {
        self.name = name
        self.body = body
        self.writer = writer
    }

    /// A function of exactly one argument, passed as the argument's `str()`
    /// text; the result is plain text (escaped by `{{ }}`).
    public convenience init(_ name: String, text body: @escaping @Sendable (String) throws -> String) {
        self.init(name) { arguments in
            let values = try arguments.bind(function: name, parameters: ["value"], required: 1)
            return .string(try body(values[0]?.description ?? ""))
        }
    }

    /// Calls the function.
    public func call(_ arguments: TemplateArguments) throws -> TemplateValue {
        try body(arguments)
    }
}
