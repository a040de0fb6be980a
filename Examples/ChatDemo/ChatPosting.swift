// Posting a chat message, shared by the WebSocket and by the plain form that
// works without JavaScript: check the body, render message.html for it (which
// escapes it), and hand the result to the room.
import Squall

/// Why a message body was refused.
enum ChatInputError: Error, CustomStringConvertible {
    /// Nothing but whitespace.
    case empty
    /// More than `ChatLimits.maxBodyBytes` UTF-8 bytes.
    case tooLong(bytes: Int)

    /// A sentence for the sender.
    var description: String {
        switch self {
        case .empty:
            return "The message is empty."
        case .tooLong(let bytes):
            return "That message is too long (\(bytes) bytes; the limit is \(ChatLimits.maxBodyBytes) bytes)."
        }
    }
}

extension RequestHandler {
    /// Sends `body` to everyone in `room` as a message from `sender`.
    ///
    /// - Throws: `ChatInputError` for an empty or oversized body; template
    ///   errors from rendering message.html.
    func postChatMessage(_ body: String, sender: String, to room: ChatRoom) throws {
        // utf8.count is O(1) for native strings; check it before scanning the text.
        let bytes = body.utf8.count
        guard bytes <= ChatLimits.maxBodyBytes else { throw ChatInputError.tooLong(bytes: bytes) }
        guard body.contains(where: { !$0.isWhitespace }) else { throw ChatInputError.empty }
        let message = ChatMessage(body: body, sender: sender)
        let html = try renderString("message.html", ["message": message.templateFields])
        room.post(RenderedChatMessage(message, html: html))
    }
}
