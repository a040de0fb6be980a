// StaticFileHandler's ordinary responses over real sockets: headers, content
// types, caching, HEAD, directories, errors, and a large streamed file.
import Foundation
import Squall
import SquallTesting
import Testing

@Suite("StaticFileHandler")
struct StaticFileHandlerTests {
    @Test func servesAFileWithValidatorsAndSafetyHeaders() async throws {
        let css = "body { color: red }"
        let response = try await withStaticServer(["static/css/site.css": css], modified: 1_700_000_000) { server, _ in
            try await server.fetch("/static/css/site.css")
        }
        #expect(response.status == 200)
        #expect(response.text == css)
        #expect(response.header("Content-Length") == "19")
        #expect(response.header("Content-Type") == "text/css; charset=UTF-8")
        #expect(response.header("X-Content-Type-Options") == "nosniff")
        #expect(response.header("Accept-Ranges") == "bytes")
        #expect(response.header("ETag") == "\"\(expectedVersion(Array(css.utf8)))\"")
        #expect(response.header("Last-Modified") == HTTPDate.string(fromUnixTime: 1_700_000_000))
        #expect(response.header("Cache-Control") == nil)
        #expect(response.header("Expires") == nil)
    }

    @Test(arguments: [
        ("a.css", "text/css; charset=UTF-8"), ("a.js", "text/javascript; charset=UTF-8"),
        ("a.html", "text/html; charset=UTF-8"), ("a.txt", "text/plain; charset=UTF-8"),
        ("a.png", "image/png"), ("a.json", "application/json"), ("a.svg", "image/svg+xml"),
        ("a.woff2", "font/woff2"), ("a.tar.gz", "application/gzip"), ("a.unknownext", "application/octet-stream"),
        ("README", "application/octet-stream"),
    ])
    func contentTypeFollowsTheExtension(name: String, type: String) async throws {
        let response = try await withStaticServer(["static/" + name: "x"]) { server, _ in
            try await server.fetch("/static/" + name)
        }
        #expect(response.status == 200)
        #expect(response.header("Content-Type") == type)
        #expect(response.header("X-Content-Type-Options") == "nosniff")
    }

    @Test func versionedRequestsAreCachedForAYear() async throws {
        try await withStaticServer(["static/app.js": "let a = 1"]) { server, _ in
            let versioned = try await server.fetch("/static/app.js?v=0123abcd")
            #expect(versioned.status == 200)
            #expect(versioned.header("Cache-Control") == "max-age=31536000")
            let expires = try #require(versioned.header("Expires").flatMap { HTTPDate.parse($0) })
            #expect(expires > Int(Date().timeIntervalSince1970) + 364 * 86_400)
            let plain = try await server.fetch("/static/app.js?x=1")
            #expect(plain.header("Cache-Control") == nil)
        }
    }

    @Test func headSendsTheHeadersAndLengthWithoutBody() async throws {
        let response = try await withStaticServer(["static/a.txt": "hello static"]) { server, _ in
            try await server.fetch("/static/a.txt", method: "HEAD")
        }
        #expect(response.status == 200)
        #expect(response.body.isEmpty)
        #expect(response.header("Content-Length") == "12")
        #expect(response.header("ETag") == "\"\(expectedVersion(Array("hello static".utf8)))\"")
    }

    @Test func fiveMebibyteFileIsStreamedByteForByte() async throws {
        let content = pseudoRandomBytes(5 * 1024 * 1024)
        try await withStaticServer { server, fixture in
            try fixture.write("static/big.bin", content)
            let response = try await server.fetch("/static/big.bin")
            #expect(response.status == 200)
            #expect(response.header("Content-Length") == String(content.count))
            #expect(!response.wasChunked)
            #expect(response.body == content)
            #expect(response.header("ETag") == "\"\(expectedVersion(content))\"")
            let head = try await server.fetch("/static/big.bin", method: "HEAD")
            #expect(head.header("Content-Length") == String(content.count))
            #expect(head.body.isEmpty)
            let middle = try await server.fetch("/static/big.bin", headers: [("Range", "bytes=100000-300000")])
            #expect(middle.status == 206)
            #expect(middle.body == Array(content[100_000...300_000]))
            #expect(middle.header("Content-Range") == "bytes 100000-300000/\(content.count)")
        }
    }

    @Test func emptyFileHasZeroLength() async throws {
        let response = try await withStaticServer(["static/empty.txt": ""]) { server, _ in
            try await server.fetch("/static/empty.txt")
        }
        #expect(response.status == 200)
        #expect(response.header("Content-Length") == "0")
        #expect(response.body.isEmpty)
    }

    @Test func directoriesAreForbiddenWithoutDefaultFilename() async throws {
        try await withStaticServer(["static/docs/index.html": "docs index"]) { server, _ throws in
            #expect(try await server.fetch("/static/docs/").status == 403)
            #expect(try await server.fetch("/static/docs").status == 403)
            #expect(try await server.fetch("/static/").status == 403)
        }
    }

    @Test func defaultFilenameServesIndexAndRedirectsToTheSlashForm() async throws {
        let files = ["static/index.html": "root index", "static/docs/index.html": "docs index"]
        try await withStaticServer(files) { server, fixture in
            try fixture.makeDirectory("static/empty")
            #expect(try await server.fetch("/files/docs/").text == "docs index")
            #expect(try await server.fetch("/files/").text == "root index")
            let redirect = try await server.fetch("/files/docs?lang=en")
            #expect(redirect.status == 301)
            #expect(redirect.header("Location") == "/files/docs/?lang=en")
            #expect(try await server.fetch("/files/empty/").status == 404)
            #expect(try await server.fetch("/files/docs/index.html").header("Content-Type") == "text/html; charset=UTF-8")
        }
    }

    @Test func missingFilesAndOtherMethodsAreRefused() async throws {
        try await withStaticServer(["static/a.txt": "a"]) { server, _ throws in
            #expect(try await server.fetch("/static/nope.txt").status == 404)
            #expect(try await server.fetch("/static/a.txt/more").status == 404)
            #expect(try await server.fetch("/static/a.txt", method: "POST").status == 405)
            #expect(try await server.fetch("/static/a.txt", method: "DELETE").status == 405)
        }
    }

    @Test func unsetOrMissingRootIsAServerSideError() async throws {
        try await withStaticServer { server, fixture throws in
            #expect(try await server.fetch("/unrooted/a.txt").status == 500)
            fixture.remove()
            #expect(try await server.fetch("/static/a.txt").status == 404)
        }
    }

    @Test func symlinksInsideTheRootAreServed() async throws {
        try await withStaticServer(["static/real/data.txt": "linked data"]) { _, fixture in
            try fixture.link("static/alias.txt", to: "real/data.txt")
            try fixture.link("static/aliasdir", to: fixture.root + "/real")
            try fixture.link("rootlink", to: "static")
            var settings = fixture.settings()
            settings.staticPath = fixture.base + "/rootlink"
            let server = try fixture.server(settings: settings)
            defer { server.stop() }
            #expect(try await server.fetch("/static/alias.txt").text == "linked data")
            #expect(try await server.fetch("/static/aliasdir/data.txt").text == "linked data")
        }
    }

    @Test func faviconAndRobotsAreServedFromTheStaticRoot() async throws {
        try await withStaticServer(["static/robots.txt": "User-agent: *"]) { server, fixture in
            try fixture.write("static/favicon.ico", [0, 0, 1, 0])
            #expect(try await server.fetch("/robots.txt").text == "User-agent: *")
            let icon = try await server.fetch("/favicon.ico")
            #expect(icon.body == [0, 0, 1, 0])
            #expect(icon.header("Content-Type") == "image/vnd.microsoft.icon")
        }
    }
}
