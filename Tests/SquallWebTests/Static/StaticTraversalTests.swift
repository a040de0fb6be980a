// Path traversal: every probe that tries to leave the static root (dot segments
// raw and encoded, backslashes, NUL, absolute paths, double encoding, symlinks out
// of the root and to a sibling whose name extends the root's) gets 403/404 (400
// when the router rejects the encoding) and never the content it aimed at.
import Foundation
import Glibc
import Squall
@testable import SquallWeb
import SquallTesting
import Testing

@Suite("Static path traversal")
struct StaticTraversalTests {
    /// Runs `body` with a server over the root, secrets outside it, and the
    /// symlinks and FIFO the probes use.
    private func withTraversalServer(_ body: (TestServer) async throws -> Void) async throws {
        let files = ["static/ok.txt": "fine", "static/sub/inner.txt": "inner",
                     "secret.txt": "TOP-SECRET-parent", "static-evil/secret.txt": "TOP-SECRET-sibling"]
        try await withStaticServer(files) { server, fixture in
            try fixture.link("static/passwd", to: "/etc/passwd")
            try fixture.link("static/etc", to: "/etc")
            try fixture.link("static/evil", to: fixture.base + "/static-evil")
            try fixture.link("static/evil-rel", to: "../static-evil")
            try fixture.link("static/up.txt", to: "../secret.txt")
            guard mkfifo(fixture.root + "/fifo", 0o644) == 0 else { throw TestClientError("mkfifo failed") }
            try await body(server)
        }
    }

    static let probes: [(String, Int)] = [
        ("/static/../secret.txt", 403),
        ("/static/..%2fsecret.txt", 403),
        ("/static/..%2Fsecret.txt", 403),
        ("/static/%2e%2e/secret.txt", 403),
        ("/static/%2E%2E%2Fsecret.txt", 403),
        ("/static/sub/..%2f..%2fsecret.txt", 403),
        ("/static/sub%2f..%2f..%2fsecret.txt", 403),
        ("/static/sub/../../secret.txt", 403),
        ("/static/./../secret.txt", 403),
        ("/static/../static-evil/secret.txt", 403),
        ("/static/../../../../../../../../etc/passwd", 403),
        ("/static/....//secret.txt", 404),
        ("/static/..\\secret.txt", 403),
        ("/static/..%5csecret.txt", 403),
        ("/static/\\etc\\passwd", 403),
        ("/static/ok.txt%00.png", 403),
        ("/static/%00", 403),
        ("/static//etc/passwd", 403),
        ("/static/%2fetc%2fpasswd", 403),
        ("/static/%252e%252e/secret.txt", 404),
        ("/static/..%252fsecret.txt", 404),
        ("/static/%c0%ae%c0%ae/secret.txt", 400),
        ("/static/passwd", 403),
        ("/static/etc/passwd", 403),
        ("/static/evil/secret.txt", 403),
        ("/static/evil-rel/secret.txt", 403),
        ("/static/up.txt", 403),
        ("/static/fifo", 403),
        ("/files/..%2f", 403),
        ("/files/evil/", 403),
    ]

    @Test func probesNeverLeaveTheRoot() async throws {
        try await withTraversalServer { server in
            #expect(try await server.fetch("/static/ok.txt").text == "fine")
            for (path, status) in Self.probes {
                let response = try await server.fetch(path)
                #expect(response.status == status, "\(path)")
                #expect(!response.text.contains("TOP-SECRET"), "\(path)")
                #expect(!response.text.contains("root:"), "\(path)")
            }
        }
    }

    @Test func dotSegmentsAreRefusedEvenWhenTheyStayInside() async throws {
        try await withTraversalServer { server throws in
            #expect(try await server.fetch("/static/sub/../ok.txt").status == 403)
            #expect(try await server.fetch("/static/./sub/inner.txt").text == "inner")
        }
    }

    @Test func rawNulInTheTargetIsRejectedByTheParser() async throws {
        try await withTraversalServer { server in
            let request = Array("GET /static/ok.txt".utf8) + [0] + Array(".png HTTP/1.1\r\nHost: x\r\n\r\n".utf8)
            let reply = try await server.exchangeRaw(request)
            #expect(String(decoding: reply, as: UTF8.self).hasPrefix("HTTP/1.1 400"))
        }
    }

    @Test func segmentCheckAndContainmentOnTheirOwn() {
        #expect(StaticPath.isInside("/srv/static/a", root: "/srv/static"))
        #expect(StaticPath.isInside("/srv/static", root: "/srv/static"))
        #expect(!StaticPath.isInside("/srv/static-evil/a", root: "/srv/static"))
        #expect(!StaticPath.isInside("/srv/staticx", root: "/srv/static"))
        #expect(StaticPath.isInside("/etc/passwd", root: "/"))
        // Canonically equivalent but different bytes: é precomposed vs e + combining acute.
        #expect(!StaticPath.isInside("/srv/cafe\u{301}/a", root: "/srv/caf\u{e9}"))
        for bad in ["..", "a/../b", "a/..", "/abs", "a\\b", "a\u{0}b"] {
            #expect(throws: HTTPError.self, "\(bad.debugDescription)") { try StaticPath.checkSegments(bad) }
        }
        for good in ["", "a", "a/b.c", "...", "a/..b", "..a", "a//b", "./a"] {
            #expect(throws: Never.self, "\(good.debugDescription)") { try StaticPath.checkSegments(good) }
        }
    }
}
