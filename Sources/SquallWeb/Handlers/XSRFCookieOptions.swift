// The name and attributes of the `_xsrf` cookie that carries the XSRF token
// (Tornado's `xsrf_cookie_name` and `xsrf_cookie_kwargs` settings).

/// How `xsrfToken` writes the XSRF cookie; set through
/// `ApplicationSettings.xsrfCookieOptions`. The defaults match Tornado:
/// `_xsrf`, path `/`, no other attributes.
///
/// ```swift
/// settings.xsrfCookieOptions.secure = true
/// settings.xsrfCookieOptions.sameSite = .strict
/// ```
///
/// Invalid combinations (a `__Host-` name without `secure`, `SameSite=None`
/// without `secure`, …) make `xsrfToken` throw `CookieError`, i.e. a 500.
public struct XSRFCookieOptions: Sendable {
    /// The cookie name; default `_xsrf`. A `__Host-` name (with `secure: true`)
    /// stops subdomains from planting their own token.
    public var name = "_xsrf"
    /// `Domain` attribute; nil (the default) scopes the cookie to the exact host.
    public var domain: String?
    /// `Path` attribute; default `/`.
    public var path: String? = "/"
    /// Lifetime in days; nil (the default) means a browser-session cookie, or
    /// 30 days when a user is logged in, as Tornado does.
    public var expiresDays: Double?
    /// `Secure` attribute: only sent over HTTPS. Default false.
    public var secure = false
    /// `HttpOnly` attribute. Default false, so that scripts can copy the token
    /// into an `X-XSRFToken` header.
    public var httpOnly = false
    /// `SameSite` attribute; nil (the default) omits it.
    public var sameSite: SameSite?

    /// The defaults.
    public init() {}
}
