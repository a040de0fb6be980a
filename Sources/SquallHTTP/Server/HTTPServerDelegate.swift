// The contract between the HTTP server and what answers requests (the web
// Application, or a plain function).
import SquallIO

/// Answers requests (Tornado's `HTTPServerConnectionDelegate` + `HTTPMessageDelegate`).
public protocol HTTPServerDelegate: AnyObject, Sendable {
    /// Handles one complete request (head and body). Answer through
    /// `request.response`; the connection reads no further request until it is
    /// finished (responses go out in request order).
    @IOLoopActor func handle(_ request: HTTPServerRequest)
}
