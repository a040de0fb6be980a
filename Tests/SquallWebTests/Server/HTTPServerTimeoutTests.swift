// Slow and silent clients: timeouts close them, and they never hold up others.
import Foundation
import Squall
import SquallTesting
import Testing

@Suite("HTTP server timeouts and slow clients")
struct HTTPServerTimeoutTests {
    @Test func headerTimeoutAnswers408AndCloses() async throws {
        var settings = ApplicationSettings()
        settings.server.headerTimeout = 0.3
        let server = try TestServer(makeTestApplication(settings: settings))
        defer { server.stop() }
        let response = try await rawExchange(server, "GET / HTTP/1.1\r\nHost: x\r\nX-Slow: ")
        #expect(response.hasPrefix("HTTP/1.1 408 "))
    }

    @Test func silentConnectionIsClosedByTheHeaderTimeout() async throws {
        var settings = ApplicationSettings()
        settings.server.headerTimeout = 0.3
        let server = try TestServer(makeTestApplication(settings: settings))
        defer { server.stop() }
        let closed = try await offLoop { try server.connect().isClosedByPeer() }
        #expect(closed)
    }

    @Test func idleKeepAliveConnectionIsClosed() async throws {
        var settings = ApplicationSettings()
        settings.server.idleConnectionTimeout = 0.3
        let server = try TestServer(makeTestApplication(settings: settings))
        defer { server.stop() }
        let (status, closed) = try await offLoop {
            let socket = try server.connect()
            try socket.send("GET / HTTP/1.1\r\nHost: x\r\n\r\n")
            let status = try TestResponse.read(from: socket).status
            return (status, socket.isClosedByPeer())
        }
        #expect(status == 200)
        #expect(closed)
    }

    @Test func bodyTimeoutAnswers408() async throws {
        var settings = ApplicationSettings()
        settings.server.bodyTimeout = 0.3
        let server = try TestServer(makeTestApplication(settings: settings))
        defer { server.stop() }
        let response = try await rawExchange(server, "POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 10\r\n\r\nabc")
        #expect(response.hasPrefix("HTTP/1.1 408 "))
    }

    @Test func slowAndSilentClientsDoNotBlockOthers() async throws {
        let server = try TestServer(makeTestApplication())
        defer { server.stop() }
        let responses = try await offLoop {
            // Ten clients that trickle half a request head and then go quiet…
            let silent = try (0..<10).map { _ in
                let socket = try server.connect()
                try socket.send("GET / HTTP/1.1\r\nHo")
                return socket
            }
            // …and one that asks for a large response and never reads it.
            let stalled = try server.connect()
            try stalled.send("POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 4000000\r\n\r\n"
                + String(repeating: "x", count: 4_000_000))
            var statuses: [Int] = []
            for _ in 0..<5 {
                let socket = try server.connect()
                try socket.send("GET / HTTP/1.1\r\nHost: x\r\n\r\n")
                statuses.append(try TestResponse.read(from: socket).status)
            }
            withExtendedLifetime((silent, stalled)) {}
            return statuses
        }
        #expect(responses == [200, 200, 200, 200, 200])
    }
}
