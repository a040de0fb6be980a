// Authentication through handlers: the login redirect with `next`, 403 for
// unsafe methods, the class-level switch, and a user found in `prepare`.
import Foundation
import SquallCore
import SquallHTTP
import SquallTesting
import SquallWeb
import Testing

@Suite("Authentication")
struct AuthenticationTests {
    @Test func aLoggedInUserGetsThrough() async throws {
        try await Toolkit.withServer { server async throws in
            let get = try await server.fetch("/private", headers: [("Cookie", "user=ada")])
            #expect(get.text == "hello ada")
            let post = try await server.fetch("/private", method: "POST", headers: [("Cookie", "user=ada")])
            #expect(post.text == "posted by ada")
        }
    }

    @Test(arguments: [
        ("/login", "/private?a=1&b=x%20y", "/login?next=%2Fprivate%3Fa%3D1%26b%3Dx%2520y"),
        ("/login?lang=fr", "/private", "/login?lang=fr&next=%2Fprivate"),
        ("/login?", "/private", "/login?next=%2Fprivate"),
        ("/login?next=%2Fhome", "/private", "/login?next=%2Fhome"),
    ])
    func getWithoutAUserIsRedirectedToTheLoginPage(loginURL: String, path: String, location: String) async throws {
        try await Toolkit.withServer({ $0.loginURL = loginURL }) { server async throws in
            let response = try await server.fetch(path)
            #expect(response.status == 302)
            #expect(response.header("Location") == location)
            #expect(response.body.isEmpty)
        }
    }

    @Test func anAbsoluteLoginURLGetsTheFullURLAsNext() async throws {
        try await Toolkit.withServer({ $0.loginURL = "https://auth.example.com/login" }) { server async throws in
            let response = try await server.fetch("/private?x=1")
            let next = PercentEncoding.encode("http://127.0.0.1:\(server.port)/private?x=1")
            #expect(response.header("Location") == "https://auth.example.com/login?next=\(next)")
        }
    }

    @Test func headIsRedirectedAndAnEmptyUserCountsAsNone() async throws {
        try await Toolkit.withServer { server async throws in
            #expect(try await server.fetch("/private", method: "HEAD").status == 302)
            #expect(try await server.fetch("/private", headers: [("Cookie", "user=")]).status == 302)
        }
    }

    @Test func unsafeMethodsWithoutAUserGet403() async throws {
        try await Toolkit.withServer { server async throws in
            let response = try await server.fetch("/private", method: "POST")
            #expect(response.status == 403)
            #expect(response.header("Location") == nil)
        }
    }

    @Test func aMissingLoginURLIsAServerError() async throws {
        try await Toolkit.withServer({ $0.loginURL = nil }) { server async throws in
            let response = try await server.fetch("/private")
            #expect(response.status == 500)
            #expect(response.text.contains("loginURL not set"))
        }
    }

    @Test func theClassLevelSwitchGuardsEveryMethodButOptions() async throws {
        try await Toolkit.withServer { server async throws in
            #expect(try await server.fetch("/private/class").header("Location") == "/login?next=%2Fprivate%2Fclass")
            #expect(try await server.fetch("/private/class", method: "POST").status == 403)
            #expect(try await server.fetch("/private/class", method: "OPTIONS").text == "preflight")
            #expect(try await server.fetch("/private/class", headers: [("Cookie", "user=ada")]).text == "hello ada")
        }
    }

    @Test func aUserSetInAsyncPrepareIsUsed() async throws {
        try await Toolkit.withServer { server async throws in
            #expect(try await server.fetch("/private/async", headers: [("X-Test-User", "ada")]).text == "hello ada")
            #expect(try await server.fetch("/private/async").status == 302)
        }
    }
}
