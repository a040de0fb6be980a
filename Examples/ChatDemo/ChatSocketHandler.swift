// /chatsocket: one browser's connection to the room (Tornado's
// ChatSocketHandler). Each text frame `{"body": "…"}` becomes a message with a
// fresh id, rendered through message.html into "html", cached, and sent to
// every connection, encoded once. Bad frames never reach anyone else: empty
// bodies are dropped, oversized ones refused with an error frame to their
// sender, and anything that is not a JSON object is logged and ignored.
import Squall

/// One WebSocket connection to the chat room.
final class ChatSocketHandler: WebSocketHandler {
    /// The room to join; set by the route.
    var room: ChatRoom!
    /// The name shown with this connection's messages: the nickname from the
    /// signed cookie, else a new visitor label. Fixed when the socket opens.
    private(set) var name = ""

    override func getCurrentUser() throws -> String? { try signedNickname() }

    override func open() throws {
        name = try currentUser ?? room.nextVisitorLabel()
        // Welcome first, so the presence notice of this join comes after it.
        try writeMessage(ServerFrame.welcome(name: name, online: room.onlineCount + 1))
        room.join(self)
    }

    override func onMessage(_ text: String) throws {
        let frame: ClientFrame
        do {
            frame = try ClientFrame.parse(text)
        } catch {
            Log.app.warning("chatsocket \(request.remoteIP): ignored a frame (\(error)): \(text.prefix(80).debugDescription)")
            return
        }
        switch frame {
        case .chat(let body):
            do {
                try postChatMessage(body, sender: name, to: room)
            } catch ChatInputError.empty {
                Log.app.debug("chatsocket \(request.remoteIP): ignored an empty message")
            } catch let error as ChatInputError {
                try writeMessage(ServerFrame.error(error.description))
            }
        case .history(let since):
            try writeMessage(ServerFrame.history(room.messages(after: since)))
        }
    }

    override func onMessage(_ data: [UInt8]) throws {
        Log.app.warning("chatsocket \(request.remoteIP): ignored a binary frame of \(data.count) bytes")
    }

    override func onClose() {
        room.leave(self)
    }
}
