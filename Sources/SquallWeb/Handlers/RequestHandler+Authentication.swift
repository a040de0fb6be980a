// Authentication: who is logged in, and sending everybody else to the login
// page (Tornado's `current_user`, `get_current_user` and `@authenticated`).
//
// Swift has no method decorators, so a handler either begins a method with
// `try requireAuthentication()` or sets `requiresAuthentication` for all of
// its methods:
//
//     final class ProfileHandler: RequestHandler {
//         override func getCurrentUser() throws -> String? { try getSignedCookie("user") }
//         override func get() throws {
//             let user = try requireAuthentication()
//             write("Hello, \(user)")
//         }
//     }
//
// The user is a `String` (an id or name, as most Tornado apps keep in a
// signed cookie); load richer records from it when needed.
import SquallHTTP
import SquallIO

@IOLoopActor
extension RequestHandler {
    /// The logged-in user: what `setCurrentUser(_:)` set, else the result of
    /// `getCurrentUser()`, which is called once per request and remembered.
    ///
    /// - Throws: whatever `getCurrentUser()` throws.
    public var currentUser: String? {
        get throws {
            if !toolkit.currentUserKnown {
                toolkit.currentUser = try getCurrentUser()
                toolkit.currentUserKnown = true
            }
            return toolkit.currentUser
        }
    }

    /// Sets the user for the rest of this request; `getCurrentUser()` is then
    /// not called. Use it from `prepare() async` when finding the user needs
    /// to wait (a database, a remote session store).
    public func setCurrentUser(_ user: String?) {
        toolkit.currentUser = user
        toolkit.currentUserKnown = true
    }

    /// Returns the logged-in user, or stops the request when there is none
    /// (Tornado's `@authenticated`). An empty user counts as none.
    ///
    /// A GET or HEAD request is redirected (302) to `getLoginURL()` with
    /// `next=<this request's URI>` added to its query (the full URL when the
    /// login URL is absolute; nothing is added when the query already has a
    /// `next`), and `Finish` is thrown so the method ends there. Any other
    /// method gets `HTTPError(403)`: re-sending a form after logging in is
    /// not something a redirect can do.
    ///
    /// - Throws: `Finish` after redirecting; `HTTPError(403)`;
    ///   `HTTPError(500, "loginURL not set")`; errors of `getCurrentUser()`.
    @discardableResult
    public func requireAuthentication() throws -> String {
        if let user = try loggedInUser() { return user }
        guard request.method == .GET || request.method == .HEAD else { throw HTTPError(403) }
        try redirect(loginRedirectURL(loginURL: try getLoginURL()))
        throw Finish()
    }

    /// `settings.loginURL`, the default of `getLoginURL()`.
    ///
    /// - Throws: `HTTPError(500, "loginURL not set")` when it is nil or empty.
    func configuredLoginURL() throws -> String {
        guard let url = application.settings.loginURL, !url.isEmpty else { throw HTTPError(500, "loginURL not set") }
        return url
    }

    /// `currentUser` unless it is nil or empty (Tornado tests its truth value).
    func loggedInUser() throws -> String? {
        guard let user = try currentUser, !user.isEmpty else { return nil }
        return user
    }

    /// Runs `requireAuthentication()` before the HTTP method when the handler
    /// class sets `requiresAuthentication` (OPTIONS is exempt so that CORS
    /// preflight requests pass). Called by the handler's execution.
    func authenticateIfRequired() throws {
        guard type(of: self).requiresAuthentication, request.method != .OPTIONS else { return }
        try requireAuthentication()
    }

    /// `loginURL` with `next` pointing back at this request.
    private func loginRedirectURL(loginURL: String) -> String {
        let next = Self.hasScheme(loginURL) ? request.fullURL : request.uri
        guard let questionMark = loginURL.firstIndex(of: "?") else {
            return loginURL + "?next=" + PercentEncoding.encode(next)
        }
        let query = loginURL[loginURL.index(after: questionMark)...]
        if parseQueryString(String(query)).contains(where: { $0.name == "next" }) { return loginURL }
        let separator = query.isEmpty || query.hasSuffix("&") ? "" : "&"
        return loginURL + separator + "next=" + PercentEncoding.encode(next)
    }

    /// True when `url` starts with an RFC 3986 scheme, `letter *(letter / digit / "+" / "-" / ".") ":"`,
    /// which is when Python's `urlsplit` (and so Tornado) calls it absolute.
    private static func hasScheme(_ url: String) -> Bool {
        let scheme = url.utf8.prefix { $0 != UInt8(ascii: ":") }
        guard scheme.count < url.utf8.count, let first = scheme.first, isASCIILetter(first) else { return false }
        return scheme.allSatisfy {
            isASCIILetter($0) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0)
                || $0 == UInt8(ascii: "+") || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: ".")
        }
    }

    private static func isASCIILetter(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte | 0x20)
    }
}
