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
        let app = try Application([URLSpec("/gate", GateHandler.self)])
        let server = try TestServer(app)
        let inFlight = Task { try await server.fetch("/gate") }
        // Wait until the request is inside its handler (no fixed sleep: the machine may be slow).
        while await !GateHandler.isWaiting() { try await Task.sleep(nanoseconds: 10_000_000) }
        let httpServer = server.server
        let drained = Task {
            await withCheckedContinuation { continuation in
                IOLoop.current.addCallback { httpServer.shutdown { continuation.resume(returning: true) } }
            }
        }
        // Shutdown stops accepting at once…
        var refused = false
        for _ in 0..<500 where !refused {
            refused = (try? server.connect()) == nil
            if !refused { try await Task.sleep(nanoseconds: 10_000_000) }
        }
        #expect(refused)
        // …and the request in flight still gets its answer.
        await GateHandler.open()
        let response = try await inFlight.value
        #expect(response.text == "gate passed")
        #expect(await drained.value)
    }
}

/// Holds its request until the test opens the gate.
final class GateHandler: RequestHandler {
    private static var waiting: CheckedContinuation<Void, Never>?

    static func isWaiting() -> Bool { waiting != nil }

    static func open() {
        waiting?.resume()
        waiting = nil
    }

    override func get() async throws {
        await withCheckedContinuation { Self.waiting = $0 }
        write("gate passed")
    }
}
