// Logging in and out: a name/password form that, when it matches the author's
// credentials, sets a signed cookie (the demo's `AuthLoginHandler` and
// `AuthLogoutHandler`, with a password instead of a database of hashes).
import Squall

/// `/auth/login`: the form (GET) and the check (POST).
final class AuthLoginHandler: BlogHandler {
    /// The form; an author who is already logged in goes straight to `next`.
    override func get() throws {
        if try currentUser != nil {
            try redirect(nextURL())
            return
        }
        try render("login.html", ["error": "", "next": nextURL(), "name": ""])
    }

    /// Logs the author in and sends them on to `next`; wrong credentials show the
    /// form again with status 403.
    override func post() throws {
        let name = try getArgument("name")
        guard blog.author.accepts(name: name, password: try getArgument("password", strip: false)) else {
            try setStatus(403)
            try render("login.html", ["error": "Wrong name or password.", "next": nextURL(), "name": name])
            return
        }
        // httpOnly: scripts never need the login; Lax: other sites' forms don't send it.
        try setSignedCookie(Self.userCookie, name, httpOnly: true, sameSite: .lax)
        try redirect(nextURL())
    }

    /// The `next` argument when it is a path on this site, else `/`. Anything
    /// else (`https://evil.example/`, `//evil.example/`, `/\evil.example`) would
    /// make the login page an open redirect.
    private func nextURL() throws -> String {
        let next = try getArgument("next", default: "/") ?? "/"
        let isLocalPath = next.hasPrefix("/") && !next.hasPrefix("//") && !next.hasPrefix("/\\")
            && !next.contains(where: { $0.isNewline })
        return isLocalPath ? next : "/"
    }
}

/// `/auth/logout` (POST, XSRF-checked, so other sites cannot log the author out):
/// clears the login cookie and goes home.
final class AuthLogoutHandler: BlogHandler {
    override func post() throws {
        try clearCookie(Self.userCookie)
        try redirect("/")
    }
}
