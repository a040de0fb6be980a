// Join and leave notices, as the classic chat-room tutorials show them ("Visitor
// 3 joined from 10.0.0.7"). The room sends the first at once and collects those
// that follow within `ChatLimits.presenceDelay` seconds into one frame: a burst
// of N connections then costs each client a few frames instead of N.
import Squall

/// Someone joined or left the room.
struct PresenceEvent: Sendable {
    /// Which way they went.
    enum Kind: String, Sendable {
        case join
        case leave
    }

    /// Joined or left.
    let kind: Kind
    /// Their nickname or visitor label.
    let name: String
    /// Their remote IP address.
    let ip: String
    /// When it happened.
    let time = ChatTimestamp.now()

    /// `{"kind": "join", "name": "…", "ip": "…", "time": "<ISO 8601>"}`.
    var value: TemplateValue {
        ServerFrame.object(["kind": .string(kind.rawValue), "name": .string(name), "ip": .string(ip), "time": .string(time.iso)])
    }
}

/// The presence events waiting to be sent, at most `ChatLimits.maxPresenceEvents`.
struct PresenceBatch {
    private var events: [PresenceEvent] = []
    private var overflow = 0

    /// Adds an event (or only counts it when the batch is full).
    mutating func add(_ event: PresenceEvent) {
        if events.count < ChatLimits.maxPresenceEvents {
            events.append(event)
        } else {
            overflow += 1
        }
    }

    /// The events to send and how many more there were; empties the batch.
    mutating func take() -> (events: [PresenceEvent], more: Int) {
        defer {
            events = []
            overflow = 0
        }
        return (events, overflow)
    }
}
