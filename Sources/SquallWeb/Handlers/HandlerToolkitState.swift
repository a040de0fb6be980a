// What a handler remembers during one request about cookies, the XSRF token
// and the logged-in user, so each is worked out at most once (Tornado keeps
// the same values as `_xsrf_token`, `_current_user` and the parsed cookies).

import SquallTemplate

/// Per-request caches of a `RequestHandler`; starts empty for every request.
struct HandlerToolkitState {
    /// The request's cookies, parsed on first use.
    var requestCookies: [String: String]?
    /// The masked XSRF token handed out by `xsrfToken` in this request.
    var xsrfToken: String?
    /// True once `currentUser` was looked up or set.
    var currentUserKnown = false
    /// The looked-up (or set) user; meaningful only when `currentUserKnown`.
    var currentUser: String?
    /// The template namespace, built on the first render.
    var templateNamespace: TemplateNamespace?
}
