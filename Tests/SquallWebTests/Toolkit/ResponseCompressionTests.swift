// Gzip of whole responses: when it applies, the headers it sets, and the
// Accept-Encoding rules.
import Foundation
import SquallCompression
import SquallHTTP
import SquallTesting
@testable import SquallWeb
import Testing

@Suite("Response compression")
struct ResponseCompressionTests {
    private func gzipOn(_ settings: inout ApplicationSettings) { settings.compressResponse = true }
    private let acceptGzip = [("Accept-Encoding", "gzip, deflate, br")]

    @Test func compressesLargeTextForClientsThatAcceptGzip() async throws {
        try await Toolkit.withServer(gzipOn) { server async throws in
            let response = try await server.fetch("/text?size=5000", headers: acceptGzip)
            #expect(response.status == 200)
            #expect(response.header("Content-Encoding") == "gzip")
            #expect(response.header("Vary") == "Accept-Encoding")
            #expect(response.header("Content-Length") == String(response.body.count))
            #expect(response.body.count < 1000)
            #expect(try Gzip.decompress(response.body) == CompressibleHandler.text(5000))
        }
    }

    @Test func headReportsTheCompressedLength() async throws {
        try await Toolkit.withServer(gzipOn) { server async throws in
            let get = try await server.fetch("/text?size=5000", headers: acceptGzip)
            let head = try await server.fetch("/text?size=5000", method: "HEAD", headers: acceptGzip)
            #expect(head.header("Content-Encoding") == "gzip")
            #expect(head.header("Content-Length") == get.header("Content-Length"))
        }
    }

    @Test(arguments: [
        ("/text?size=1023", [("Accept-Encoding", "gzip")]),
        ("/text?size=5000", [(String, String)]()),
        ("/text?size=5000", [("Accept-Encoding", "gzip;q=0, deflate")]),
        ("/text?size=5000", [("Accept-Encoding", "identity")]),
        ("/text?size=5000&encoding=br", [("Accept-Encoding", "gzip")]),
        ("/text?size=5000&status=206", [("Accept-Encoding", "gzip")]),
    ])
    func leavesTheBodyAloneButStillVaries(path: String, headers: [(String, String)]) async throws {
        try await Toolkit.withServer(gzipOn) { server async throws in
            let response = try await server.fetch(path, headers: headers)
            #expect(response.header("Content-Encoding") != "gzip")
            #expect(response.header("Vary") == "Accept-Encoding")
            #expect(response.body.count == (path.contains("1023") ? 1023 : 5000))
        }
    }

    @Test func nonCompressibleTypesAreNotCompressedNorVaried() async throws {
        try await Toolkit.withServer(gzipOn) { server async throws in
            let response = try await server.fetch("/text?size=5000&type=image/png", headers: acceptGzip)
            #expect(response.header("Content-Encoding") == nil)
            #expect(response.header("Vary") == nil)
            #expect(response.body.count == 5000)
        }
    }

    @Test func anExistingVaryIsExtendedOnce() async throws {
        try await Toolkit.withServer(gzipOn) { server async throws in
            let cookie = try await server.fetch("/text?size=5000&vary=Cookie", headers: acceptGzip)
            #expect(cookie.headers("Vary") == ["Cookie", "Accept-Encoding"])
            let already = try await server.fetch("/text?size=5000&vary=accept-encoding", headers: acceptGzip)
            #expect(already.headers("Vary") == ["accept-encoding"])
            #expect(already.header("Content-Encoding") == "gzip")
        }
    }

    @Test func offByDefaultAndForStreamedResponses() async throws {
        try await Toolkit.withServer { server async throws in
            let response = try await server.fetch("/text?size=5000", headers: acceptGzip)
            #expect(response.header("Content-Encoding") == nil)
            #expect(response.header("Vary") == nil)
        }
        try await Toolkit.withServer(gzipOn) { server async throws in
            let streamed = try await server.fetch("/stream", headers: acceptGzip)
            #expect(streamed.wasChunked)
            #expect(streamed.header("Content-Encoding") == nil)
            #expect(streamed.body == CompressibleHandler.text(2000) + CompressibleHandler.text(2000))
        }
    }

    @Test func acceptEncodingRules() {
        let accepts: [(String, Bool)] = [
            ("gzip", true), ("GZIP", true), ("x-gzip", true), ("deflate, gzip;q=0.5", true),
            ("gzip;q=0", false), ("gzip; q=0.000", false), ("gzip;q=abc", false), ("gzip;q=2", false),
            ("*", true), ("*;q=0", false), ("gzip;q=0, *", false), ("*;q=0, gzip", true),
            ("identity", false), ("", false), ("br, deflate", false), ("gzipx", false),
        ]
        for (header, expected) in accepts {
            #expect(ResponseCompression.acceptsGzip([header]) == expected, "\(header)")
        }
        #expect(ResponseCompression.acceptsGzip([]) == false)
        #expect(ResponseCompression.acceptsGzip(["br", "gzip"]) == true, "several header lines")
    }
}
