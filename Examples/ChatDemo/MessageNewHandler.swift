// POST /a/message/new: where the message form posts when JavaScript is off (the
// form's action in Tornado's demo). The message goes to the room like one from
// the WebSocket, then the browser is sent back to the page.
import Squall

/// Posts a message from a plain form submission.
final class MessageNewHandler: RequestHandler {
    /// The room to post to; set by the route.
    var room: ChatRoom!

    override func getCurrentUser() throws -> String? { try signedNickname() }

    override func post() throws {
        let body = try getBodyArgument("body", strip: false)
        do {
            try postChatMessage(body, sender: currentUser ?? room.nextVisitorLabel(), to: room)
        } catch let error as ChatInputError {
            throw HTTPError(400, error.description, reason: error.description)
        }
        try redirect(localPath(try getBodyArgument("next", default: "/") ?? "/"))
    }

    /// `next` when it is a path on this site, else "/" (no open redirects).
    private func localPath(_ next: String) -> String {
        next.hasPrefix("/") && !next.hasPrefix("//") && !next.hasPrefix("/\\") ? next : "/"
    }
}
