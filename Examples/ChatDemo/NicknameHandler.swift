// POST /nickname: the small form in the page's header. A valid name goes into
// a signed cookie, which every chat handler reads back as `currentUser`; an
// empty one signs the visitor out again. XSRF-checked like every POST.
import Squall

/// Sets or clears the visitor's nickname, then goes back to the chat.
final class NicknameHandler: RequestHandler {
    override func post() throws {
        let raw = try getBodyArgument("nickname", default: "", strip: true) ?? ""
        if raw.isEmpty {
            try clearCookie(Nickname.cookieName)
        } else {
            guard let nickname = Nickname.validated(raw) else {
                throw HTTPError(400, "rejected nickname \(raw.prefix(64).debugDescription)",
                                reason: "Invalid nickname: use 1 to \(ChatLimits.maxNicknameLength) characters, not \"Visitor N\"")
            }
            try setSignedCookie(Nickname.cookieName, nickname, httpOnly: true, sameSite: .lax)
        }
        try redirect("/")
    }
}
