// Finish: an error that ends a request without an error page (Tornado's
// `tornado.web.Finish`). `requireAuthentication()` throws it after redirecting
// to the login page, so the rest of the handler method does not run.

/// Throw from a handler (`prepare` or an HTTP method) to stop handling the
/// request. The response is sent as it stands — `finish()` is called if the
/// handler has not finished it yet — and nothing is logged as an error.
///
/// ```swift
/// guard let entry = cache[id] else {
///     try redirect("/entries")
///     throw Finish()
/// }
/// ```
public struct Finish: Error, Sendable {
    /// Creates the error.
    public init() {}
}
