// Typed application settings: Tornado's `settings` dictionary as a struct, with
// Tornado's defaults. Each setting says which part of Squall reads it.
import SquallHTTP
import SquallIO
import SquallTemplate

/// How an application behaves. Set what you need; the rest keeps its default.
///
/// ```swift
/// var settings = ApplicationSettings()
/// settings.debug = true
/// settings.templatePath = "templates"
/// settings.cookieSecret = try CookieSecret("long random string")
/// ```
public struct ApplicationSettings: Sendable {
    /// Debug mode: error pages show the error, templates and static hashes reload
    /// when files change. Never enable in production. Default false.
    public var debug = false
    /// Directory of templates for `render`; nil = the working directory.
    public var templatePath: String?
    /// Directory served at `staticURLPrefix` and used by `staticURL`; nil = none.
    public var staticPath: String?
    /// URL prefix of static files. Default `"/static/"`.
    public var staticURLPrefix = "/static/"
    /// Key(s) for signed cookies and XSRF; required by `setSignedCookie`.
    public var cookieSecret: CookieSecret?
    /// Check an XSRF token on POST, PUT, PATCH and DELETE. Default false.
    public var xsrfCookies = false
    /// Name and attributes of the `_xsrf` cookie (Tornado's `xsrf_cookie_name` and
    /// `xsrf_cookie_kwargs`). Default: `_xsrf`, path `/`, a session cookie.
    public var xsrfCookieOptions = XSRFCookieOptions()
    /// Where `requireAuthentication()` sends users who are not logged in (GET/HEAD).
    public var loginURL: String?
    /// Gzip text responses when the client accepts it (Tornado's `compress_response`).
    /// Default false.
    public var compressResponse = false
    /// Seconds between server pings on WebSocket connections; nil = no pings.
    public var websocketPingInterval: Double?
    /// Seconds to wait for a pong before closing; nil = 3 × the ping interval.
    public var websocketPingTimeout: Double?
    /// Seconds to wait for the peer's close frame after sending ours before the
    /// TCP connection is closed anyway (Tornado waits 5). Default 5.
    public var websocketCloseTimeout: Double = 5
    /// Largest WebSocket message accepted, in bytes (larger → close 1009). Default 10 MiB.
    public var websocketMaxMessageSize = 10 * 1024 * 1024
    /// Most bytes queued to one WebSocket client before it is disconnected as too
    /// slow. Default 4 MiB.
    public var websocketMaxWriteBufferSize = 4 * 1024 * 1024
    /// HTTP limits and timeouts of the server started by `Application.listen`.
    public var server = HTTPServerConfiguration()
    /// UI modules for `{% module Name(...) %}` in every template (output not escaped).
    public var uiModules: [String: TemplateFunction] = [:]
    /// Functions callable by name in every template (Tornado's `ui_methods`).
    public var uiMethods: [String: TemplateFunction] = [:]
    /// Logs each finished request; nil = Tornado-style access log lines.
    public var logFunction: (@IOLoopActor @Sendable (RequestHandler) -> Void)?

    /// The defaults.
    public init() {}
}
