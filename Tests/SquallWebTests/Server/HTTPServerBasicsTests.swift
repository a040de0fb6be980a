// The HTTP server's ordinary behaviour over real loopback sockets: responses,
// keep-alive, pipelining, HEAD, HTTP/1.0, chunked bodies, 100-continue, IPv6.
import Foundation
import Squall
import SquallTesting
import Testing

@Suite("HTTP server basics")
struct HTTPServerBasicsTests {
    @Test func helloWorld() async throws {
        let server = try TestServer(makeTestApplication())
        defer { server.stop() }
        let response = try await server.fetch("/")
        #expect(response.status == 200)
        #expect(response.text == "Hello, world")
        #expect(response.header("Content-Length") == "12")
        #expect(response.header("Content-Type") == "text/plain; charset=UTF-8")
        #expect(response.header("Server") == "Squall")
        let date = try #require(response.header("Date"))
        #expect(HTTPDate.parse(date) != nil)
    }

    @Test func keepAliveServesSeveralRequestsOnOneConnection() async throws {
        let server = try TestServer(makeTestApplication())
        defer { server.stop() }
        let statuses = try await offLoop {
            let socket = try server.connect()
            var statuses: [Int] = []
            for _ in 0..<5 {
                try socket.send("GET / HTTP/1.1\r\nHost: x\r\n\r\n")
                statuses.append(try TestResponse.read(from: socket).status)
            }
            return statuses
        }
        #expect(statuses == [200, 200, 200, 200, 200])
    }

    @Test func pipelinedResponsesComeBackInOrder() async throws {
        let server = try TestServer(makeTestApplication())
        defer { server.stop() }
        let bodies = try await offLoop {
            let socket = try server.connect()
            let requests = "GET /slow?d=0.2 HTTP/1.1\r\nHost: x\r\n\r\n"
                + "POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n\r\nfirst"
                + "GET / HTTP/1.1\r\nHost: x\r\n\r\n"
                + "POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 6\r\nConnection: close\r\n\r\nsecond"
            try socket.send(requests)
            var bodies: [String] = []
            for _ in 0..<4 { bodies.append(try TestResponse.read(from: socket).text) }
            #expect(socket.isClosedByPeer())
            return bodies
        }
        #expect(bodies == ["slow done on loop: true", "first", "Hello, world", "second"])
    }

    @Test func headSendsHeadersWithoutBodyAndKeepsTheConnection() async throws {
        let server = try TestServer(makeTestApplication())
        defer { server.stop() }
        let (head, next) = try await offLoop {
            let socket = try server.connect()
            try socket.send("HEAD / HTTP/1.1\r\nHost: x\r\n\r\n")
            let head = try TestResponse.read(from: socket, forHEAD: true)
            try socket.send("GET / HTTP/1.1\r\nHost: x\r\n\r\n")
            return (head, try TestResponse.read(from: socket))
        }
        #expect(head.status == 200)
        #expect(head.header("Content-Length") == "12")
        #expect(next.text == "Hello, world")
    }

    @Test func http10ClosesUnlessKeepAliveIsAsked() async throws {
        let server = try TestServer(makeTestApplication())
        defer { server.stop() }
        let plain = try await rawExchange(server, "GET / HTTP/1.0\r\n\r\n")
        #expect(plain.hasPrefix("HTTP/1.1 200 OK\r\n"))
        #expect(plain.contains("Connection: close\r\n"))
        #expect(plain.hasSuffix("Hello, world"))
        let kept = try await offLoop {
            let socket = try server.connect()
            try socket.send("GET / HTTP/1.0\r\nConnection: keep-alive\r\n\r\n")
            let first = try TestResponse.read(from: socket)
            try socket.send("GET / HTTP/1.0\r\nConnection: keep-alive\r\n\r\n")
            return (first, try TestResponse.read(from: socket))
        }
        #expect(kept.0.header("Connection") == "keep-alive")
        #expect(kept.1.text == "Hello, world")
    }

    @Test func connectionCloseIsHonoured() async throws {
        let server = try TestServer(makeTestApplication())
        defer { server.stop() }
        let response = try await rawExchange(server, "GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
        #expect(response.contains("Connection: close\r\n"))
        #expect(response.hasSuffix("Hello, world"))
    }

    @Test func chunkedRequestBodyIsDecoded() async throws {
        let server = try TestServer(makeTestApplication())
        defer { server.stop() }
        let response = try await offLoop {
            let socket = try server.connect()
            try socket.send("POST /echo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"
                + "5;ext=1\r\nhello\r\n6\r\n world\r\n0\r\nX-Trailer: yes\r\n\r\n")
            return try TestResponse.read(from: socket)
        }
        #expect(response.text == "hello world")
        #expect(response.header("X-Body-Length") == "11")
    }

    @Test func expectContinueGetsAnInterimResponse() async throws {
        let server = try TestServer(makeTestApplication())
        defer { server.stop() }
        let (interim, final) = try await offLoop {
            let socket = try server.connect()
            try socket.send("POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 4\r\nExpect: 100-continue\r\n\r\n")
            let interim = String(decoding: try socket.receive(through: [13, 10, 13, 10]), as: UTF8.self)
            try socket.send("data")
            return (interim, try TestResponse.read(from: socket))
        }
        #expect(interim == "HTTP/1.1 100 Continue\r\n\r\n")
        #expect(final.text == "data")
    }

    @Test func expectContinueWithTooLargeBodyGets413Instead() async throws {
        var settings = ApplicationSettings()
        settings.server.parser.maxBodySize = 1000
        let server = try TestServer(makeTestApplication(settings: settings))
        defer { server.stop() }
        let response = try await rawExchange(
            server, "POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 5000\r\nExpect: 100-continue\r\n\r\n")
        #expect(response.hasPrefix("HTTP/1.1 413 "))
        #expect(!response.contains("100 Continue"))
    }

    @Test func largeBodiesRoundTrip() async throws {
        let server = try TestServer(makeTestApplication())
        defer { server.stop() }
        let body = (0..<(8 * 1024 * 1024)).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ $0 >> 9) }
        let response = try await server.fetch("/echo", method: "POST", body: body)
        #expect(response.status == 200)
        #expect(response.body == body)
    }

    @Test func streamedResponseIsChunked() async throws {
        let server = try TestServer(makeTestApplication())
        defer { server.stop() }
        let response = try await server.fetch("/stream")
        #expect(response.wasChunked)
        #expect(response.text == "part 1;part 2;part 3;")
    }

    @Test func servesIPv6Loopback() async throws {
        let server = try TestServer(makeTestApplication(), host: "::1")
        defer { server.stop() }
        let response = try await server.fetch("/")
        #expect(response.text == "Hello, world")
    }

    @Test func absoluteFormTargetIsRouted() async throws {
        let server = try TestServer(makeTestApplication())
        defer { server.stop() }
        let response = try await rawExchange(
            server, "GET http://example.com/args/abc/42 HTTP/1.1\r\nHost: example.com\r\nConnection: close\r\n\r\n")
        #expect(response.hasPrefix("HTTP/1.1 200 OK"))
        #expect(response.hasSuffix(#"{"named":{},"positional":["abc","42"]}"#))
    }
}
