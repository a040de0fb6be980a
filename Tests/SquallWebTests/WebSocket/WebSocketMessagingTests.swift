// Messages through the server over real sockets: echo at the frame-length
// boundaries, fragmentation with interleaved pings, async hooks keeping order,
// permessage-deflate on the wire, and the protocol errors that fail a connection
// with 1002, 1007 or 1009.
import Foundation
import Squall
import SquallCompression
import SquallTesting
import Testing

@Suite("WebSocket messages")
struct WebSocketMessagingTests {
    /// Payload lengths around the 7-bit, 16-bit and 64-bit length encodings.
    static let lengths = [0, 125, 126, 65535, 65536, 1 << 20]

    @Test(arguments: lengths)
    func textIsEchoedExactly(length: Int) async throws {
        try await withProbeServer { _, ws in
            let text = String(repeating: "é", count: length / 2) + String(repeating: "x", count: length % 2)
            try await ws.sendText(text)
            let echo = try await ws.readFrame()
            #expect(echo.opcode == .text && echo.fin)
            #expect(echo.payload == Array(text.utf8))
        }
    }

    @Test(arguments: lengths)
    func binaryIsEchoedExactly(length: Int) async throws {
        try await withProbeServer { _, ws in
            let data = (0..<length).map { UInt8(truncatingIfNeeded: $0 &* 7) }
            try await ws.sendFrame(.binary, data)
            let echo = try await ws.readFrame()
            #expect(echo.opcode == .binary)
            #expect(echo.payload == data)
        }
    }

    @Test func fragmentsWithInterleavedPingsAreReassembled() async throws {
        try await withProbeServer { events, ws in
            try await ws.sendFrame(.text, Array("Hel".utf8), fin: false)
            try await ws.sendFrame(.ping, Array("p1".utf8))
            try await ws.sendFrame(.continuation, Array("lo, ".utf8), fin: false)
            try await ws.sendFrame(.ping, Array("p2".utf8))
            try await ws.sendFrame(.continuation, Array("world".utf8))
            var received: [String] = []
            for _ in 0..<3 {
                let frame = try await ws.readFrame()
                received.append("\(frame.opcode):\(frame.text)")
            }
            #expect(received == ["pong:p1", "pong:p2", "text:Hello, world"])
            #expect(await onLoop { events.pings } == [Array("p1".utf8), Array("p2".utf8)])
        }
    }

    @Test func asyncHooksHandleMessagesOneAtATimeInOrder() async throws {
        try await withProbeServer(path: "/async") { _, ws in
            let words = (0..<20).map { "m\($0)" }
            for word in words { try await ws.sendText(word) }
            var replies: [String] = []
            for _ in words { replies.append(try await ws.readFrame().text) }
            #expect(replies == words.map { "async:" + $0 })
        }
    }

    @Test func anAsyncHookThatThrowsClosesWith1011() async throws {
        try await withProbeServer(path: "/async") { events, ws in
            try await ws.sendText("fail")
            #expect(try await ws.readClose().closeCode == 1011)
            try await ws.sendClose(1011)
            #expect(try await ws.waitForServerClose())
            await expectClosedOnce(events)
        }
    }

    @Test func compressedMessagesFlowBothWays() async throws {
        let offer = [("Sec-WebSocket-Extensions", "permessage-deflate")]
        let server = try TestServer(makeWebSocketApp(ServerEvents()))
        defer { server.stop() }
        let ws = try await RawWebSocket.connect(server, path: "/deflate", headers: offer)
        #expect(ws.response.header("Sec-WebSocket-Extensions")?.hasPrefix("permessage-deflate") == true)
        let deflater = try MessageDeflater()
        let inflater = try MessageInflater()
        for round in 0..<3 {
            let text = String(repeating: "compress me \(round) ", count: 500)
            var compressed: [UInt8] = []
            try deflater.compressMessage(Array(text.utf8), into: &compressed)
            try await ws.sendFrame(.text, compressed, rsv1: true)
            let echo = try await ws.readFrame()
            #expect(echo.rsv1, "the server's echo is compressed")
            #expect(echo.payload.count < text.utf8.count / 10)
            var plain: [UInt8] = []
            try inflater.decompress(echo.payload, into: &plain, limit: 1 << 20)
            try inflater.finishMessage(into: &plain, limit: 1 << 20)
            #expect(plain == Array(text.utf8))
        }
    }

    /// Sends `frames` and expects the server to fail the connection with `code`.
    private func expectFailure(_ code: UInt16, settings: ApplicationSettings = ApplicationSettings(),
                               after frames: [(WebSocketOpcode, [UInt8], fin: Bool, mask: Bool)]) async throws {
        try await withProbeServer(settings: settings) { events, ws in
            for frame in frames { try await ws.sendFrame(frame.0, frame.1, fin: frame.fin, mask: frame.mask) }
            #expect(try await ws.readClose().closeCode == code)
            #expect(try await ws.waitForServerClose())
            await expectClosedOnce(events)
            #expect(await onLoop { events.messages }.isEmpty)
        }
    }

    @Test func anUnmaskedClientFrameFailsWith1002() async throws {
        try await expectFailure(1002, after: [(.text, Array("plain".utf8), fin: true, mask: false)])
    }

    @Test func invalidUTF8FailsWith1007() async throws {
        try await expectFailure(1007, after: [(.text, [0x61, 0xC3, 0x28], fin: true, mask: true)])
    }

    @Test func anOversizedMessageFailsWith1009() async throws {
        var settings = ApplicationSettings()
        settings.websocketMaxMessageSize = 1000
        try await expectFailure(1009, settings: settings, after: [
            (.binary, [UInt8](repeating: 1, count: 600), fin: false, mask: true),
            (.continuation, [UInt8](repeating: 1, count: 401), fin: true, mask: true),
        ])
    }

    @Test func aMessageOfExactlyTheLimitIsAccepted() async throws {
        var settings = ApplicationSettings()
        settings.websocketMaxMessageSize = 1000
        try await withProbeServer(settings: settings) { _, ws in
            try await ws.sendFrame(.binary, [UInt8](repeating: 1, count: 1000))
            #expect(try await ws.readFrame().payload.count == 1000)
        }
    }
}
