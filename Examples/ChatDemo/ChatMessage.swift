// ChatMessage: one message as the room keeps it (Tornado's `chat` dict): who
// said what and when, the HTML fragment message.html made of it, and the JSON
// frame every client receives. Both are produced once, when the message arrives.
import Foundation
import Squall

/// A chat message, immutable once rendered.
struct ChatMessage: Sendable {
    /// A random UUID; the page's element id is `m` + id.
    let id: String
    /// The text as the sender wrote it (never HTML).
    let body: String
    /// The sender's nickname or visitor label.
    let sender: String
    /// When the server received it.
    let timestamp: ChatTimestamp

    /// A new message with a fresh id, stamped now.
    init(body: String, sender: String) {
        id = UUID().uuidString.lowercased()
        self.body = body
        self.sender = sender
        timestamp = .now()
    }

    /// What message.html sees as `message`.
    var templateFields: [String: String] {
        ["id": id, "body": body, "sender": sender, "time": timestamp.iso, "clock": timestamp.clock]
    }
}

/// A message with its HTML, as cached by the room and sent to every client.
struct RenderedChatMessage: Sendable {
    /// The message.
    let message: ChatMessage
    /// `{"type": "message", "id", "sender", "time", "html", "body"}`. The body
    /// comes last: benchmark clients look for the last number pair in a frame.
    let value: TemplateValue
    /// `value` encoded: the frame every client receives.
    let frame: String

    /// Pairs `message` with `html`, its rendering by message.html.
    init(_ message: ChatMessage, html: String) {
        self.message = message
        value = ServerFrame.object([
            "type": "message", "id": .string(message.id), "sender": .string(message.sender),
            "time": .string(message.timestamp.iso), "html": .string(html), "body": .string(message.body),
        ])
        frame = ServerFrame.encode(value)
    }
}
