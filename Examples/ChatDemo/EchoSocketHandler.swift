// /echo: sends every message straight back (text as text, binary as binary).
// Not part of the chat; it lets the benchmark harness (which expects `/`, `/echo`
// and `/chatsocket`) run against this one binary.
import Squall

/// A WebSocket echo.
final class EchoSocketHandler: WebSocketHandler {
    override func onMessage(_ text: String) throws { try writeMessage(text) }

    override func onMessage(_ data: [UInt8]) throws { try writeMessage(data) }
}
