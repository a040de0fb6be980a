// A WebSocket client built by hand on a blocking socket, for tests that need to
// control every byte (fragments, unmasked frames, invalid UTF-8) or to behave
// badly (never read, never answer). Its frame reader is independent of Squall's.
import Foundation
import Squall
import SquallTesting

/// A frame as the server sent it.
struct ReceivedFrame: Equatable {
    var fin: Bool
    var rsv1: Bool
    var opcode: WebSocketOpcode
    var payload: [UInt8]
    /// The frame exactly as received (header and payload).
    var raw: [UInt8]

    /// The payload as text.
    var text: String { String(decoding: payload, as: UTF8.self) }

    /// The status code of a close frame, if it carries one.
    var closeCode: UInt16? { payload.count >= 2 ? UInt16(payload[0]) << 8 | UInt16(payload[1]) : nil }

    /// The reason of a close frame.
    var closeReason: String { String(decoding: payload.dropFirst(2), as: UTF8.self) }
}

/// A raw WebSocket connection to a test server. Every call blocks a Dispatch
/// thread, never the loop or the test's task.
final class RawWebSocket: @unchecked Sendable {
    let socket: BlockingSocket
    /// The handshake response (101 when the upgrade succeeded).
    let response: TestResponse

    private init(socket: BlockingSocket, response: TestResponse) {
        self.socket = socket
        self.response = response
    }

    /// Connects to `path` and sends an upgrade request with `headers` added
    /// (the standard headers come first; pass `standard: false` to send only yours).
    static func connect(_ server: TestServer, path: String = "/ws", headers: [(String, String)] = [],
                        standard: Bool = true, timeout: Double = 30) async throws -> RawWebSocket {
        let port = server.port
        let socket = try server.connect(timeout: timeout)
        return try await offLoop {
            var request = "GET \(path) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\n"
            if standard {
                request += "Upgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\n"
                request += "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
            }
            for (name, value) in headers { request += "\(name): \(value)\r\n" }
            try socket.send(request + "\r\n")
            return RawWebSocket(socket: socket, response: try TestResponse.read(from: socket))
        }
    }

    /// Sends raw bytes.
    func send(_ bytes: [UInt8]) async throws {
        let socket = self.socket
        try await offLoop { try socket.send(bytes) }
    }

    /// Sends one frame, masked with a random key unless `mask` is false.
    func sendFrame(_ opcode: WebSocketOpcode, _ payload: [UInt8], fin: Bool = true, rsv1: Bool = false,
                   mask: Bool = true) async throws {
        try await send(WebSocketFrameEncoder.encode(opcode: opcode, payload: payload, fin: fin, rsv1: rsv1,
                                                    maskKey: mask ? .random() : nil))
    }

    /// Sends a masked text frame.
    func sendText(_ text: String) async throws { try await sendFrame(.text, Array(text.utf8)) }

    /// Sends a masked close frame with `code` and `reason`.
    func sendClose(_ code: UInt16, reason: String = "") async throws {
        try await sendFrame(.close, [UInt8(code >> 8), UInt8(code & 0xFF)] + Array(reason.utf8))
    }

    /// Reads the next frame.
    func readFrame() async throws -> ReceivedFrame {
        let socket = self.socket
        return try await offLoop {
            var raw = try socket.receive(exactly: 2)
            var length = Int(raw[1] & 0x7F)
            if length == 126 {
                let extended = try socket.receive(exactly: 2)
                raw += extended
                length = Int(extended[0]) << 8 | Int(extended[1])
            } else if length == 127 {
                let extended = try socket.receive(exactly: 8)
                raw += extended
                length = extended.reduce(0) { $0 << 8 | Int($1) }
            }
            let masked = raw[1] & 0x80 != 0
            if masked { raw += try socket.receive(exactly: 4) }
            let payload = length == 0 ? [] : try socket.receive(exactly: length)
            return ReceivedFrame(fin: raw[0] & 0x80 != 0, rsv1: raw[0] & 0x40 != 0,
                                 opcode: WebSocketOpcode(rawValue: raw[0] & 0x0F), payload: payload, raw: raw + payload)
        }
    }

    /// Reads frames until a close frame and returns it.
    func readClose() async throws -> ReceivedFrame {
        while true {
            let frame = try await readFrame()
            if frame.opcode == .close { return frame }
        }
    }

    /// True once the server has closed the TCP connection (EOF or reset), reading
    /// and discarding anything before that; false if it stays open past the timeout.
    func waitForServerClose() async throws -> Bool {
        let socket = self.socket
        return try await offLoop { socket.isClosedByPeer() }
    }

    /// Closes the TCP connection without a close frame.
    func drop() { socket.close() }
}
