// RequestHandler: subclass it and override the HTTP methods you serve (Tornado's
// `tornado.web.RequestHandler`).
//
//     final class MainHandler: RequestHandler {
//         override func get() {
//             write("Hello, world")
//         }
//     }
//
// Methods may be plain (`override func get() throws`) or asynchronous
// (`override func get() async throws`); both run on the loop thread, like every
// handler in Tornado. A plain method is called directly, with no task, which keeps
// the common path cheap. When the method returns, the response is finished unless
// the handler already did so. A thrown `HTTPError` becomes that status; any other
// error becomes a 500 and is logged.
import SquallCore
import SquallHTTP
import SquallIO
import SquallTemplate

/// Marks a handler method the subclass did not override in its plain (non-async)
/// form, so the async form is called instead.
struct RequiresAsync: Error {}

/// Thrown as one preallocated value: throwing a fresh error would allocate a box on
/// every request that takes the synchronous path.
let requiresAsync: any Error = RequiresAsync()

/// Handles one request. A new instance is made for every request.
@IOLoopActor
open class RequestHandler {
    /// The application that routed the request here.
    public let application: Application
    /// The request being handled.
    public let request: HTTPServerRequest
    /// Groups captured by the route's pattern.
    public let pathArgs: PathArguments

    @exclusivity(unchecked) var statusCode = 200
    @exclusivity(unchecked) var reasonPhrase: String?
    @exclusivity(unchecked) var responseHeaders = HTTPHeaders()
    @exclusivity(unchecked) var outputBuffer: [UInt8] = []
    @exclusivity(unchecked) var finished = false
    /// Set by the inherited plain `prepare()`: the async form may be the overridden one.
    @exclusivity(unchecked) var inheritedPrepareCalled = false
    /// Per-request caches of cookies, the XSRF token and the current user.
    @exclusivity(unchecked) var toolkit = HandlerToolkitState()

    /// Made by the application for each request; subclasses that need their own
    /// setup override `initialize()` instead.
    public required init(application: Application, request: HTTPServerRequest, pathArgs: PathArguments) {
        self.application = application
        self.request = request
        self.pathArgs = pathArgs
    }

    // MARK: hooks

    /// Called right after construction (and after the route's `initialize` closure).
    open func initialize() {}

    /// Called before the HTTP method; may finish the response itself (then the
    /// method is not called). Override either the plain or the `async` form.
    open func prepare() throws { inheritedPrepareCalled = true }
    /// The asynchronous form of `prepare()`.
    open func prepare() async throws { Self.noteDefaultAsyncPrepare(type(of: self)) }

    /// Returns the logged-in user of this request, or nil (Tornado's
    /// `get_current_user`). Called at most once per request, through
    /// `currentUser`; typically `try getSignedCookie("user")`. Overrides run on
    /// the loop and must not block: for an asynchronous lookup, call
    /// `setCurrentUser(_:)` from `prepare() async` instead. Default nil.
    open func getCurrentUser() throws -> String? { nil }

    /// The login page `requireAuthentication` redirects to (Tornado's
    /// `get_login_url`). Default `settings.loginURL`.
    ///
    /// - Throws: `HTTPError(500, "loginURL not set")` when the setting is missing.
    open func getLoginURL() throws -> String { try configuredLoginURL() }

    /// Checks the XSRF token of POST, PUT, PATCH and DELETE requests before
    /// `prepare()` when `settings.xsrfCookies` is on (Tornado's
    /// `check_xsrf_cookie`). Override with an empty body to exempt a handler,
    /// e.g. an API authenticated by a header rather than a cookie.
    ///
    /// - Throws: `HTTPError(403)` logging Tornado's reason (e.g. `XSRF cookie
    ///   does not match POST argument`); `HTTPError(400)` for an unreadable form body.
    open func checkXSRFCookie() throws { try verifyXSRFCookie() }

    /// True to require a logged-in user for every method but OPTIONS, as if
    /// each began with `try requireAuthentication()` (Tornado's
    /// `@authenticated` on every method). Checked after `prepare()`. Default false.
    open class var requiresAuthentication: Bool { false }

    /// Called after the response is finished (for cleanup and logging).
    open func onFinish() {}

    /// Called if the client disconnects before the response is finished.
    open func onConnectionClose() {}

    /// The names templates rendered by this handler see (Tornado's
    /// `get_template_namespace`); override to add your own, starting from
    /// `try defaultTemplateNamespace()`.
    open func templateNamespace() throws -> TemplateNamespace {
        try defaultTemplateNamespace()
    }

    /// Writes the body of an error page; override for custom pages (Tornado's
    /// `write_error`). The default is a small HTML page; in debug mode it includes
    /// the error's description.
    open func writeError(_ status: Int, error: (any Error)?) {
        let phrase = reasonPhrase ?? HTTPStatus.standardReasonPhrase(for: status) ?? "Unknown"
        var page = "<html><title>\(status): \(xhtmlEscape(phrase))</title><body>\(status): \(xhtmlEscape(phrase))"
        if application.settings.debug, let error {
            page += "<pre>\(xhtmlEscape(String(describing: error)))</pre>"
        }
        page += "</body></html>"
        write(page)
    }

    // MARK: HTTP methods (405 unless overridden)

    /// GET. Override the plain or the `async` form.
    open func get() throws { throw requiresAsync }
    /// GET, asynchronous form.
    open func get() async throws { throw methodNotAllowed() }
    /// HEAD: by default the GET handler runs and only its headers are sent.
    open func head() throws { try get() }
    /// HEAD, asynchronous form.
    open func head() async throws { try await get() }
    /// POST.
    open func post() throws { throw requiresAsync }
    /// POST, asynchronous form.
    open func post() async throws { throw methodNotAllowed() }
    /// PUT.
    open func put() throws { throw requiresAsync }
    /// PUT, asynchronous form.
    open func put() async throws { throw methodNotAllowed() }
    /// PATCH.
    open func patch() throws { throw requiresAsync }
    /// PATCH, asynchronous form.
    open func patch() async throws { throw methodNotAllowed() }
    /// DELETE.
    open func delete() throws { throw requiresAsync }
    /// DELETE, asynchronous form.
    open func delete() async throws { throw methodNotAllowed() }
    /// OPTIONS.
    open func options() throws { throw requiresAsync }
    /// OPTIONS, asynchronous form.
    open func options() async throws { throw methodNotAllowed() }

    /// The methods this server understands; others get 501 Not Implemented.
    public static let supportedMethods: Set<HTTPMethod> = [.GET, .HEAD, .POST, .PUT, .PATCH, .DELETE, .OPTIONS]

    private func methodNotAllowed() -> HTTPError {
        HTTPError(405)
    }

    static let defaultHeaders: HTTPHeaders = {
        var headers = HTTPHeaders()
        try? headers.set("Content-Type", "text/html; charset=UTF-8")
        return headers
    }()
}
