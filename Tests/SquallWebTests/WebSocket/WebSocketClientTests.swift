// The WebSocket client against the Squall server: echo of every size and kind,
// subprotocols, compression end to end, the close handshake from the client, and
// each way connecting can fail. The client is loop-isolated, so every test body
// that touches it runs on the loop.
import Foundation
import Squall
import SquallTesting
import Testing

@Suite("WebSocket client")
struct WebSocketClientTests {
    private func url(_ server: TestServer, _ path: String) -> String { "ws://127.0.0.1:\(server.port)\(path)" }

    /// How connecting to `target` failed, or nil if it succeeded.
    private func connectFailure(_ target: String, timeout: Double = 20,
                                headers: [(String, String)] = []) async -> WebSocketClientError? {
        await onLoopAsync {
            do throws(WebSocketClientError) {
                try await websocketConnect(target, connectTimeout: timeout, headers: headers).close()
                return nil
            } catch {
                return error
            }
        }
    }

    @Test(arguments: [false, true])
    func echoesTextAndBinaryOfEverySize(compressed: Bool) async throws {
        let server = try TestServer(makeWebSocketApp(ServerEvents()))
        defer { server.stop() }
        let target = url(server, compressed ? "/deflate" : "/ws")
        let outcome = try await onLoopAsync { () -> [Bool] in
            let client = try await websocketConnect(target, compression: compressed ? WebSocketCompressionOptions() : nil)
            var results = [(client.compression != nil) == compressed]
            for length in WebSocketMessagingTests.lengths {
                let text = String(repeating: "ab", count: length / 2)
                try client.writeMessage(text)
                results.append(await client.readMessage() == .text(text))
                let data = (0..<length).map { UInt8(truncatingIfNeeded: $0) }
                try await client.writeMessage(data).wait()
                results.append(await client.readMessage() == .binary(data))
            }
            client.close()
            results.append(await client.readMessage() == nil)
            results.append(client.closeCode == .normalClosure)
            return results
        }
        #expect(outcome.allSatisfy { $0 }, "\(outcome)")
    }

    @Test func theSelectedSubprotocolIsReported() async throws {
        let server = try TestServer(makeWebSocketApp(ServerEvents()))
        defer { server.stop() }
        let target = url(server, "/proto")
        let selected = try await onLoopAsync { () -> String? in
            let client = try await websocketConnect(target, subprotocols: ["chat.v9", "chat.v2"])
            defer { client.close() }
            return client.selectedSubprotocol
        }
        #expect(selected == "chat.v2")
    }

    @Test func theServerClosingEndsReadingWithItsCode() async throws {
        let server = try TestServer(makeWebSocketApp(ServerEvents()))
        defer { server.stop() }
        let target = url(server, "/ws")
        let (message, code, reason) = try await onLoopAsync { () -> (WebSocketMessage?, WebSocketCloseCode?, String?) in
            let client = try await websocketConnect(target)
            try client.writeMessage("close 4002 done")
            let message = await client.readMessage()
            return (message, client.closeCode, client.closeReason)
        }
        #expect(message == nil)
        #expect(code == WebSocketCloseCode(rawValue: 4002))
        #expect(reason == "done")
    }

    @Test func writingAfterCloseThrows() async throws {
        let server = try TestServer(makeWebSocketApp(ServerEvents()))
        defer { server.stop() }
        let target = url(server, "/ws")
        let error = try await onLoopAsync { () -> WebSocketClosedError? in
            let client = try await websocketConnect(target)
            client.close()
            do throws(WebSocketClosedError) {
                try client.writeMessage("late")
                return nil
            } catch {
                return error
            }
        }
        #expect(error?.reason == "the closing handshake has started")
    }

    @Test func serverPingsAreAnsweredAndClientPingsGetPongs() async throws {
        let events = ServerEvents()
        let server = try TestServer(makeWebSocketApp(events))
        defer { server.stop() }
        let target = url(server, "/ws")
        let client = try await onLoopAsync { try await websocketConnect(target) }
        try await onLoop { try client.ping(Array("hello".utf8)) }
        await eventually("the server saw the ping") { events.pings == [Array("hello".utf8)] }
        _ = try await onLoop { try client.writeMessage("ping from-server") }
        await eventually("the server saw the pong") { events.pongs == [Array("from-server".utf8)] }
        await onLoop { client.close() }
    }

    @Test func aRejectedHandshakeReportsTheStatus() async throws {
        let server = try TestServer(makeWebSocketApp(ServerEvents()))
        defer { server.stop() }
        let target = url(server, "/ws")
        let error = await connectFailure(target, headers: [("Origin", "http://elsewhere.example")])
        #expect(error?.kind == .handshakeFailed)
        #expect(error?.status == 403)
    }

    @Test(arguments: ["wss://127.0.0.1/", "http://127.0.0.1/", "ws://", "ws://host:99999/", "127.0.0.1:80"])
    func invalidURLsAreRefused(url: String) async {
        let error = await connectFailure(url)
        #expect(error?.kind == .invalidRequest)
    }

    @Test func aRefusedConnectionIsReported() async throws {
        // Bind a port, then close it: nothing listens there any more.
        let listener = try ListeningSocket.bind(port: 0, address: "127.0.0.1")
        for socket in listener { close(socket.fd) }
        let port = listener[0].address.port
        let error = await connectFailure("ws://127.0.0.1:\(port)/ws")
        #expect(error?.kind == .connectFailed)
    }

    @Test func aServerThatNeverAnswersTimesOut() async throws {
        let listener = try ListeningSocket.bind(port: 0, address: "127.0.0.1")
        defer { for socket in listener { close(socket.fd) } }
        let port = listener[0].address.port
        let error = await connectFailure("ws://127.0.0.1:\(port)/", timeout: 0.2)
        #expect(error?.kind == .timedOut)
    }

    @Test func aServerThatHangsUpAfterThe101EndsTheConnection() async throws {
        let fake = try FakeWebSocketServer { FakeWebSocketServer.switchingProtocols($0) }
        let target = "ws://127.0.0.1:\(fake.port)/"
        let outcome = await onLoopAsync { () -> String in
            do throws(WebSocketClientError) {
                let client = try await websocketConnect(target)
                return await client.readMessage() == nil ? "closed" : "message"
            } catch {
                return error.kind == .connectionClosed ? "closed" : "\(error)"
            }
        }
        #expect(outcome == "closed")
    }

    @Test func framesRightBehindThe101AreReadBeforeTheHangUp() async throws {
        let fake = try FakeWebSocketServer { key in
            FakeWebSocketServer.switchingProtocols(key)
                + WebSocketFrameEncoder.encode(text: "first") + WebSocketFrameEncoder.encode(text: "second")
        }
        let target = "ws://127.0.0.1:\(fake.port)/"
        let messages = try await onLoopAsync { () -> [WebSocketMessage?] in
            let client = try await websocketConnect(target)
            return [await client.readMessage(), await client.readMessage(), await client.readMessage()]
        }
        #expect(messages == [.text("first"), .text("second"), nil])
    }

    @Test(arguments: [
        ("HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n", 200),
        ("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: wrong\r\n\r\n", 101),
        ("SSH-2.0-OpenSSH\r\n\r\n", nil),
    ] as [(String, Int?)])
    func aBadAnswerFailsTheHandshake(answer: String, status: Int?) async throws {
        let fake = try FakeWebSocketServer { _ in Array(answer.utf8) }
        let error = await connectFailure("ws://127.0.0.1:\(fake.port)/")
        #expect(error?.kind == .handshakeFailed)
        #expect(error?.status == status)
    }

    @Test func anExtensionThatWasNotOfferedFailsTheHandshake() async throws {
        let fake = try FakeWebSocketServer {
            FakeWebSocketServer.switchingProtocols($0, extra: "Sec-WebSocket-Extensions: permessage-deflate\r\n")
        }
        let error = await connectFailure("ws://127.0.0.1:\(fake.port)/")
        #expect(error?.kind == .handshakeFailed)
    }
}
