// Bad input gets the right status, a readable message, and a closed connection
// where the byte stream can no longer be trusted.
import Foundation
import Squall
import SquallTesting
import Testing

@Suite("HTTP server errors")
struct HTTPServerErrorTests {
    struct Case: Sendable, CustomStringConvertible {
        let name: String
        let request: String
        let status: Int
        var description: String { name }
    }

    static let malformed: [Case] = [
        Case(name: "garbage request line", request: "HELLO\r\n\r\n", status: 400),
        Case(name: "missing version", request: "GET /\r\nHost: x\r\n\r\n", status: 400),
        Case(name: "missing Host on 1.1", request: "GET / HTTP/1.1\r\n\r\n", status: 400),
        Case(name: "header without colon", request: "GET / HTTP/1.1\r\nHost: x\r\nBroken\r\n\r\n", status: 400),
        Case(name: "space before colon", request: "GET / HTTP/1.1\r\nHost : x\r\n\r\n", status: 400),
        Case(name: "obs-fold", request: "GET / HTTP/1.1\r\nHost: x\r\nX-A: 1\r\n  2\r\n\r\n", status: 400),
        Case(name: "conflicting Content-Length",
             request: "POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\nContent-Length: 4\r\n\r\nabcd", status: 400),
        Case(name: "signed Content-Length", request: "POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: +3\r\n\r\nabc", status: 400),
        Case(name: "Content-Length with Transfer-Encoding",
             request: "POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n",
             status: 400),
        Case(name: "bad chunk size", request: "POST /echo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n", status: 400),
        Case(name: "unknown transfer coding",
             request: "POST /echo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: gzip, chunked\r\n\r\n0\r\n\r\n", status: 501),
        Case(name: "HTTP/2.0 request line", request: "GET / HTTP/2.0\r\nHost: x\r\n\r\n", status: 505),
        Case(name: "body over the limit", request: "POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 999999999999\r\n\r\n", status: 413),
        Case(name: "request line too long", request: "GET /\(String(repeating: "a", count: 20000)) HTTP/1.1\r\nHost: x\r\n\r\n", status: 414),
        Case(name: "headers too large",
             request: "GET / HTTP/1.1\r\nHost: x\r\nX-Big: \(String(repeating: "b", count: 70000))\r\n\r\n", status: 431),
    ]

    @Test(arguments: malformed)
    func malformedRequestsGetTheirStatusAndTheConnectionCloses(_ testCase: Case) async throws {
        let server = try TestServer(makeTestApplication())
        defer { server.stop() }
        let response = try await offLoop {
            let socket = try server.connect()
            try socket.send(testCase.request)
            let response = try TestResponse.read(from: socket)
            #expect(socket.isClosedByPeer(), "connection should close after \(testCase.name)")
            return response
        }
        #expect(response.status == testCase.status, "\(testCase.name): \(response)")
        #expect(response.header("Connection") == "close")
        #expect(!response.text.isEmpty)
    }

    @Test func unknownMethodIs501AndUnimplementedMethodIs405() async throws {
        let server = try TestServer(makeTestApplication())
        defer { server.stop() }
        let unknown = try await server.fetch("/", method: "BREW")
        #expect(unknown.status == 501)
        let notAllowed = try await server.fetch("/", method: "DELETE")
        #expect(notAllowed.status == 405)
        #expect(notAllowed.header("Allow") != nil)
    }

    @Test func unmatchedPathIs404() async throws {
        let server = try TestServer(makeTestApplication())
        defer { server.stop() }
        let response = try await server.fetch("/no/such/page")
        #expect(response.status == 404)
        #expect(response.text.contains("404: Not Found"))
    }

    @Test func thrownHTTPErrorBecomesItsStatus() async throws {
        let server = try TestServer(makeTestApplication())
        defer { server.stop() }
        let response = try await server.fetch("/fail/http")
        #expect(response.status == 418)
        #expect(!response.text.contains("teapot for tests"), "log messages are not shown to clients")
    }

    @Test func unexpectedErrorIs500WithoutDetailsInProduction() async throws {
        let server = try TestServer(makeTestApplication())
        defer { server.stop() }
        let response = try await server.fetch("/fail/other")
        #expect(response.status == 500)
        #expect(!response.text.contains("Boom"))
    }

    @Test func debugModeShowsTheError() async throws {
        var settings = ApplicationSettings()
        settings.debug = true
        let server = try TestServer(makeTestApplication(settings: settings))
        defer { server.stop() }
        let response = try await server.fetch("/fail/other")
        #expect(response.status == 500)
        #expect(response.text.contains("Boom"))
    }

    @Test func headerInjectionIsRefused() async throws {
        let server = try TestServer(makeTestApplication())
        defer { server.stop() }
        let response = try await server.fetch("/fail/injection")
        #expect(response.status == 500)
        #expect(response.header("Set-Cookie") == nil)
        #expect(response.header("X-Evil") == nil)
    }

    @Test func clientThatDisconnectsEarlyDoesNotHurtTheServer() async throws {
        let server = try TestServer(makeTestApplication())
        defer { server.stop() }
        try await offLoop {
            for _ in 0..<20 {
                let socket = try server.connect()
                try socket.send("GET /slow?d=0.01 HTTP/1.1\r\nHost: x\r\n\r\n")
                socket.close()
            }
        }
        try await Task.sleep(nanoseconds: 100_000_000)
        let response = try await server.fetch("/")
        #expect(response.text == "Hello, world")
    }
}
