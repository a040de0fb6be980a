// What a browser may send on /chatsocket, as Tornado's chat.js does: the message
// form's fields as a JSON object, `{"body": "…", "_xsrf": "…"}`. Fields other
// than "body" are ignored: pages of other sites cannot open the socket at all
// (the handshake's origin check answers 403), so the token adds nothing here.
// One more kind asks for the messages a reconnecting page missed:
// `{"type": "history", "since": "<newest id it has>"}`.
import Foundation

/// One parsed client frame.
enum ClientFrame: Equatable {
    /// A chat message with this body (not yet checked for size or emptiness).
    case chat(body: String)
    /// A request for the cached messages newer than the message `since`
    /// (all of them when that id is unknown or empty).
    case history(since: String)

    /// Parses one text frame.
    ///
    /// - Throws: `ClientFrameError` saying what was wrong, for the log.
    static func parse(_ text: String) throws(ClientFrameError) -> ClientFrame {
        let parsed: Any
        do {
            parsed = try JSONSerialization.jsonObject(with: Data(text.utf8))
        } catch {
            throw ClientFrameError("not JSON")
        }
        guard let object = parsed as? [String: Any] else { throw ClientFrameError("not a JSON object") }
        switch object["type"].map({ $0 as? String ?? "" }) ?? "message" {
        case "message":
            guard let body = object["body"] as? String else { throw ClientFrameError("no string \"body\"") }
            return .chat(body: body)
        case "history":
            return .history(since: object["since"] as? String ?? "")
        default:
            throw ClientFrameError("unknown \"type\"")
        }
    }
}

/// Why a client frame was ignored.
struct ClientFrameError: Error, CustomStringConvertible {
    /// The reason, e.g. `not JSON`.
    let description: String

    init(_ description: String) { self.description = description }
}
