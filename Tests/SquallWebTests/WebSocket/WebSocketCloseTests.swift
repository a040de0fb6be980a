// The closing handshake over real sockets, from both sides, with and without a
// cooperative peer: codes are echoed, the server gives up after its timeout,
// onClose runs exactly once whatever happened, and writes after close fail.
import Foundation
import Squall
import SquallTesting
import Testing

@Suite("WebSocket close")
struct WebSocketCloseTests {
    @Test func aClientCloseIsEchoedAndRecorded() async throws {
        try await withProbeServer { events, ws in
            try await ws.sendClose(4000, reason: "bye now")
            let echo = try await ws.readFrame()
            #expect(echo.opcode == .close)
            #expect(echo.closeCode == 4000)
            #expect(try await ws.waitForServerClose())
            await expectClosedOnce(events)
            #expect(await onLoop { events.closeCodes } == [WebSocketCloseCode(rawValue: 4000)])
            #expect(await onLoop { events.closeReasons } == ["bye now"])
        }
    }

    @Test func aCloseWithoutCodeIsReportedAs1005AndEchoedAs1000() async throws {
        try await withProbeServer { events, ws in
            try await ws.sendFrame(.close, [])
            #expect(try await ws.readClose().closeCode == 1000)
            await expectClosedOnce(events)
            #expect(await onLoop { events.closeCodes } == [.noStatusReceived])
        }
    }

    @Test func aServerCloseCompletesWhenTheClientAnswers() async throws {
        // A long close timeout: on a loaded machine the answer may take seconds, and
        // this test is about the answer, not the timeout.
        var settings = ApplicationSettings()
        settings.websocketCloseTimeout = 120
        try await withProbeServer(settings: settings) { events, ws in
            try await ws.sendText("close 4001 server says bye")
            let close = try await ws.readClose()
            #expect(close.closeCode == 4001)
            #expect(close.closeReason == "server says bye")
            try await ws.sendClose(4001)
            #expect(try await ws.waitForServerClose())
            await expectClosedOnce(events)
            #expect(await onLoop { events.closeCodes } == [WebSocketCloseCode(rawValue: 4001)])
        }
    }

    @Test func aServerCloseTimesOutWhenTheClientNeverAnswers() async throws {
        var settings = ApplicationSettings()
        settings.websocketCloseTimeout = 0.5
        try await withProbeServer(settings: settings) { events, ws in
            try await ws.sendText("close 1000")
            #expect(try await ws.readClose().closeCode == 1000)
            // No answer: the server closes the TCP connection on its own.
            #expect(try await ws.waitForServerClose())
            await expectClosedOnce(events)
            #expect(await onLoop { events.closeCodes } == [nil])
        }
    }

    @Test func messagesAfterTheServersCloseFrameAreIgnored() async throws {
        try await withProbeServer { events, ws in
            try await ws.sendText("close 1000")
            _ = try await ws.readClose()
            try await ws.sendText("ignored")
            try await ws.sendClose(1000)
            #expect(try await ws.waitForServerClose())
            await expectClosedOnce(events)
            #expect(await onLoop { events.messages } == [.text("close 1000")])
        }
    }

    @Test func writesAfterCloseThrowWebSocketClosedError() async throws {
        // A long close timeout, as above: the second write must fail because the
        // handshake completed, not because a loaded machine let the timeout fire.
        var settings = ApplicationSettings()
        settings.websocketCloseTimeout = 120
        try await withProbeServer(settings: settings) { events, ws in
            try await ws.sendText("close-then-write")
            _ = try await ws.readClose()
            try await ws.sendClose(1000)
            #expect(try await ws.waitForServerClose())
            await expectClosedOnce(events)
            let failures = await onLoop { events.writeFailures }
            #expect(failures.map(\.reason) == ["the closing handshake has started", "the connection is closed"])
        }
    }

    @Test func droppingTheTCPConnectionCallsOnCloseOnceWithoutACode() async throws {
        try await withProbeServer { events, ws in
            try await ws.sendText("hi")
            _ = try await ws.readFrame()
            ws.drop()
            await expectClosedOnce(events)
            #expect(await onLoop { events.closeCodes } == [nil])
        }
    }

    @Test func aProtocolErrorAfterTheServersCloseStillClosesOnce() async throws {
        try await withProbeServer { events, ws in
            try await ws.sendText("close 1000")
            _ = try await ws.readClose()
            try await ws.sendFrame(.text, Array("unmasked".utf8), mask: false)
            #expect(try await ws.waitForServerClose())
            await expectClosedOnce(events)
        }
    }
}
