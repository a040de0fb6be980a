// A one-shot server that answers a WebSocket upgrade with whatever the test
// wants (a valid 101 and an immediate hang-up, a wrong accept value, garbage), so
// the client's handshake can be tested against misbehaving servers.
import Foundation
import Squall
import SquallTesting

/// Accepts one connection on a free loopback port, reads the request head, sends
/// `respond(key)` (key = the request's Sec-WebSocket-Key), then closes.
final class FakeWebSocketServer: Sendable {
    let port: Int
    private let fd: Int32

    init(respond: @escaping @Sendable (_ key: String) -> [UInt8]) throws {
        let socket = try ListeningSocket.bind(port: 0, address: "127.0.0.1")[0]
        fd = socket.fd
        port = socket.address.port
        let fd = self.fd
        DispatchQueue.global().async {
            var poller = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            guard poll(&poller, 1, 20_000) == 1 else { return }
            let client = accept(fd, nil, nil)
            guard client >= 0 else { return }
            defer { close(client) }
            // The accepted socket inherits O_NONBLOCK: wait for each read.
            var head: [UInt8] = []
            var chunk = [UInt8](repeating: 0, count: 4096)
            while head.firstRange(of: Array("\r\n\r\n".utf8)) == nil {
                var readable = pollfd(fd: client, events: Int16(POLLIN), revents: 0)
                guard poll(&readable, 1, 20_000) == 1 else { return }
                let count = recv(client, &chunk, chunk.count, 0)
                guard count > 0 else { return }
                head += chunk[..<count]
            }
            let request = String(decoding: head, as: UTF8.self)
            let key = request.split(separator: "\r\n").first { $0.lowercased().hasPrefix("sec-websocket-key:") }
                .map { $0.dropFirst("sec-websocket-key:".count).trimmingCharacters(in: .whitespaces) } ?? ""
            let answer = respond(key)
            _ = answer.withUnsafeBytes { send(client, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
        }
    }

    deinit { close(fd) }

    /// A valid 101 for `key`, with `extra` header lines.
    static func switchingProtocols(_ key: String, extra: String = "") -> [UInt8] {
        Array(("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
            + "Sec-WebSocket-Accept: \(WebSocketHandshake.acceptValue(forKey: key))\r\n\(extra)\r\n").utf8)
    }
}
