// WebSocketHandler: subclass it to serve WebSockets (Tornado's
// `tornado.websocket.WebSocketHandler`). It is routed like any handler; a GET
// upgrade request is validated, answered with 101, and from then on the hooks
// below run on the loop thread for this connection.
//
//     final class EchoHandler: WebSocketHandler {
//         override func open() { Log.general.info("WebSocket opened") }
//         override func onMessage(_ text: String) throws { try writeMessage("You said: " + text) }
//         override func onClose() { Log.general.info("WebSocket closed") }
//     }
//
// `open()` and `onMessage` come in plain and `async` forms (override one): while
// an async one runs, no further message is delivered, as in Tornado. A hook that
// throws is logged and the connection closed with 1011.
import SquallCore
import SquallHTTP
import SquallIO
import SquallWebSocket

/// Handles one WebSocket connection. A new instance is made for every connection.
///
/// Handlers are `Hashable` by identity, so a room can be `Set<ChatHandler>`.
@IOLoopActor
open class WebSocketHandler: RequestHandler {
    /// The connection driver; nil until the upgrade succeeded.
    @exclusivity(unchecked) var connection: WebSocketConnection?
    /// The subprotocol agreed with the client (Tornado's `selected_subprotocol`);
    /// nil until open or when none was chosen.
    public internal(set) var selectedSubprotocol: String?

    // MARK: the upgrade (overrides must live in the class body)

    /// Upgrades the connection (Tornado's `WebSocketHandler.get`): validates the
    /// handshake, checks the origin, answers 101, then calls `open()`. A bad
    /// handshake is answered 400 (headers), 403 (origin), 405 (method) or 426
    /// (version) with the reason as plain text. To authenticate first, override
    /// `prepare()` (or override this and call `super.get()`).
    open override func get() throws { try upgrade() }
    /// Not an upgrade: 405 with `Allow: GET`.
    open override func post() throws { try upgrade() }
    /// Not an upgrade: 405 with `Allow: GET`.
    open override func put() throws { try upgrade() }
    /// Not an upgrade: 405 with `Allow: GET`.
    open override func patch() throws { try upgrade() }
    /// Not an upgrade: 405 with `Allow: GET`.
    open override func delete() throws { try upgrade() }
    /// Not an upgrade: 405 with `Allow: GET`.
    open override func options() throws { try upgrade() }

    // MARK: hooks

    /// Called when the connection opens, after the 101 response. `pathArgs`
    /// holds the route's groups. Override the plain or the `async` form; no
    /// message is delivered before it returns.
    open func open() throws { throw requiresAsync }
    /// The asynchronous form of `open()`.
    open func open() async throws { Self.noteInheritedAsync(.open, type(of: self)) }

    /// Called for each text message (valid UTF-8). Override the plain or the
    /// `async` form; while the async form runs, the next message waits.
    open func onMessage(_ text: String) throws { throw requiresAsync }
    /// The asynchronous form of `onMessage(_:)` for text.
    open func onMessage(_ text: String) async throws { Self.noteInheritedAsync(.text, type(of: self)) }

    /// Called for each binary message. The default ignores binary messages
    /// (Tornado passes both kinds to one `on_message`; override this to accept them).
    open func onMessage(_ data: [UInt8]) throws { throw requiresAsync }
    /// The asynchronous form of `onMessage(_:)` for binary.
    open func onMessage(_ data: [UInt8]) async throws { Self.noteInheritedAsync(.binary, type(of: self)) }

    /// Called once when the connection has closed, whoever closed it and why
    /// (see `closeCode`). Not called if the upgrade never happened.
    open func onClose() {}

    /// Called when the client pings; the pong was already sent.
    open func onPing(_ data: [UInt8]) {}

    /// Called when the client answers a ping (ours, or one it sent unasked).
    open func onPong(_ data: [UInt8]) {}

    /// Whether to accept a connection from a page at `origin` (the Origin
    /// header). The default accepts only the same origin: the Origin's host (and
    /// port) must equal the request's Host header, ignoring case; others get 403.
    /// Requests without an Origin header (non-browser clients) are always
    /// accepted, as in Tornado. Override to allow other sites.
    open func checkOrigin(_ origin: String) -> Bool {
        guard let host = request.headers["Host"] else { return false }
        return Self.originHost(origin)?.lowercased() == host.lowercased()
    }

    /// Chooses one of the subprotocols the client offered (Sec-WebSocket-Protocol,
    /// in its order of preference), or nil for none. Must return one of
    /// `protocols`; anything else fails the handshake with 500. Default: nil.
    open func selectSubprotocol(_ protocols: [String]) -> String? { nil }

    /// permessage-deflate settings for this connection, or nil (the default) to
    /// leave compression off. Compression is used only if the client offers it.
    /// Each compressed connection holds about 300 KiB of zlib state with the
    /// default options; smaller window bits and `memoryLevel` reduce it, and
    /// `serverNoContextTakeover` lets a broadcast compress once for everyone.
    open func getCompressionOptions() -> WebSocketCompressionOptions? { nil }

    /// The authority part (`host[:port]`) of an origin such as
    /// `https://example.com:8080`, or nil when it has none ("null").
    static func originHost(_ origin: String) -> Substring? {
        guard let schemeEnd = origin.firstRange(of: "://") else { return nil }
        let rest = origin[schemeEnd.upperBound...]
        return rest.prefix { $0 != "/" && $0 != "?" && $0 != "#" }
    }
}

extension WebSocketHandler: Hashable {
    /// Identity: two handlers are equal only if they are the same object.
    public nonisolated static func == (lhs: WebSocketHandler, rhs: WebSocketHandler) -> Bool { lhs === rhs }

    /// Hashes the object's identity.
    public nonisolated func hash(into hasher: inout Hasher) {
        hasher.combine(ObjectIdentifier(self))
    }
}
