// A named log stream, like Python's `logging.getLogger("tornado.access")`.
// Squall's own streams are `Log.access`, `Log.app` and `Log.general`.

/// A named source of log records. Cheap to copy; all state lives in `Log`.
///
/// Messages are `@autoclosure`s: when the level is below `Log.minimumLevel`
/// the message is never built, so disabled logging costs one atomic load.
/// All methods are thread-safe.
public struct Logger: Sendable, Hashable {
    /// The logger's name, copied into every `LogRecord.logger`.
    public let name: String

    /// Creates a logger with the given name (any string; dotted names by convention).
    public init(_ name: String) {
        self.name = name
    }

    /// Whether a record at `level` would currently be emitted.
    public func isEnabled(for level: LogLevel) -> Bool {
        level >= Log.minimumLevel
    }

    /// Emits `message` at `level` if that level is enabled; the message is built only then.
    public func log(_ level: LogLevel, _ message: @autoclosure () -> String,
                    file: String = #fileID, line: Int = #line) {
        guard isEnabled(for: level) else { return }
        Log.emit(LogRecord(level: level, logger: name, message: message(),
                           timestamp: Log.currentTime(), file: file, line: line))
    }

    /// Emits `message` at `.debug`.
    public func debug(_ message: @autoclosure () -> String, file: String = #fileID, line: Int = #line) {
        log(.debug, message(), file: file, line: line)
    }

    /// Emits `message` at `.info`.
    public func info(_ message: @autoclosure () -> String, file: String = #fileID, line: Int = #line) {
        log(.info, message(), file: file, line: line)
    }

    /// Emits `message` at `.warning`.
    public func warning(_ message: @autoclosure () -> String, file: String = #fileID, line: Int = #line) {
        log(.warning, message(), file: file, line: line)
    }

    /// Emits `message` at `.error`.
    public func error(_ message: @autoclosure () -> String, file: String = #fileID, line: Int = #line) {
        log(.error, message(), file: file, line: line)
    }
}
