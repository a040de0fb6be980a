// Log levels, as in Tornado (and Python's `logging`): debug < info < warning < error.
// A record is emitted only when its level is at or above `Log.minimumLevel`.

/// The severity of a log record, ordered `debug < info < warning < error`.
///
/// Raw values match Python's `logging` constants (10, 20, 30, 40) so numbers
/// read the same as in Tornado deployments.
public enum LogLevel: Int, Sendable, Comparable, CaseIterable, LosslessStringConvertible {
    /// Diagnostic detail, hidden by default.
    case debug = 10
    /// Normal operation, e.g. one access-log line per request. The default minimum.
    case info = 20
    /// Something unexpected that the server survived (4xx responses, bad input).
    case warning = 30
    /// A failure: an uncaught handler error, a 5xx response.
    case error = 40

    /// Lower-case name: `"debug"`, `"info"`, `"warning"` or `"error"`.
    public var description: String {
        switch self {
        case .debug: "debug"
        case .info: "info"
        case .warning: "warning"
        case .error: "error"
        }
    }

    /// The single upper-case letter Tornado's log prefix shows: `D`, `I`, `W`, `E`.
    public var letter: Character {
        switch self {
        case .debug: "D"
        case .info: "I"
        case .warning: "W"
        case .error: "E"
        }
    }

    /// Parses a level name case-insensitively (`"debug"`, `"INFO"`, `"warn"`, `"warning"`,
    /// `"error"`); returns `nil` for anything else.
    public init?(_ description: String) {
        switch description.lowercased() {
        case "debug": self = .debug
        case "info": self = .info
        case "warn", "warning": self = .warning
        case "error": self = .error
        default: return nil
        }
    }

    /// Orders levels by severity.
    public static func < (lhs: LogLevel, rhs: LogLevel) -> Bool {
        lhs.rawValue < rhs.rawValue
    }
}
