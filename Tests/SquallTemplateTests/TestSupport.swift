// Helpers shared by the template tests.
import Testing
@testable import SquallTemplate

/// Compiles `source` as a standalone template and renders it.
func render(_ source: String, _ arguments: [String: Any] = [:], name: String = "<string>",
            options: TemplateOptions = TemplateOptions()) throws -> String {
    try Template(source: source, name: name, options: options).render(arguments)
}

/// Renders template `name` from an in-memory loader holding `templates`.
func render(templates: [String: String], _ name: String, _ arguments: [String: Any] = [:],
            options: TemplateOptions = TemplateOptions()) throws -> String {
    try TemplateLoader(templates: templates, options: options).render(name, arguments)
}

/// The error thrown by `body`, failing the test if none is thrown.
func templateError(_ body: () throws -> Void, sourceLocation: SourceLocation = #_sourceLocation) -> TemplateError? {
    do {
        try body()
        Issue.record("expected a TemplateError", sourceLocation: sourceLocation)
        return nil
    } catch let error as TemplateError {
        return error
    } catch {
        Issue.record("unexpected error \(error)", sourceLocation: sourceLocation)
        return nil
    }
}
