// One emitted log event, handed to `Log.handler`. Mirrors the fields of a Python
// `logging.LogRecord` that Tornado's formatter uses.

/// A single log event: what was said, by which logger, at which level, when and where.
///
/// Records are only built for levels at or above `Log.minimumLevel`.
public struct LogRecord: Sendable, Equatable {
    /// Severity of the event.
    public let level: LogLevel
    /// Name of the emitting logger, e.g. `"squall.access"`.
    public let logger: String
    /// The fully built message text (may contain newlines).
    public let message: String
    /// Wall-clock time of the event in seconds since the Unix epoch (UTC).
    public let timestamp: Double
    /// The call site's `#fileID`, e.g. `"SquallWeb/Application.swift"`.
    public let file: String
    /// The call site's line number.
    public let line: Int

    /// Creates a record; normally done by `Logger`, useful directly in tests.
    public init(level: LogLevel, logger: String, message: String, timestamp: Double, file: String, line: Int) {
        self.level = level
        self.logger = logger
        self.message = message
        self.timestamp = timestamp
        self.file = file
        self.line = line
    }

    /// The call site's file name without directory or extension (`"Application"`),
    /// the equivalent of Python's `%(module)s` in Tornado's log prefix.
    public var module: String {
        let name = file.split(separator: "/").last.map(String.init) ?? file
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return name }
        return String(name[..<dot])
    }
}
