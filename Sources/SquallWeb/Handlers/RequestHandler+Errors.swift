// Error responses: `sendError` clears what was written and renders `writeError`,
// which subclasses override for their own error pages. Debug mode shows the
// error; production shows only the status.
import SquallCore
import SquallHTTP
import SquallIO

@IOLoopActor
extension RequestHandler {
    /// Sends an error response with `status` (Tornado's `send_error`). If headers
    /// were already sent, the connection is closed instead (the status cannot change).
    public func sendError(_ status: Int = 500, reason: String? = nil, error: (any Error)? = nil) {
        if request.headersSent {
            Log.app.error("cannot send error \(status) after headers were sent: \(request.method) \(request.uri)")
            if !finished { finish() }
            return
        }
        guard !finished else { return }
        clear()
        let code = (100...599).contains(status) ? status : 500
        statusCode = code
        reasonPhrase = reason
        if code == 405 {
            try? setHeader("Allow", allowedMethodsHeader())
        }
        writeError(code, error: error)
        if !finished { finish() }
    }

    /// The methods a 405 response lists in `Allow`: GET, HEAD and OPTIONS always,
    /// as handlers may implement them; the precise set needs the handler's overrides.
    private func allowedMethodsHeader() -> String {
        "GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS"
    }
}
