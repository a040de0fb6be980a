// RedirectHandler: permanent by default, path-argument substitution, the
// query carried over, and configuration mistakes reported as 500s.
import Foundation
import SquallHTTP
import SquallTesting
@testable import SquallWeb
import Testing

@Suite("RedirectHandler")
struct RedirectHandlerTests {
    @Test(arguments: [
        ("/old", 301, "/new"),
        ("/old?a=1&b=x%20y", 301, "/new?a=1&b=x+y"),
        ("/temporary", 302, "/elsewhere"),
        ("/swap/a/b/c/d", 301, "/b/a/c/d"),
        ("/swap/x%20y/%3F/%25", 301, "/%3F/x%20y/%25"),
        ("/user/ada", 301, "/people/ada?tab=x#top"),
        ("/user/ada?q=1", 301, "/people/ada?tab=x&q=1#top"),
        ("/braces", 301, "/{literal}"),
    ])
    func redirects(path: String, status: Int, location: String) async throws {
        let response = try await Toolkit.withServer { try await $0.fetch(path) }
        #expect(response.status == status)
        #expect(response.header("Location") == location)
    }

    @Test func headIsRedirectedAndOtherMethodsAreNotAllowed() async throws {
        try await Toolkit.withServer { server async throws in
            #expect(try await server.fetch("/old", method: "HEAD").status == 301)
            #expect(try await server.fetch("/old", method: "POST").status == 405)
        }
    }

    @Test func configurationMistakesAreServerErrors() async throws {
        try await Toolkit.withServer { server async throws in
            let unknownGroup = try await server.fetch("/bad/7")
            #expect(unknownGroup.status == 500)
            #expect(unknownGroup.text.contains("uses {3}, which the route does not capture"))
            let unset = try await server.fetch("/unset")
            #expect(unset.status == 500)
            #expect(unset.text.contains("RedirectHandler.url is not set"))
        }
    }

    @Test func expandFollowsPythonFormatRules() throws {
        let args = PathArguments(positional: ["a", nil, "c"])
        #expect(try RedirectHandler.expand("/{}/{}/{}", with: args) == "/a//c")
        #expect(try RedirectHandler.expand("/{2}{0}", with: args) == "/ca")
        #expect(try RedirectHandler.expand("{{}}{{0}}", with: args) == "{}{0}")
        #expect(try RedirectHandler.expand("/{n}", with: PathArguments(named: ["n": "é/x"])) == "/%C3%A9/x")
        for bad in ["/{", "/}", "/{0", "/{3}", "/{x}", "/{0:>3}"] {
            #expect(throws: HTTPError.self, "\(bad)") { try RedirectHandler.expand(bad, with: args) }
        }
    }
}
