// The JSON frames the server sends on /chatsocket. Every frame is an object
// with a "type"; chat messages are `{"type": "message", "id", "sender", "time",
// "html", "body"}` (see `ChatMessage`), and besides them:
//
//     {"type": "welcome", "name": "Visitor 3", "online": 2}        to a new socket
//     {"type": "presence", "online": 3, "events": [...], "more": 0} to everyone
//     {"type": "history", "messages": [<message>, ...]}              on request
//     {"type": "error", "error": "…"}                                to one socket
//
// They are encoded with Tornado's json_encode (SquallTemplate's `jsonEncode`).
import Squall

/// Builders of the server's frames.
enum ServerFrame {
    /// Encodes an object with `fields` in this order.
    static func encode(_ fields: KeyValuePairs<String, TemplateValue>) -> String {
        encode(object(fields))
    }

    /// Encodes a frame built with `object(_:)`.
    static func encode(_ value: TemplateValue) -> String {
        // jsonEncode fails only for functions and custom objects; frames hold
        // strings, numbers, lists and dictionaries only.
        (try? jsonEncode(value)) ?? "{}"
    }

    /// A template dictionary with `fields` in this order.
    static func object(_ fields: KeyValuePairs<String, TemplateValue>) -> TemplateValue {
        .dict(TemplateDictionary(fields.map { (TemplateValue.string($0.key), $0.value) }))
    }

    /// Greets a socket that just opened: its display name and the head count.
    static func welcome(name: String, online: Int) -> String {
        encode(["type": "welcome", "name": .string(name), "online": .int(online)])
    }

    /// Tells one client why its message was refused.
    static func error(_ text: String) -> String {
        encode(["type": "error", "error": .string(text)])
    }

    /// The cached messages a reconnecting client asked for, oldest first.
    static func history(_ messages: some Sequence<RenderedChatMessage>) -> String {
        encode(["type": "history", "messages": .list(messages.map(\.value))])
    }

    /// Who came and went since the last presence frame; `more` counts the
    /// events left out when there were more than `ChatLimits.maxPresenceEvents`.
    static func presence(online: Int, events: [PresenceEvent], more: Int) -> String {
        encode(["type": "presence", "online": .int(online), "events": .list(events.map(\.value)), "more": .int(more)])
    }
}
