// Blog: Tornado's blog demo in Squall, with the entries kept in memory instead of
// MySQL. It shows template inheritance (`templates/base.html` and its blocks), a
// UI module (`modules/entry.html`), login with a signed cookie, pages that need
// the author (`requiresAuthentication`), and XSRF-protected forms.
//
//     swift run Blog                          # prints the URL and a password
//     swift run Blog --user ann --password s3cret --port 9000
import Foundation
import Squall

let options = OptionParser()
let port = try options.define("port", default: 8888, help: "port to listen on (0 = any free port)")
let address = try options.define("address", default: "127.0.0.1", help: "address to listen on (\"\" = all)")
let debug = try options.define("debug", default: false, help: "reload templates, show errors in pages")
let user = try options.define("user", default: "admin", help: "the author's login name")
let password = try options.define("password", type: String.self, help: "the author's password (default: random)")
let cookieSecret = try options.define("cookie-secret", type: String.self,
                                      help: "key for signed cookies (default: random, logins end at restart)")
_ = options.parseCommandLineOrExit()

/// The application: routes, and settings with templates and static files found
/// next to this source file (as Tornado's demos use `os.path.dirname(__file__)`).
func makeApplication(blog: Blog) throws -> Application {
    let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    var settings = ApplicationSettings()
    settings.debug = debug.value
    settings.templatePath = folder.appendingPathComponent("templates").path
    settings.staticPath = folder.appendingPathComponent("static").path
    settings.cookieSecret = try cookieSecret.value.map { try CookieSecret($0) }
        ?? CookieSecret((0..<32).map { _ in UInt8.random(in: .min ... .max) })
    settings.xsrfCookies = true
    settings.loginURL = "/auth/login"
    return try Application([
        blog.route("/", HomeHandler.self, name: "home"),
        blog.route("/archive", ArchiveHandler.self, name: "archive"),
        blog.route("/entry/([^/]+)", EntryHandler.self, name: "entry"),
        blog.route("/compose", ComposeHandler.self, name: "compose"),
        blog.route("/auth/login", AuthLoginHandler.self, name: "login"),
        blog.route("/auth/logout", AuthLogoutHandler.self, name: "logout"),
    ], settings: settings)
}

let authorPassword = password.value ?? AuthorCredentials.randomPassword()
do {
    let blog = Blog(author: AuthorCredentials(name: user.value, password: authorPassword))
    let server = try makeApplication(blog: blog).listen(port: port.value, address: address.value)
    let host = address.value.isEmpty ? "127.0.0.1" : address.value
    // Straight to stdout, unbuffered: scripts and tests read the port from this line.
    let url = "http://\(host.contains(":") ? "[\(host)]" : host):\(server.port)/"
    FileHandle.standardOutput.write(Data("Blog running at \(url)\n".utf8))
    let login = "Log in as \(user.value.debugDescription) with password \(authorPassword.debugDescription)"
    FileHandle.standardOutput.write(Data((login + "\n").utf8))
} catch {
    FileHandle.standardError.write(Data("Blog: cannot start: \(error)\n".utf8))
    exit(1)
}
IOLoop.current.start()
