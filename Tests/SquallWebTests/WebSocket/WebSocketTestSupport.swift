// Shared helpers for the WebSocket server and client tests: a recording handler
// whose behaviour is driven by the messages it receives, the per-test event log it
// writes to, a raw blocking WebSocket client for byte-exact frames, log capture,
// and polling helpers (conditions are awaited with a generous bound, never timed).
import Foundation
import Squall
import SquallTesting
import Synchronization
import Testing

/// What the server side of one test saw. One per test, shared by its handlers.
@IOLoopActor
final class ServerEvents {
    var handlers: [WebSocketHandler] = []
    var messages: [WebSocketMessage] = []
    var closeCount = 0
    var closeCodes: [WebSocketCloseCode?] = []
    var closeReasons: [String?] = []
    var pings: [[UInt8]] = []
    var pongs: [[UInt8]] = []
    var writeFailures: [WebSocketClosedError] = []
    var peers: [String] = []
    var broadcastCounts: [Int] = []
    nonisolated init() {}
}

/// Echoes what it receives and records everything in `events`. Commands:
/// "close <code> <reason>" closes from the server; "close-then-write" closes and
/// then tries to write; "flood" writes 64 KiB messages until the write fails;
/// "ping <text>" pings; "broadcast <text>" sends to every open handler of the test.
final class ProbeHandler: WebSocketHandler {
    var events: ServerEvents!
    var compression: WebSocketCompressionOptions?
    var subprotocols: [String] = []

    override func open() {
        events.handlers.append(self)
        events.peers.append(request.remoteAddress?.description ?? "")
    }

    override func onMessage(_ text: String) throws {
        events.messages.append(.text(text))
        let words = text.split(separator: " ", maxSplits: 2).map(String.init)
        switch words.first {
        case "close": close(code: WebSocketCloseCode(rawValue: UInt16(words[1])!), reason: words.count > 2 ? words[2] : "")
        case "close-then-write":
            close()
            recordFailure { try writeMessage("too late") }
        case "flood": flood()
        case "ping": try ping(Array(words[1].utf8))
        case "broadcast": events.broadcastCounts.append(WebSocketHandler.broadcast(words[1], to: events.handlers))
        default: try writeMessage(text)
        }
    }

    override func onMessage(_ data: [UInt8]) throws {
        events.messages.append(.binary(data))
        try writeMessage(data)
    }

    override func onClose() {
        events.closeCount += 1
        events.closeCodes.append(closeCode)
        events.closeReasons.append(closeReason)
        recordFailure { try writeMessage("after close") }
    }

    override func onPing(_ data: [UInt8]) { events.pings.append(data) }

    override func onPong(_ data: [UInt8]) { events.pongs.append(data) }

    override func selectSubprotocol(_ protocols: [String]) -> String? {
        protocols.first { subprotocols.contains($0) }
    }

    override func getCompressionOptions() -> WebSocketCompressionOptions? { compression }

    private func recordFailure(_ write: () throws -> Void) {
        do { try write() } catch let error as WebSocketClosedError { events.writeFailures.append(error) } catch {}
    }

    /// Writes until the client is dropped: one 64 KiB message per loop iteration.
    private func flood() {
        do {
            try writeMessage([UInt8](repeating: 0x5A, count: 64 * 1024))
            IOLoop.current.callLater(0) { [self] in flood() }
        } catch {
            events.writeFailures.append(error)
        }
    }
}

/// Async hooks: `open` and `onMessage` suspend before acting, so messages must
/// still be handled one at a time, in order.
final class AsyncProbeHandler: WebSocketHandler {
    var events: ServerEvents!

    override func open() async throws {
        try await Task.sleep(nanoseconds: 1_000_000)
        events.handlers.append(self)
    }

    override func onMessage(_ text: String) async throws {
        try await Task.sleep(nanoseconds: 1_000_000)
        if text == "fail" { throw HTTPError(500, "failing on purpose") }
        events.messages.append(.text(text))
        try await writeMessage("async:" + text).wait()
    }

    override func onClose() { events.closeCount += 1 }
}

/// An application serving the probe handlers at `/ws`, `/deflate` (compression
/// on), `/proto` (subprotocols chat.v2, chat.v1), `/async` and `/bad-proto`
/// (selects a subprotocol the client did not offer).
func makeWebSocketApp(_ events: ServerEvents, settings: ApplicationSettings = ApplicationSettings()) throws -> Application {
    try Application([
        URLSpec("/ws", ProbeHandler.self, initialize: { $0.events = events }),
        URLSpec("/deflate", ProbeHandler.self, initialize: {
            $0.events = events
            $0.compression = WebSocketCompressionOptions()
        }),
        URLSpec("/proto", ProbeHandler.self, initialize: {
            $0.events = events
            $0.subprotocols = ["chat.v2", "chat.v1"]
        }),
        URLSpec("/async", AsyncProbeHandler.self, initialize: { $0.events = events }),
        URLSpec("/bad-proto", BadSubprotocolHandler.self, initialize: { $0.events = events }),
    ], settings: settings)
}

/// Serves the probe application and connects one raw client to `path` for `body`;
/// the server stops afterwards.
func withProbeServer(path: String = "/ws", settings: ApplicationSettings = ApplicationSettings(),
                     _ body: (ServerEvents, RawWebSocket) async throws -> Void) async throws {
    let events = ServerEvents()
    let server = try TestServer(makeWebSocketApp(events, settings: settings))
    defer { server.stop() }
    try await body(events, try await RawWebSocket.connect(server, path: path))
}

/// Waits for the server's `onClose`, lets the loop run on, and checks that it ran
/// exactly once.
func expectClosedOnce(_ events: ServerEvents, sourceLocation: SourceLocation = #_sourceLocation) async {
    await eventually("onClose ran", { events.closeCount >= 1 }, sourceLocation: sourceLocation)
    await settle()
    #expect(await onLoop { events.closeCount } == 1, sourceLocation: sourceLocation)
}

/// Picks a subprotocol nobody offered: the handshake must fail with 500.
final class BadSubprotocolHandler: WebSocketHandler {
    var events: ServerEvents!
    override func selectSubprotocol(_ protocols: [String]) -> String? { "never-offered" }
}

/// Runs `body` on the loop.
func onLoop<T: Sendable>(_ body: @IOLoopActor @Sendable () throws -> T) async rethrows -> T {
    try await body()
}

/// Runs asynchronous `body` on the loop (e.g. the WebSocket client).
func onLoopAsync<T: Sendable>(_ body: @IOLoopActor @Sendable () async throws -> T) async rethrows -> T {
    try await body()
}

/// Waits until `condition` holds on the loop (checked every 5 ms, for at most 20 s),
/// then records an issue if it never did.
func eventually(_ what: String, _ condition: @IOLoopActor @Sendable () -> Bool,
                sourceLocation: SourceLocation = #_sourceLocation) async {
    for _ in 0..<4000 {
        if await onLoop(condition) { return }
        try? await Task.sleep(nanoseconds: 5_000_000)
    }
    Issue.record("timed out waiting until \(what)", sourceLocation: sourceLocation)
}

/// Lets the loop run a few more iterations (to show that nothing else happens).
func settle() async {
    for _ in 0..<5 {
        await onLoop { }
        try? await Task.sleep(nanoseconds: 2_000_000)
    }
}

/// Every log record since the first `LogCapture.install()`, kept alongside the
/// normal output. Installed once per process; tests filter by their own details.
enum LogCapture {
    private static let records = Mutex<[LogRecord]>([])
    private static let installed: Void = {
        let previous = Log.handler
        Log.handler = { record in
            LogCapture.records.withLock { $0.append(record) }
            previous(record)
        }
    }()

    /// Starts capturing (idempotent).
    static func install() { _ = installed }

    /// The captured messages of `logger` containing `text`.
    static func messages(_ logger: Logger, containing text: String) -> [String] {
        records.withLock { $0.filter { $0.logger == logger.name && $0.message.contains(text) }.map(\.message) }
    }
}
