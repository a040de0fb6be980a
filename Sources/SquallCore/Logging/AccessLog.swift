// Tornado-style access log lines (`Application.log_request`):
// `200 GET /path (127.0.0.1) 0.52ms`, logged at info below 400, warning for 4xx
// and error for 5xx.

extension Log {
    /// The level Tornado logs a finished request at: `.info` for status < 400,
    /// `.warning` for 400–499, `.error` for 500 and above.
    public static func accessLevel(forStatus status: Int) -> LogLevel {
        if status < 400 { return .info }
        if status < 500 { return .warning }
        return .error
    }

    /// Formats an access line: `"<status> <method> <uri> (<remoteIP>) <ms>ms"` with the
    /// duration (given in seconds) shown in milliseconds to two decimals, e.g.
    /// `accessLine(status: 200, method: "GET", uri: "/a?b=1", remoteIP: "127.0.0.1",
    /// duration: 0.000523)` → `"200 GET /a?b=1 (127.0.0.1) 0.52ms"`.
    /// Negative or non-finite durations are shown as `0.00ms`.
    public static func accessLine(status: Int, method: String, uri: String,
                                  remoteIP: String, duration: Double) -> String {
        String(status) + " " + method + " " + uri + " (" + remoteIP + ") " + milliseconds(duration) + "ms"
    }

    /// Logs one finished request to `Log.access` at `accessLevel(forStatus:)`; the line is
    /// only built if that level is enabled.
    public static func logRequest(status: Int, method: String, uri: String, remoteIP: String,
                                  duration: Double, file: String = #fileID, line: Int = #line) {
        access.log(accessLevel(forStatus: status),
                   accessLine(status: status, method: method, uri: uri, remoteIP: remoteIP, duration: duration),
                   file: file, line: line)
    }

    /// `seconds` as milliseconds with exactly two decimals (`%.2f`), rounding half away
    /// from zero; clamps nonsense (negative, NaN, infinite, absurdly large) to safe output.
    static func milliseconds(_ seconds: Double) -> String {
        guard seconds.isFinite, seconds > 0 else { return "0.00" }
        // Hundredths of a millisecond; a day is ~8.6e9, far below Int range, but clamp anyway.
        let hundredths = Int(exactly: min((seconds * 100_000).rounded(), 1e15)) ?? 0
        let fraction = hundredths % 100
        return String(hundredths / 100) + (fraction < 10 ? ".0" : ".") + String(fraction)
    }
}
