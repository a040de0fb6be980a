// Reading the request's cookies and setting response cookies (Tornado's
// `cookies`, `get_cookie`, `set_cookie`, `clear_cookie`, `clear_all_cookies`).
//
// Cookies set while handling a request are not visible through `cookies` or
// `getCookie` in that request: they reach the browser with the response and
// come back with the next request, as in Tornado.
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import SquallHTTP
import SquallIO

@IOLoopActor
extension RequestHandler {
    /// The cookies the client sent (name → value), parsed once per request with
    /// Tornado's lenient rules (see `CookieHeader.parse`). Several `Cookie`
    /// header lines are read as one.
    public var cookies: [String: String] {
        if let parsed = toolkit.requestCookies { return parsed }
        let lines = request.headers.values(for: "Cookie")
        let parsed = lines.isEmpty ? [:] : CookieHeader.parse(lines.joined(separator: "; "))
        toolkit.requestCookies = parsed
        return parsed
    }

    /// The value of the request cookie `name`, or `defaultValue` when the
    /// client did not send it.
    public func getCookie(_ name: String, default defaultValue: String? = nil) -> String? {
        cookies[name] ?? defaultValue
    }

    /// Adds a `Set-Cookie` header to the response.
    ///
    /// Each call adds one header; setting the same cookie twice sends both and
    /// the browser keeps the last. `clear()` and error pages drop the cookies
    /// set so far (Tornado keeps them).
    ///
    /// - Parameters:
    ///   - domain: `Domain`; nil scopes the cookie to the exact host.
    ///   - expires: when the browser should drop it; nil with `expiresDays` nil
    ///     makes a session cookie.
    ///   - path: `Path`; default `/`.
    ///   - expiresDays: lifetime in days from now, used when `expires` is nil.
    ///   - maxAge: `Max-Age` in seconds (wins over `expires` in browsers).
    ///   - secure: only sent over HTTPS.
    ///   - httpOnly: hidden from scripts.
    ///   - sameSite: `Strict`, `Lax` or `None` (`.noRestriction`, needs `secure`).
    /// - Throws: `CookieError` for a name, value or attribute that would corrupt
    ///   the header (control characters, spaces, `;` in an attribute, …) or that
    ///   browsers reject (`SameSite=None` without `secure`, bad `__Host-` use).
    public func setCookie(
        _ name: String, _ value: String, domain: String? = nil, expires: Date? = nil, path: String? = "/",
        expiresDays: Double? = nil, maxAge: Int? = nil, secure: Bool = false, httpOnly: Bool = false,
        sameSite: SameSite? = nil
    ) throws {
        let expiry = expires ?? expiresDays.map { Date(timeIntervalSinceNow: $0 * 86_400) }
        let cookie = try SetCookie(
            name: name, value: value, domain: domain, path: path, expires: expiry, maxAge: maxAge,
            secure: secure, httpOnly: httpOnly, sameSite: sameSite)
        try addHeader("Set-Cookie", cookie.headerValue)
    }

    /// Tells the browser to delete cookie `name` (empty value, expired date,
    /// `Max-Age=0`). `path` and `domain` must be those it was set with, and
    /// for `SameSite=None` cookies also `secure` and `sameSite`.
    ///
    /// - Throws: `CookieError` as `setCookie`.
    public func clearCookie(
        _ name: String, path: String? = "/", domain: String? = nil, secure: Bool = false, sameSite: SameSite? = nil
    ) throws {
        let cookie = try SetCookie.clearing(name: name, domain: domain, path: path, secure: secure, sameSite: sameSite)
        try addHeader("Set-Cookie", cookie.headerValue)
    }

    /// Deletes every cookie the client sent with this request (in name order).
    /// The request does not say which path or domain each cookie has, so this
    /// only works for cookies set with the `path` and `domain` given here.
    /// `__Secure-` cookies are cleared with `Secure` and `__Host-` ones with
    /// `Secure`, path `/` and no domain, the only way browsers accept it.
    ///
    /// - Throws: `CookieError` as `setCookie`.
    public func clearAllCookies(path: String? = "/", domain: String? = nil) throws {
        for name in cookies.keys.sorted() {
            let prefix = name.prefix(9).lowercased()
            if prefix.hasPrefix("__host-") {
                try clearCookie(name, secure: true)
            } else {
                try clearCookie(name, path: path, domain: domain, secure: prefix == "__secure-")
            }
        }
    }
}
