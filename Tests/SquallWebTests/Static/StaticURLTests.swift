// staticURL: the content version in `?v=`, its process-wide cache, the refresh in
// debug mode, unversioned fallbacks, encoding, and the routes Application installs.
import Foundation
import Squall
import SquallTesting
import Testing

@Suite("staticURL")
struct StaticURLTests {
    @Test func urlCarriesTheContentVersionThatMatchesTheETag() async throws {
        try await withStaticServer(["static/js/app.js": "console.log(1)"]) { server, _ in
            let url = try await server.fetch("/url/js/app.js").text
            let version = expectedVersion(Array("console.log(1)".utf8))
            #expect(url == "/static/js/app.js?v=" + version)
            let served = try await server.fetch(url)
            #expect(served.text == "console.log(1)")
            #expect(served.header("ETag") == "\"\(version)\"")
            #expect(served.header("Cache-Control") == "max-age=31536000")
        }
    }

    @Test func versionIsCachedOutsideDebugMode() async throws {
        try await withStaticServer(["static/app.css": "a{}"]) { server, fixture in
            let first = try await server.fetch("/url/app.css").text
            try fixture.write("static/app.css", "a{color:blue}")
            #expect(try await server.fetch("/url/app.css").text == first)
            // The handler itself always checks the file, so its ETag follows the edit.
            let served = try await server.fetch("/static/app.css")
            #expect(served.header("ETag") == "\"\(expectedVersion(Array("a{color:blue}".utf8)))\"")
        }
    }

    @Test func debugModeRehashesAChangedFile() async throws {
        try await withStaticServer(["static/app.css": "a{}"], debug: true) { server, fixture in
            let first = try await server.fetch("/url/app.css").text
            #expect(first == "/static/app.css?v=" + expectedVersion(Array("a{}".utf8)))
            try fixture.write("static/app.css", "a{color:blue}")
            let refreshed = try await server.fetch("/url/app.css").text
            #expect(refreshed == "/static/app.css?v=" + expectedVersion(Array("a{color:blue}".utf8)))
        }
    }

    @Test func missingOrEscapingFilesGetNoVersion() async throws {
        try await withStaticServer(["secret.txt": "outside"]) { server, fixture in
            try fixture.makeDirectory("static/dir")
            #expect(try await server.fetch("/url/missing.js").text == "/static/missing.js")
            #expect(try await server.fetch("/url/..%2fsecret.txt").text == "/static/../secret.txt")
            #expect(try await server.fetch("/url/dir").text == "/static/dir")
        }
    }

    @Test func pathIsPercentEncoded() async throws {
        try await withStaticServer(["static/my file#1.txt": "spaced"]) { server, _ in
            let url = try await server.fetch("/url/my%20file%231.txt").text
            #expect(url == "/static/my%20file%231.txt?v=" + expectedVersion(Array("spaced".utf8)))
            #expect(try await server.fetch(url).text == "spaced")
        }
    }

    @Test func withoutStaticPathTheURLIsUnversioned() async throws {
        let server = try TestServer(Application([URLSpec("/url/(.*)", StaticURLHandler.self)]))
        defer { server.stop() }
        #expect(try await server.fetch("/url/a.js").text == "/static/a.js")
    }

    @Test func applicationRoutesEscapeThePrefixAndNeedAStaticPath() {
        var settings = ApplicationSettings()
        #expect(StaticFileHandler.applicationRoutes(for: settings).isEmpty)
        settings.staticPath = "/srv/static"
        settings.staticURLPrefix = "/assets.v1/"
        let patterns = StaticFileHandler.applicationRoutes(for: settings).map(\.pattern)
        #expect(patterns == [#"/assets\.v1/(.*)"#, #"/(favicon\.ico)"#, #"/(robots\.txt)"#])
    }

    @Test func customPrefixIsServed() async throws {
        try await withStaticServer(["static/a.txt": "prefixed"]) { _, fixture in
            var settings = fixture.settings()
            settings.staticURLPrefix = "/assets.v1/"
            let server = try fixture.server(settings: settings)
            defer { server.stop() }
            #expect(try await server.fetch("/assets.v1/a.txt").text == "prefixed")
            #expect(try await server.fetch("/assetsXv1/a.txt").status == 404)
        }
    }
}
