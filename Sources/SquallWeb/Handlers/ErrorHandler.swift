// ErrorHandler: answers every request with one error status (Tornado's
// `ErrorHandler`); the application uses it with 404 for unmatched paths.

/// Answers every request with `status` (default 404).
///
/// ```swift
/// URLSpec("/gone", ErrorHandler.self, initialize: { $0.errorStatus = 410 })
/// ```
public final class ErrorHandler: RequestHandler {
    /// The status every request gets.
    public var errorStatus = 404

    /// Raises the configured status.
    public override func prepare() throws {
        throw HTTPError(errorStatus)
    }
}
