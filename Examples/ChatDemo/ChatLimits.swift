// The chat demo's limits in one place: each is enforced on the server and
// published to the page where the browser can check it first.

/// Sizes the chat room enforces.
enum ChatLimits {
    /// Messages kept for new visitors and reconnecting clients (Tornado's `cache_size`).
    static let cacheSize = 200
    /// Largest message body accepted, in UTF-8 bytes; longer ones are refused
    /// with an error frame to their sender.
    static let maxBodyBytes = 4 * 1024
    /// Largest WebSocket message read at all; bigger ones close the connection
    /// with 1009 before any parsing.
    static let maxFrameBytes = 64 * 1024
    /// Longest nickname, in characters.
    static let maxNicknameLength = 32
    /// Join/leave events listed in one presence frame; the rest are counted.
    static let maxPresenceEvents = 20
    /// Seconds after a presence frame during which further join/leave events
    /// are collected into one frame, so a burst of N connections costs each
    /// client a few frames instead of N (N² in total).
    static let presenceDelay = 0.25
}
