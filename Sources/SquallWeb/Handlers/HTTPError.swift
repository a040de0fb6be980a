// HTTPError: throw it from a handler to answer with that status (Tornado's
// `tornado.web.HTTPError`).
import SquallHTTP

/// An error that becomes an HTTP response with `status`.
///
/// ```swift
/// guard let entry = entries[id] else { throw HTTPError(404, "No entry \(id)") }
/// ```
public struct HTTPError: Error, Sendable, CustomStringConvertible {
    /// The response status code (e.g. 404).
    public let status: Int
    /// The reason phrase for the status line; nil uses the standard phrase.
    public let reason: String?
    /// Detail for the server log only, never shown to the client.
    public let logMessage: String?

    /// - Parameters:
    ///   - status: the HTTP status code (default 500).
    ///   - logMessage: logged with the request (Tornado's `log_message`); not sent.
    ///   - reason: a custom reason phrase for the status line.
    public init(_ status: Int = 500, _ logMessage: String? = nil, reason: String? = nil) {
        self.status = status
        self.logMessage = logMessage
        self.reason = reason
    }

    /// `HTTP 404: Not Found (No entry 7)`.
    public var description: String {
        let phrase = reason ?? HTTPStatus.standardReasonPhrase(for: status) ?? "Unknown"
        return "HTTP \(status): \(phrase)" + (logMessage.map { " (\($0))" } ?? "")
    }
}

/// A required argument was missing (Tornado's `MissingArgumentError`, a 400).
public struct MissingArgumentError: Error, Sendable, CustomStringConvertible {
    /// The argument's name.
    public let name: String
    /// `HTTP 400: Bad Request (Missing argument body)`.
    public var description: String { "HTTP 400: Bad Request (Missing argument \(name))" }
}
