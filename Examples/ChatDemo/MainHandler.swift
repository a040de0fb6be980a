// GET /: the chat page with the recent messages rendered in (Tornado's
// MainHandler: `self.render("index.html", messages=ChatSocketHandler.cache)`).
import Squall

/// Renders index.html.
final class MainHandler: RequestHandler {
    /// The room whose messages are shown; set by the route.
    var room: ChatRoom!

    override func getCurrentUser() throws -> String? { try signedNickname() }

    override func get() throws {
        try render("index.html", [
            "messages": room.recentMessages.map(\.message.templateFields),
            "online": room.onlineCount,
            "max_body_bytes": ChatLimits.maxBodyBytes,
            "max_nickname_length": ChatLimits.maxNicknameLength,
        ])
    }
}
