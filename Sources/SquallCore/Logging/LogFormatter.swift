// Tornado's LogFormatter line format: `[I 240101 12:00:00 web:2271] message`
// (level letter, local yymmdd HH:MM:SS, module:line). The bracketed prefix is
// coloured by level when writing to a terminal; continuation lines are indented.

#if canImport(Glibc)
import Glibc
#endif

/// Formats `LogRecord`s exactly like Tornado's `tornado.log.LogFormatter`.
public struct LogFormatter: Sendable {
    /// Whether the `[...]` prefix is wrapped in ANSI colour codes
    /// (blue debug, green info, yellow warning, red error).
    public var colored: Bool

    /// Creates a formatter; `colored` defaults to false (plain text).
    public init(colored: Bool = false) {
        self.colored = colored
    }

    /// The formatter used by `Log.standardErrorHandler`, coloured iff
    /// `standardErrorSupportsColor`.
    public static let standardError = LogFormatter(colored: standardErrorSupportsColor)

    /// True when fd 2 is a terminal (`isatty`), `TERM` is set and not `dumb`,
    /// and `NO_COLOR` is unset. Evaluated once at first use.
    public static let standardErrorSupportsColor: Bool = {
        guard isatty(2) == 1, getenv("NO_COLOR") == nil,
              let term = getenv("TERM").map({ String(cString: $0) }), !term.isEmpty, term != "dumb"
        else { return false }
        return true
    }()

    /// One line (continuation lines indented by four spaces, as Tornado does) without a
    /// trailing newline, e.g. `[W 240101 12:00:00 Application:42] 404 GET /x (::1) 0.10ms`.
    /// The timestamp is in the process's local time zone.
    public func format(_ record: LogRecord) -> String {
        var prefix = "["
        prefix.append(record.level.letter)
        prefix += " " + Self.timestamp(record.timestamp) + " " + record.module + ":" + String(record.line) + "]"
        if colored {
            prefix = Self.color(for: record.level) + prefix + "\u{1B}[0m"
        }
        let message = record.message.contains("\n")
            ? record.message.split(separator: "\n", omittingEmptySubsequences: false).joined(separator: "\n    ")
            : record.message
        return prefix + " " + message
    }

    /// ANSI foreground colours Tornado uses: 4 blue, 2 green, 3 yellow, 1 red.
    private static func color(for level: LogLevel) -> String {
        switch level {
        case .debug: "\u{1B}[34m"
        case .info: "\u{1B}[32m"
        case .warning: "\u{1B}[33m"
        case .error: "\u{1B}[31m"
        }
    }

    /// `yymmdd HH:MM:SS` in local time (Tornado's `%y%m%d %H:%M:%S`).
    static func timestamp(_ seconds: Double) -> String {
        var time = seconds.isFinite ? time_t(exactly: seconds.rounded(.down)) ?? 0 : 0
        var parts = tm()
        guard localtime_r(&time, &parts) != nil else { return "000000 00:00:00" }
        return twoDigits(Int(parts.tm_year) % 100) + twoDigits(Int(parts.tm_mon) + 1) + twoDigits(Int(parts.tm_mday))
            + " " + twoDigits(Int(parts.tm_hour)) + ":" + twoDigits(Int(parts.tm_min)) + ":" + twoDigits(Int(parts.tm_sec))
    }

    private static func twoDigits(_ value: Int) -> String {
        value < 10 ? "0" + String(value) : String(value)
    }
}
