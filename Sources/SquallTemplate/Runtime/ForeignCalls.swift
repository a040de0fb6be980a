// Calling code that is not the template engine's — namespace functions, UI
// modules, `TemplateObject` members — and turning whatever it throws into a
// `TemplateError` (template errors pass through untouched, keeping their
// own position).

/// Runs user-supplied code; errors other than `TemplateError` become
/// runtime errors reading "`what` failed: error".
func runForeign<T>(_ what: @autoclosure () -> String, _ body: () throws -> T) throws(TemplateError) -> T {
    do {
        return try body()
    } catch let error as TemplateError {
        throw error
    } catch {
        throw TemplateError(runtime: "\(what()) failed: \(error)")
    }
}

/// Calls a template function with `arguments`.
func callFunction(_ function: TemplateFunction, _ arguments: TemplateArguments) throws(TemplateError) -> TemplateValue {
    try runForeign("\(function.name)()") { try function.call(arguments) }
}
