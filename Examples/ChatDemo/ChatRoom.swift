// ChatRoom: everyone connected to /chatsocket and the recent messages — what
// Tornado's demo keeps in ChatSocketHandler.waiters and .cache — plus the
// presence notices. It lives on the loop, like every handler, so it needs no lock.
import Squall

/// The one chat room of the demo.
@IOLoopActor
final class ChatRoom {
    private var members: [ObjectIdentifier: ChatSocketHandler] = [:]
    /// Up to twice the cache size, trimmed in one go, so appending stays O(1).
    private var cache: [RenderedChatMessage] = []
    private var visitorCount = 0
    private var presence = PresenceBatch()
    /// True for `ChatLimits.presenceDelay` seconds after a presence frame.
    private var presenceThrottled = false

    /// An empty room.
    nonisolated init() {}

    /// How many sockets are connected.
    var onlineCount: Int { members.count }

    /// The last `ChatLimits.cacheSize` messages, oldest first.
    var recentMessages: ArraySlice<RenderedChatMessage> { cache.suffix(ChatLimits.cacheSize) }

    /// A new label for an anonymous visitor: "Visitor 1", "Visitor 2", …
    func nextVisitorLabel() -> String {
        visitorCount += 1
        return Nickname.visitorLabel(visitorCount)
    }

    /// Adds an open socket and announces it.
    func join(_ member: ChatSocketHandler) {
        members[ObjectIdentifier(member)] = member
        announce(PresenceEvent(kind: .join, name: member.name, ip: member.request.remoteIP))
    }

    /// Removes a closed socket and announces it; nothing if it never joined.
    func leave(_ member: ChatSocketHandler) {
        guard members.removeValue(forKey: ObjectIdentifier(member)) != nil else { return }
        announce(PresenceEvent(kind: .leave, name: member.name, ip: member.request.remoteIP))
    }

    /// Caches a message and sends its frame to every member.
    func post(_ message: RenderedChatMessage) {
        cache.append(message)
        if cache.count >= 2 * ChatLimits.cacheSize {
            cache.removeFirst(cache.count - ChatLimits.cacheSize)
        }
        broadcast(message.frame)
    }

    /// The cached messages after the one with id `since`; all of them when
    /// `since` is empty or no longer cached (e.g. the server restarted).
    func messages(after since: String) -> ArraySlice<RenderedChatMessage> {
        let recent = recentMessages
        guard let index = recent.lastIndex(where: { $0.message.id == since }) else { return recent }
        return recent[(index + 1)...]
    }

    private func broadcast(_ frame: String) {
        ChatSocketHandler.broadcast(frame, to: members.values)
    }

    /// Sends the first notice at once; those that follow within
    /// `ChatLimits.presenceDelay` seconds go out together when it has passed.
    private func announce(_ event: PresenceEvent) {
        if presenceThrottled {
            presence.add(event)
        } else {
            sendPresence([event], more: 0)
        }
    }

    private func sendPresence(_ events: [PresenceEvent], more: Int) {
        broadcast(ServerFrame.presence(online: onlineCount, events: events, more: more))
        presenceThrottled = true
        IOLoop.current.callLater(ChatLimits.presenceDelay) { [self] in
            let batch = presence.take()
            if batch.events.isEmpty {
                presenceThrottled = false
            } else {
                sendPresence(batch.events, more: batch.more)
            }
        }
    }
}
