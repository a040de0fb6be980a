// Global logging configuration, the counterpart of tornado.log: the three standard
// streams (access, application, general), the minimum level, and the sink that
// receives every emitted record (stderr in Tornado's format unless replaced).

import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// Receives every emitted record. Called on the logging thread, outside any lock,
/// so it may itself log; it must be thread-safe.
public typealias LogHandler = @Sendable (LogRecord) -> Void

/// Squall's logging entry point: standard loggers plus process-wide settings.
///
/// Thread-safety: `minimumLevel` is an atomic; `handler` is guarded by a lock.
public enum Log {
    /// Per-request access lines (`200 GET / (127.0.0.1) 0.52ms`), like `tornado.access`.
    public static let access = Logger("squall.access")
    /// Errors from application code (uncaught handler errors), like `tornado.application`.
    public static let app = Logger("squall.application")
    /// Everything else Squall itself reports, like `tornado.general`.
    public static let general = Logger("squall.general")

    private static let level = Atomic<Int>(LogLevel.info.rawValue)
    private static let sink = Mutex<LogHandler>(Log.standardErrorHandler)

    /// Records below this level are dropped before their message is built.
    /// Default `.info`, as Tornado's `--logging=info`.
    public static var minimumLevel: LogLevel {
        get { LogLevel(rawValue: level.load(ordering: .relaxed)) ?? .info }
        set { level.store(newValue.rawValue, ordering: .relaxed) }
    }

    /// Where records go. Default: `standardErrorHandler`. Replace it to capture logs
    /// (tests) or forward them elsewhere; setting it affects all threads.
    public static var handler: LogHandler {
        get { sink.withLock { $0 } }
        set { sink.withLock { $0 = newValue } }
    }

    /// Writes each record to standard error as one Tornado-formatted line, coloured only
    /// when stderr is a colour-capable terminal (see `LogFormatter.standardErrorSupportsColor`).
    public static let standardErrorHandler: LogHandler = { record in
        ConsoleOutput.write(LogFormatter.standardError.format(record) + "\n", to: 2)
    }

    /// Passes `record` to the current handler. The lock is released before the call.
    static func emit(_ record: LogRecord) {
        let current = sink.withLock { $0 }
        current(record)
    }

    /// Seconds since the Unix epoch from the realtime clock.
    static func currentTime() -> Double {
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        return Double(now.tv_sec) + Double(now.tv_nsec) / 1_000_000_000
    }
}
