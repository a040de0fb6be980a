// Cross-site request forgery protection (Tornado's `xsrf_cookies` setting).
//
// With `settings.xsrfCookies` on, every POST, PUT, PATCH and DELETE must send
// back the token of the `_xsrf` cookie, in the `_xsrf` argument (form field,
// or query as Tornado's `get_argument` also reads it) or in an `X-XSRFToken` /
// `X-CSRFToken` header. Another site can make a browser send the cookie but
// cannot read it, so it cannot copy the token into its form. GET, HEAD and
// OPTIONS (and so WebSocket upgrades) are never checked. Pages get the token
// from `xsrfToken` / `xsrfFormHTML()`, which also set the cookie when needed.
import SquallIO
import SquallTemplate

@IOLoopActor
extension RequestHandler {
    /// The masked XSRF token for forms and scripts (Tornado's `xsrf_token`).
    ///
    /// The first use in a request reads the token of the XSRF cookie or, when
    /// the client has none (or an unreadable one), makes a new random token and
    /// sets the cookie (see `settings.xsrfCookieOptions`; it lasts 30 days when
    /// a user is logged in, else the browser session). Every request shows the
    /// token under a fresh mask, which defeats compression side channels
    /// (BREACH); later uses in the same request return the same text.
    ///
    /// - Throws: `CookieError` for invalid `xsrfCookieOptions`; errors of
    ///   `getCurrentUser()` when a new cookie is set.
    public var xsrfToken: String {
        get throws {
            if let token = toolkit.xsrfToken { return token }
            let options = application.settings.xsrfCookieOptions
            let existing = getCookie(options.name).flatMap { XSRFToken(decoding: $0) }
            let token = (existing ?? XSRFToken.generate()).masked()
            if existing == nil {
                var days = options.expiresDays
                if days == nil, try loggedInUser() != nil { days = 30 }
                try setCookie(
                    options.name, token, domain: options.domain, path: options.path, expiresDays: days,
                    secure: options.secure, httpOnly: options.httpOnly, sameSite: options.sameSite)
            }
            toolkit.xsrfToken = token
            return token
        }
    }

    /// `<input type="hidden" name="_xsrf" value="…"/>` with `xsrfToken`
    /// HTML-escaped, to put in every POST form (Tornado's `xsrf_form_html`).
    ///
    /// - Throws: as `xsrfToken`.
    public func xsrfFormHTML() throws -> String {
        "<input type=\"hidden\" name=\"_xsrf\" value=\"\(xhtmlEscape(try xsrfToken))\"/>"
    }

    /// Tornado's default `check_xsrf_cookie`, which `checkXSRFCookie()` runs:
    /// the submitted token (the last `_xsrf` argument of the query or form
    /// body, else the `X-XSRFToken`, else the `X-CSRFToken` header) must carry
    /// the same token as the XSRF cookie, compared in constant time.
    ///
    /// - Throws: `HTTPError(403)` logging Tornado's reason: `'_xsrf' argument
    ///   missing from POST`, `'_xsrf' argument has invalid format`, `'_xsrf'
    ///   cookie missing or invalid`, or `XSRF cookie does not match POST
    ///   argument`; `HTTPError(400)` when the form body cannot be parsed.
    func verifyXSRFCookie() throws {
        let cookie = getCookie(application.settings.xsrfCookieOptions.name)
        do {
            try XSRFToken.check(submitted: try submittedXSRFToken(), cookie: cookie)
        } catch let error as XSRFError {
            throw HTTPError(403, error.description)
        }
    }

    /// Runs `checkXSRFCookie()` before `prepare()` when `settings.xsrfCookies`
    /// is on and the method changes state (called by the handler's execution).
    func checkXSRFCookieIfRequired() throws {
        guard application.settings.xsrfCookies else { return }
        switch request.method {
        case .GET, .HEAD, .OPTIONS: return
        default: try checkXSRFCookie()
        }
    }

    /// The token the client submitted, looked up in Tornado's order; nil if none.
    private func submittedXSRFToken() throws -> String? {
        if let argument = try getArgument("_xsrf", default: nil), !argument.isEmpty { return argument }
        return request.headers["X-XSRFToken"] ?? request.headers["X-CSRFToken"]
    }
}
