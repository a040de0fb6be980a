// Writing to many and to slow clients: a client that stops reading is dropped
// once its queue passes the limit (and the reason logged) instead of growing
// server memory; a broadcast reaches every client with the same bytes; awaiting
// a write resumes once it is sent; keep-alive pings and their timeout.
import Foundation
import Squall
import SquallTesting
import Testing

@Suite("WebSocket back-pressure, broadcast and pings")
struct WebSocketBackPressureTests {
    @Test func aClientThatStopsReadingIsDisconnectedAndLogged() async throws {
        LogCapture.install()
        var settings = ApplicationSettings()
        settings.websocketMaxWriteBufferSize = 1 << 20
        try await withProbeServer(settings: settings) { events, ws in
            try await ws.sendText("flood")
            // The client reads nothing; the server keeps writing until it gives up.
            await expectClosedOnce(events)
            let failures = await onLoop { events.writeFailures }
            #expect(failures.first?.reason.hasPrefix("the connection was dropped: the peer stopped reading") == true)
            let peer = try #require(await onLoop { events.peers.first })
            let lines = LogCapture.messages(Log.general, containing: "closing slow WebSocket client \(peer) (")
            #expect(lines.count == 1)
            // The queue held at most the limit when the client was dropped.
            let queued = lines.first.flatMap { $0.split(separator: "(").last?.split(separator: " ").first }.flatMap { Int($0) }
            #expect(try #require(queued) <= 1 << 20)
        }
    }

    @Test func aMessageLargerThanTheQueueLimitStillReachesAReadingClient() async throws {
        var settings = ApplicationSettings()
        settings.websocketMaxWriteBufferSize = 64 * 1024
        try await withProbeServer(settings: settings) { _, ws in
            let data = [UInt8](repeating: 7, count: 256 * 1024)
            try await ws.sendFrame(.binary, data)
            #expect(try await ws.readFrame().payload == data)
        }
    }

    @Test func aBroadcastSendsIdenticalBytesToEveryClient() async throws {
        let events = ServerEvents()
        let server = try TestServer(makeWebSocketApp(events))
        defer { server.stop() }
        var clients: [RawWebSocket] = []
        for _ in 0..<8 { clients.append(try await RawWebSocket.connect(server)) }
        await eventually("all opened") { events.handlers.count == 8 }
        try await clients[0].sendText("broadcast hello-everyone")
        var frames: [ReceivedFrame] = []
        for client in clients { frames.append(try await client.readFrame()) }
        #expect(frames.allSatisfy { $0.raw == frames[0].raw })
        #expect(frames[0].text == "hello-everyone")
        #expect(await onLoop { events.broadcastCounts } == [8])
    }

    @Test func aBroadcastSkipsClosedHandlers() async throws {
        let events = ServerEvents()
        let server = try TestServer(makeWebSocketApp(events))
        defer { server.stop() }
        let leaving = try await RawWebSocket.connect(server)
        let staying = try await RawWebSocket.connect(server)
        await eventually("both opened") { events.handlers.count == 2 }
        try await leaving.sendClose(1000)
        _ = try await leaving.readClose()
        await eventually("one closed") { events.closeCount == 1 }
        try await staying.sendText("broadcast still-here")
        #expect(try await staying.readFrame().text == "still-here")
        #expect(await onLoop { events.broadcastCounts } == [1])
    }

    @Test func awaitingAWriteResumesOnceItIsSent() async throws {
        try await withProbeServer(path: "/async") { events, ws in
            try await ws.sendText("waited")
            #expect(try await ws.readFrame().text == "async:waited")
            #expect(await onLoop { events.messages } == [.text("waited")])
        }
    }

    /// Settings with server pings every 20 ms.
    private func pinging(timeout: Double) -> ApplicationSettings {
        var settings = ApplicationSettings()
        settings.websocketPingInterval = 0.02
        settings.websocketPingTimeout = timeout
        return settings
    }

    @Test func pingsGoOutAtTheIntervalAndTheClientAnswers() async throws {
        let events = ServerEvents()
        // A generous timeout: a loaded test machine may take a while to answer.
        let server = try TestServer(makeWebSocketApp(events, settings: pinging(timeout: 30)))
        defer { server.stop() }
        let url = "ws://127.0.0.1:\(server.port)/ws"
        let client = try await onLoopAsync { try await websocketConnect(url) }
        await eventually("three pongs arrived") { events.pongs.count >= 3 }
        await onLoop { client.close() }
        #expect(await onLoopAsync { await client.readMessage() } == nil)
    }

    @Test func aPeerThatIgnoresPingsIsClosed() async throws {
        try await withProbeServer(settings: pinging(timeout: 0.05)) { events, ws async throws in
            // Never answer: read the ping(s), then the close frame, then EOF.
            #expect(try await ws.readClose().closeCode == 1001)
            #expect(try await ws.waitForServerClose())
            await expectClosedOnce(events)
        }
    }
}
