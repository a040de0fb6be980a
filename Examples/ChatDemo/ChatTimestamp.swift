// When a chat message or presence event happened, in the two forms the page
// needs: ISO 8601 for `<time datetime>` (the browser shows it in local time)
// and a short UTC clock for pages without JavaScript.
import Glibc

/// A UTC wall-clock time, already formatted.
struct ChatTimestamp: Sendable {
    /// `2025-03-04T05:06:07Z`.
    let iso: String
    /// `05:06` (UTC).
    let clock: String

    /// The current time.
    static func now() -> ChatTimestamp {
        var seconds = time(nil)
        var parts = tm()
        gmtime_r(&seconds, &parts)
        let hour = twoDigits(parts.tm_hour), minute = twoDigits(parts.tm_min)
        let date = "\(parts.tm_year + 1900)-\(twoDigits(parts.tm_mon + 1))-\(twoDigits(parts.tm_mday))"
        return ChatTimestamp(iso: "\(date)T\(hour):\(minute):\(twoDigits(parts.tm_sec))Z", clock: "\(hour):\(minute)")
    }

    private static func twoDigits(_ value: Int32) -> String {
        value < 10 ? "0\(value)" : String(value)
    }
}
