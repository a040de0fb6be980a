// HTTPFormError: a request body that claims to be a form but cannot be read as
// one. Tornado logs and skips malformed multipart parts; Squall reports them so
// the server can answer 400 instead of silently losing fields.

/// A malformed form body (400) or an unsupported Content-Encoding on one (415).
/// Unlike `HTTPParseError` the connection stays usable: the body was fully read.
public struct HTTPFormError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The status to answer with: 400 Bad Request or 415 Unsupported Media Type.
    public let status: HTTPStatus
    /// What was wrong, e.g. "Invalid multipart/form-data: missing final boundary".
    public let message: String

    /// Creates an error; `status` defaults to 400.
    public init(_ message: String, status: HTTPStatus = .badRequest) {
        self.status = status
        self.message = message
    }

    /// "400 Bad Request: <message>".
    public var description: String { "\(status): \(message)" }
}
