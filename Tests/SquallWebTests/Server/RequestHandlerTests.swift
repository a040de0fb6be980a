// RequestHandler behaviour: routing arguments, reverse URLs, JSON, redirects,
// async methods on the loop thread, graceful shutdown.
import Foundation
import Squall
import SquallTesting
import Testing

@Suite("RequestHandler")
struct RequestHandlerTests {
    @Test func positionalPathArgumentsArePercentDecoded() async throws {
        let server = try TestServer(makeTestApplication())
        defer { server.stop() }
        let response = try await server.fetch("/args/abc/42")
        let captured = try JSONDecoder().decode(ArgsHandler.Captured.self, from: Data(response.body))
        #expect(captured == ArgsHandler.Captured(positional: ["abc", "42"], named: [:]))
        #expect(response.header("Content-Type") == "application/json; charset=UTF-8")
    }

    @Test func namedGroupsBecomeKeywordArguments() async throws {
        let server = try TestServer(makeTestApplication())
        defer { server.stop() }
        let response = try await server.fetch("/named/J%C3%BCrgen%20K/posts")
        let captured = try JSONDecoder().decode(ArgsHandler.Captured.self, from: Data(response.body))
        #expect(captured.named == ["user": "Jürgen K", "tab": "posts"])
        #expect(captured.positional.isEmpty)
    }

    @Test func reverseURLFillsTheGroups() throws {
        let app = try makeTestApplication()
        #expect(try app.reverseURL("args", "xyz", 7) == "/args/xyz/7")
        #expect(throws: RouteError.self) { try app.reverseURL("nope") }
    }

    @Test func redirectSetsLocationAndStatus() async throws {
        let server = try TestServer(makeTestApplication())
        defer { server.stop() }
        let temporary = try await server.fetch("/redirect/temp")
        #expect(temporary.status == 302)
        #expect(temporary.header("Location") == "/")
        let permanent = try await server.fetch("/redirect/permanent")
        #expect(permanent.status == 301)
    }

    @Test func asyncHandlerRunsOnTheLoopThread() async throws {
        let server = try TestServer(makeTestApplication())
        defer { server.stop() }
        let response = try await server.fetch("/slow?d=0.05")
        #expect(response.text == "slow done on loop: true")
    }

    @Test func headWorksWhereverGetDoes() async throws {
        let server = try TestServer(makeTestApplication())
        defer { server.stop() }
        let response = try await server.fetch("/args/a/1", method: "HEAD")
        #expect(response.status == 200)
        #expect(response.body.isEmpty)
        #expect(response.header("Content-Length") == "35")
    }

    @Test func gracefulShutdownFinishesInFlightRequestsAndRefusesNewOnes() async throws {
        let server = try TestServer(makeTestApplication())
        let inFlight = Task { try await server.fetch("/slow?d=0.5") }
        try await Task.sleep(nanoseconds: 150_000_000)
        let httpServer = server.server
        let drained = await withCheckedContinuation { continuation in
            IOLoop.current.addCallback {
                httpServer.shutdown { continuation.resume(returning: true) }
            }
        }
        #expect(drained)
        let response = try await inFlight.value
        #expect(response.text == "slow done on loop: true")
        #expect(throws: TestClientError.self) { try server.connect() }
    }
}
