// Handlers and helpers shared by the toolkit tests (cookies, signed cookies,
// XSRF, authentication, gzip, redirects).
import Foundation
import SquallCore
import SquallHTTP
import SquallTesting
import SquallWeb

/// Sets the cookies named by the `case` query argument.
final class CookieSettingHandler: RequestHandler {
    override func get() throws {
        switch try getArgument("case") {
        case "attributes":
            try setCookie("plain", "v")
            try setCookie(
                "full", "x;y", domain: "example.com", expires: Date(timeIntervalSince1970: 1_700_000_000),
                path: "/app", maxAge: 60, secure: true, httpOnly: true, sameSite: .strict)
            try setCookie("lax", "1", path: nil, sameSite: .lax)
        case "days":
            try setCookie("days", "1", expiresDays: 2)
        case "clear":
            try clearCookie("gone", path: "/app", domain: "example.com")
        case "clearAll":
            try clearAllCookies()
        case "badValue":
            try setCookie("x", try getArgument("v", strip: false))
        case "badName":
            try setCookie(try getArgument("v", strip: false), "1")
        case "badPath":
            try setCookie("x", "1", path: try getArgument("v", strip: false))
        default:
            throw HTTPError(400)
        }
    }
}

/// Reports what it reads from the request's cookies.
final class CookieReadingHandler: RequestHandler {
    override func get() throws {
        try setCookie("a", "set-during-request")
        try write(Report(
            cookies: cookies, a: getCookie("a"), missing: getCookie("missing"),
            fallback: getCookie("missing", default: "default")))
    }

    struct Report: Codable, Equatable {
        var cookies: [String: String]
        var a: String?
        var missing: String?
        var fallback: String?
    }
}

/// `?set=<value>` signs cookie "user"; otherwise reports it (`?maxAgeDays=`), or "nil".
final class SignedCookieHandler: RequestHandler {
    override func get() throws {
        if let value = try getArgument("set", default: nil) {
            try setSignedCookie("user", value)
            write("set")
            return
        }
        let maxAge = try getArgument("maxAgeDays", default: nil).flatMap(Double.init) ?? 31
        write(try getSignedCookie("user", maxAgeDays: maxAge) ?? "nil")
    }
}

/// Signs bytes that are not UTF-8 into cookie "blob", or reports both readings of it.
final class SignedBytesHandler: RequestHandler {
    nonisolated static let blob: [UInt8] = [0xFF, 0x00, 0x41, 0x3B]

    override func get() throws {
        guard getCookie("blob") != nil else {
            try setSignedCookie("blob", Self.blob, expiresDays: nil)
            return
        }
        let bytes = try getSignedCookieBytes("blob")
        write("\(bytes.map { "\($0)" } ?? "nil") \(try getSignedCookie("blob") ?? "nil")")
    }
}

/// GET shows the form field and the token twice; the other methods answer "ok".
final class XSRFFormHandler: RequestHandler {
    override func getCurrentUser() throws -> String? { getCookie("user") }
    override func get() throws {
        write(try xsrfFormHTML() + "\n" + (try xsrfToken) + "\n" + (try xsrfToken))
    }
    override func post() throws { write("ok") }
    override func put() throws { write("ok") }
    override func patch() throws { write("ok") }
    override func delete() throws { write("ok") }
}

/// Opts out of the XSRF check, as an API authenticated otherwise would.
final class XSRFExemptHandler: RequestHandler {
    override func checkXSRFCookie() throws {}
    override func post() throws { write("exempt") }
}

/// The user is the plain cookie "user" (tests only: real apps use a signed cookie).
final class LoginRequiredHandler: RequestHandler {
    override func getCurrentUser() throws -> String? { getCookie("user") }
    override func get() throws { write("hello \(try requireAuthentication())") }
    override func post() throws { write("posted by \(try requireAuthentication())") }
}

/// Requires a user for every method through the class-level switch.
final class ClassLoginRequiredHandler: RequestHandler {
    override class var requiresAuthentication: Bool { true }
    override func getCurrentUser() throws -> String? { getCookie("user") }
    override func get() throws { write("hello \(try currentUser ?? "?")") }
    override func post() throws { write("posted") }
    override func options() throws { write("preflight") }
}

/// Finds its user asynchronously in `prepare` (a header stands in for a database).
final class AsyncUserHandler: RequestHandler {
    override func prepare() async throws {
        await Task.yield()
        setCurrentUser(request.headers["X-Test-User"])
    }
    override func get() throws { write("hello \(try requireAuthentication())") }
}

/// Writes `?size=` bytes of text with Content-Type `?type=` (default text/html),
/// optionally a preset Content-Encoding, Vary or status.
final class CompressibleHandler: RequestHandler {
    override func get() throws {
        let size = Int(try getArgument("size", default: "2000") ?? "") ?? 2000
        try setHeader("Content-Type", try getArgument("type", default: "text/html; charset=UTF-8") ?? "")
        if let encoding = try getArgument("encoding", default: nil) { try setHeader("Content-Encoding", encoding) }
        if let vary = try getArgument("vary", default: nil) { try setHeader("Vary", vary) }
        if let status = try getArgument("status", default: nil).flatMap(Int.init) { try setStatus(status) }
        write(Self.text(size))
    }

    /// `size` bytes of repetitive (compressible) ASCII text.
    nonisolated static func text(_ size: Int) -> [UInt8] {
        let line = Array("Squall compresses text responses when asked to.\n".utf8)
        return (0..<size).map { line[$0 % line.count] }
    }
}

/// Streams a large body with a flush: never compressed.
final class StreamingTextHandler: RequestHandler {
    override func get() async throws {
        write(CompressibleHandler.text(2000))
        try await flush()
        write(CompressibleHandler.text(2000))
    }
}

enum Toolkit {
    static let secretText = "a test secret that is long enough to be realistic"

    /// The application for the toolkit tests, with `configure` applied to its settings.
    static func application(_ configure: (inout ApplicationSettings) throws -> Void = { _ in }) throws -> Application {
        var settings = ApplicationSettings()
        settings.debug = true
        settings.cookieSecret = try CookieSecret(secretText)
        settings.loginURL = "/login"
        try configure(&settings)
        return try Application([
            URLSpec("/cookies/set", CookieSettingHandler.self),
            URLSpec("/cookies/read", CookieReadingHandler.self),
            URLSpec("/signed", SignedCookieHandler.self),
            URLSpec("/signed/bytes", SignedBytesHandler.self),
            URLSpec("/xsrf", XSRFFormHandler.self),
            URLSpec("/xsrf/exempt", XSRFExemptHandler.self),
            URLSpec("/private", LoginRequiredHandler.self),
            URLSpec("/private/class", ClassLoginRequiredHandler.self),
            URLSpec("/private/async", AsyncUserHandler.self),
            URLSpec("/text", CompressibleHandler.self),
            URLSpec("/stream", StreamingTextHandler.self),
            URLSpec.redirect("/old", to: "/new"),
            URLSpec.redirect("/temporary", to: "/elsewhere", permanent: false),
            URLSpec.redirect(#"/swap/([^/]*)/([^/]*)/(.*)"#, to: "/{1}/{0}/{2}"),
            URLSpec.redirect(#"/user/(?P<name>[^/]+)"#, to: "/people/{name}?tab=x#top"),
            URLSpec.redirect("/braces", to: "/{{literal}}"),
            URLSpec.redirect(#"/bad/([0-9]+)"#, to: "/{3}"),
            URLSpec("/unset", RedirectHandler.self),
        ], settings: settings)
    }

    /// Serves `application(configure)`, runs `body`, then stops the server.
    static func withServer<T>(
        _ configure: (inout ApplicationSettings) throws -> Void = { _ in },
        _ body: (TestServer) async throws -> T
    ) async throws -> T {
        let server = try TestServer(application(configure))
        defer { server.stop() }
        return try await body(server)
    }
}

extension TestResponse {
    /// The `Set-Cookie` header values, in order.
    var setCookies: [String] { headers("Set-Cookie") }
}
