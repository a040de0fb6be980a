// Nicknames: the name a visitor chose on the page, kept in a signed cookie and
// read back as the handler's `currentUser`. Visitors without one are shown as
// "Visitor N", a label no nickname may imitate.
import Squall

/// Validation and storage of nicknames.
enum Nickname {
    /// The signed cookie holding the nickname.
    static let cookieName = "nickname"

    /// `raw` trimmed, or nil when it is empty, longer than
    /// `ChatLimits.maxNicknameLength` characters, holds control characters, or
    /// looks like a visitor label ("Visitor 12").
    static func validated(_ raw: String) -> String? {
        let name = raw.trimmingWhitespace()
        guard !name.isEmpty, name.count <= ChatLimits.maxNicknameLength,
              !name.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }),
              !isVisitorLabel(name) else { return nil }
        return name
    }

    /// The label of the `number`th anonymous visitor.
    static func visitorLabel(_ number: Int) -> String { "Visitor \(number)" }

    private static func isVisitorLabel(_ name: String) -> Bool {
        let words = name.split(separator: " ", omittingEmptySubsequences: true)
        return words.count == 2 && words[0].lowercased() == "visitor" && words[1].allSatisfy(\.isNumber)
    }
}

extension String {
    /// The text without leading and trailing whitespace (including newlines).
    func trimmingWhitespace() -> String {
        guard let first = firstIndex(where: { !$0.isWhitespace }),
              let last = lastIndex(where: { !$0.isWhitespace }) else { return "" }
        return String(self[first...last])
    }
}

extension RequestHandler {
    /// The valid nickname in this request's signed cookie, or nil; what the chat
    /// handlers return from `getCurrentUser()`.
    func signedNickname() throws -> String? {
        try getSignedCookie(Nickname.cookieName).flatMap(Nickname.validated)
    }
}
