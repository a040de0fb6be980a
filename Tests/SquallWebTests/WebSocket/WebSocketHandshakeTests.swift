// The server's opening handshake over real sockets: each malformed upgrade gets
// its status and headers, the origin check, subprotocol selection, compression
// negotiation, and the access log of a successful upgrade.
import Foundation
import Squall
import SquallTesting
import Testing

@Suite("WebSocket handshake")
struct WebSocketHandshakeTests {
    private static let key = ("Sec-WebSocket-Key", "dGhlIHNhbXBsZSBub25jZQ==")
    private static let upgradeHeaders = [("Upgrade", "websocket"), ("Connection", "Upgrade"),
                                         ("Sec-WebSocket-Version", "13"), key]

    private func replacing(_ name: String, with value: String?) -> [(String, String)] {
        var headers = Self.upgradeHeaders.filter { $0.0 != name }
        if let value { headers.append((name, value)) }
        return headers
    }

    @Test func successfulUpgradeAnswers101WithTheAcceptValue() async throws {
        let server = try TestServer(makeWebSocketApp(ServerEvents()))
        defer { server.stop() }
        let ws = try await RawWebSocket.connect(server)
        #expect(ws.response.status == 101)
        #expect(ws.response.header("Upgrade")?.lowercased() == "websocket")
        #expect(ws.response.header("Connection")?.lowercased() == "upgrade")
        #expect(ws.response.header("Sec-WebSocket-Accept") == "s3pPLMBiTxaQ9kYGzzhZRbK+xOo=")
        #expect(ws.response.header("Sec-WebSocket-Protocol") == nil)
        #expect(ws.response.header("Sec-WebSocket-Extensions") == nil)
        #expect(ws.response.header("Content-Type") == nil)
    }

    @Test func otherMethodsGet405WithAllowGET() async throws {
        let server = try TestServer(makeWebSocketApp(ServerEvents()))
        defer { server.stop() }
        for method in ["POST", "PUT", "DELETE", "OPTIONS"] {
            let response = try await server.fetch("/ws", method: method, headers: Self.upgradeHeaders)
            #expect(response.status == 405, "\(method)")
            #expect(response.header("Allow") == "GET", "\(method)")
        }
    }

    @Test(arguments: [
        ("Upgrade", nil, "Upgrade"),
        ("Upgrade", "h2c", "Upgrade"),
        ("Connection", "keep-alive", "Connection"),
        ("Sec-WebSocket-Key", nil, "missing"),
        ("Sec-WebSocket-Key", "dGhlIHNhbXBsZQ==", "16 bytes"),
        ("Sec-WebSocket-Key", "not base64 at all, sorry!", "16 bytes"),
    ] as [(String, String?, String)])
    func badHeadersGet400NamingTheProblem(header: String, value: String?, mentions: String) async throws {
        let server = try TestServer(makeWebSocketApp(ServerEvents()))
        defer { server.stop() }
        let response = try await server.fetch("/ws", headers: replacing(header, with: value))
        #expect(response.status == 400)
        #expect(response.text.contains(mentions), "\(response.text)")
        #expect(response.header("Content-Type") == "text/plain; charset=UTF-8")
    }

    @Test func wrongVersionGets426AdvertisingVersion13() async throws {
        let server = try TestServer(makeWebSocketApp(ServerEvents()))
        defer { server.stop() }
        for version in ["8", nil] as [String?] {
            let response = try await server.fetch("/ws", headers: replacing("Sec-WebSocket-Version", with: version))
            #expect(response.status == 426)
            #expect(response.header("Sec-WebSocket-Version") == "13")
        }
    }

    @Test func sameOriginIsAcceptedIgnoringCase() async throws {
        let server = try TestServer(makeWebSocketApp(ServerEvents()))
        defer { server.stop() }
        let ws = try await RawWebSocket.connect(server, headers: [("Origin", "HTTP://127.0.0.1:\(server.port)")])
        #expect(ws.response.status == 101)
    }

    @Test func crossOriginIsForbidden() async throws {
        let server = try TestServer(makeWebSocketApp(ServerEvents()))
        defer { server.stop() }
        for origin in ["http://evil.example", "http://127.0.0.1:1", "null"] {
            let ws = try await RawWebSocket.connect(server, headers: [("Origin", origin)])
            #expect(ws.response.status == 403, "\(origin)")
            #expect(ws.response.text.contains("Cross origin"))
        }
        let legacy = try await RawWebSocket.connect(server, headers: [("Sec-WebSocket-Origin", "http://evil.example")])
        #expect(legacy.response.status == 403)
    }

    @Test func noOriginIsAccepted() async throws {
        let server = try TestServer(makeWebSocketApp(ServerEvents()))
        defer { server.stop() }
        let ws = try await RawWebSocket.connect(server)
        #expect(ws.response.status == 101)
    }

    @Test func theHandlerSelectsASubprotocol() async throws {
        let events = ServerEvents()
        let server = try TestServer(makeWebSocketApp(events))
        defer { server.stop() }
        let offered = try await RawWebSocket.connect(server, path: "/proto", headers: [("Sec-WebSocket-Protocol", "chat.v1, chat.v2")])
        #expect(offered.response.status == 101)
        #expect(offered.response.header("Sec-WebSocket-Protocol") == "chat.v1")
        let unknown = try await RawWebSocket.connect(server, path: "/proto", headers: [("Sec-WebSocket-Protocol", "other")])
        #expect(unknown.response.status == 101)
        #expect(unknown.response.header("Sec-WebSocket-Protocol") == nil)
        await eventually("both opened") { events.handlers.count == 2 }
        #expect(await onLoop { events.handlers.map(\.selectedSubprotocol) } == ["chat.v1", nil])
    }

    @Test func selectingAnUnofferedSubprotocolIsA500() async throws {
        let server = try TestServer(makeWebSocketApp(ServerEvents()))
        defer { server.stop() }
        let ws = try await RawWebSocket.connect(server, path: "/bad-proto", headers: [("Sec-WebSocket-Protocol", "chat")])
        #expect(ws.response.status == 500)
    }

    @Test func compressionIsNegotiatedOnlyWhenTheHandlerEnablesIt() async throws {
        let server = try TestServer(makeWebSocketApp(ServerEvents()))
        defer { server.stop() }
        let offer = [("Sec-WebSocket-Extensions", "permessage-deflate; client_max_window_bits")]
        let enabled = try await RawWebSocket.connect(server, path: "/deflate", headers: offer)
        #expect(enabled.response.header("Sec-WebSocket-Extensions")?.hasPrefix("permessage-deflate") == true)
        let disabled = try await RawWebSocket.connect(server, path: "/ws", headers: offer)
        #expect(disabled.response.status == 101)
        #expect(disabled.response.header("Sec-WebSocket-Extensions") == nil)
    }

    @Test func theUpgradeIsLoggedOnceAs101() async throws {
        LogCapture.install()
        let server = try TestServer(makeWebSocketApp(ServerEvents()))
        defer { server.stop() }
        let marker = UUID().uuidString
        let ws = try await RawWebSocket.connect(server, path: "/ws?log=\(marker)")
        #expect(ws.response.status == 101)
        try await ws.sendClose(1000)
        _ = try await ws.readClose()
        #expect(try await ws.waitForServerClose())
        await settle()
        let lines = LogCapture.messages(Log.access, containing: marker)
        #expect(lines.count == 1)
        #expect(lines.first?.hasPrefix("101 GET /ws?log=") == true)
    }

    @Test func framesSentRightBehindTheRequestAreNotLost() async throws {
        let server = try TestServer(makeWebSocketApp(ServerEvents()))
        defer { server.stop() }
        let socket = try server.connect()
        let port = server.port
        let request = "GET /async HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
            + "Sec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n"
        let frames = ["one", "two"].flatMap { WebSocketFrameEncoder.encode(opcode: .text, payload: Array($0.utf8), maskKey: .random()) }
        let replies = try await offLoop { () -> [String] in
            try socket.send(Array(request.utf8) + frames)
            let response = try TestResponse.read(from: socket)
            guard response.status == 101 else { return ["status \(response.status)"] }
            return try (0..<2).map { _ in
                let header = try socket.receive(exactly: 2)
                return String(decoding: try socket.receive(exactly: Int(header[1])), as: UTF8.self)
            }
        }
        #expect(replies == ["async:one", "async:two"])
    }
}
