// EchoServer: WebSocket echo and chat broadcast, the benchmark target.
//
//     swift run EchoServer --port 9001
//
//     GET /          "Hello, world" (text/plain)
//     /echo          echoes each message exactly (text as text, binary as binary),
//                    permessage-deflate when the client offers it, messages ≤ 16 MiB
//     /chatsocket    a chat room: each text message {"body": …} goes to every
//                    connection as {"id": <uuid>, "body": …}, encoded once; the
//                    last 200 are kept; anything else is ignored
import Foundation
import Squall

final class HelloHandler: RequestHandler {
    override func get() throws {
        try setHeader("Content-Type", "text/plain")
        write("Hello, world")
    }
}

final class EchoHandler: WebSocketHandler {
    override func getCompressionOptions() -> WebSocketCompressionOptions? { WebSocketCompressionOptions() }

    override func onMessage(_ text: String) throws { try writeMessage(text) }

    override func onMessage(_ data: [UInt8]) throws { try writeMessage(data) }
}

/// A chat message as sent to the room.
struct Chat: Codable {
    let id: String
    let body: String
}

/// What a client sends.
struct IncomingChat: Decodable {
    let body: String
}

final class ChatSocketHandler: WebSocketHandler {
    static var waiters = Set<ChatSocketHandler>()
    static var cache: [Chat] = []
    static let cacheSize = 200

    override func open() { Self.waiters.insert(self) }

    override func onClose() { Self.waiters.remove(self) }

    override func onMessage(_ text: String) {
        guard let incoming = try? JSONDecoder().decode(IncomingChat.self, from: Data(text.utf8)) else { return }
        let chat = Chat(id: UUID().uuidString.lowercased(), body: incoming.body)
        Self.cache.append(chat)
        if Self.cache.count > Self.cacheSize { Self.cache.removeFirst(Self.cache.count - Self.cacheSize) }
        guard let json = try? JSONEncoder().encode(chat) else { return }
        // Encoded once: every connection queues the same frame bytes.
        WebSocketHandler.broadcast(String(decoding: json, as: UTF8.self), to: Self.waiters)
    }
}

let options = OptionParser()
let port = try options.define("port", default: 9001, help: "port to listen on (0 = any free port)")
let address = try options.define("address", default: "127.0.0.1", help: "address to listen on (\"\" = all)")
_ = options.parseCommandLineOrExit()

var settings = ApplicationSettings()
settings.websocketMaxMessageSize = 16 * 1024 * 1024
let app = try Application([
    URLSpec("/", HelloHandler.self),
    URLSpec("/echo", EchoHandler.self),
    URLSpec("/chatsocket", ChatSocketHandler.self),
], settings: settings)
let server = try app.listen(port: port.value, address: address.value)
let host = address.value.isEmpty ? "127.0.0.1" : address.value
// Straight to stdout, unbuffered: scripts and tests read the port from this line.
let url = "http://\(host.contains(":") ? "[\(host)]" : host):\(server.port)/"
FileHandle.standardOutput.write(Data("EchoServer running at \(url) (WebSockets: /echo and /chatsocket)\n".utf8))
IOLoop.current.start()
