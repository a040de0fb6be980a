// Tests for Logging: levels, record capture through `Log.handler`, lazy messages,
// Tornado's line format, and access-line formatting and levels.

import Glibc
import Synchronization
import Testing
@testable import SquallCore

/// Collects records from one logger name, so concurrently running suites cannot interfere.
private final class Capture: Sendable {
    let records = Mutex<[LogRecord]>([])
    let name: String
    init(_ name: String) { self.name = name }
    var handler: LogHandler {
        { [self] record in if record.logger == name { records.withLock { $0.append(record) } } }
    }
    var all: [LogRecord] { records.withLock { $0 } }
}

/// Runs `body` with a capturing handler and the given minimum level, restoring both after.
private func capturing(_ name: String, level: LogLevel = .debug, _ body: (Logger, Capture) -> Void) {
    let capture = Capture(name)
    let (savedHandler, savedLevel) = (Log.handler, Log.minimumLevel)
    Log.handler = capture.handler
    Log.minimumLevel = level
    defer { Log.handler = savedHandler; Log.minimumLevel = savedLevel }
    body(Logger(name), capture)
}

@Suite(.serialized) struct LoggingTests {
    @Test func levelsAreOrderedAndNamed() {
        #expect(LogLevel.debug < .info && LogLevel.info < .warning && LogLevel.warning < .error)
        #expect(LogLevel.allCases.map(\.description) == ["debug", "info", "warning", "error"])
        #expect(LogLevel.allCases.map(\.letter) == ["D", "I", "W", "E"])
        #expect(LogLevel("WARN") == .warning && LogLevel("Error") == .error && LogLevel("info") == .info)
        #expect(LogLevel("none") == nil && LogLevel("") == nil)
    }

    @Test func standardLoggersHaveTornadoStyleNames() {
        #expect(Log.access.name == "squall.access")
        #expect(Log.app.name == "squall.application")
        #expect(Log.general.name == "squall.general")
    }

    @Test func recordsCarryLevelLoggerMessageAndSite() {
        capturing("test.records") { logger, capture in
            logger.debug("d"); logger.info("i"); logger.warning("w"); logger.error("e")
            let records = capture.all
            #expect(records.map(\.level) == [.debug, .info, .warning, .error])
            #expect(records.map(\.message) == ["d", "i", "w", "e"])
            #expect(records.allSatisfy { $0.logger == "test.records" && $0.file.hasSuffix("LoggingTests.swift") })
            #expect(records.allSatisfy { $0.module == "LoggingTests" && $0.line > 0 && $0.timestamp > 1_600_000_000 })
        }
    }

    @Test func recordsBelowMinimumAreDroppedWithoutBuildingTheMessage() {
        capturing("test.threshold", level: .warning) { logger, capture in
            let built = Mutex(0)
            func message(_ text: String) -> String { built.withLock { $0 += 1 }; return text }
            logger.debug(message("d"))
            logger.info(message("i"))
            logger.warning(message("w"))
            logger.error(message("e"))
            #expect(capture.all.map(\.message) == ["w", "e"])
            #expect(built.withLock { $0 } == 2)
            #expect(!logger.isEnabled(for: .info) && logger.isEnabled(for: .warning))
        }
    }

    @Test func handlerReceivesRecordsFromManyThreads() async {
        let capture = Capture("test.threads")
        let (savedHandler, savedLevel) = (Log.handler, Log.minimumLevel)
        Log.handler = capture.handler
        Log.minimumLevel = .info
        await withTaskGroup(of: Void.self) { group in
            for task in 0..<8 {
                group.addTask { for i in 0..<100 { Logger("test.threads").info("\(task)-\(i)") } }
            }
        }
        Log.handler = savedHandler
        Log.minimumLevel = savedLevel
        #expect(capture.all.count == 800)
        #expect(Set(capture.all.map(\.message)).count == 800)
    }

    @Test func formatterMatchesTornadoPrefix() {
        let record = LogRecord(level: .info, logger: "squall.access", message: "200 GET / (::1) 0.10ms",
                               timestamp: 1_700_000_000.75, file: "SquallWeb/Application.swift", line: 2271)
        let line = LogFormatter().format(record)
        let stamp = LogFormatter.timestamp(1_700_000_000.75)
        #expect(line == "[I \(stamp) Application:2271] 200 GET / (::1) 0.10ms")
        #expect(stamp.count == 15)
        #expect(stamp.wholeMatch(of: /\d{6} \d\d:\d\d:\d\d/) != nil)
        #expect(!line.contains("\u{1B}"))
    }

    @Test func timestampUsesLocalTimeFieldsAndSurvivesNonsense() {
        #expect(LogFormatter.timestamp(.nan) == LogFormatter.timestamp(0))
        #expect(LogFormatter.timestamp(.infinity) == LogFormatter.timestamp(0))
        #expect(LogFormatter.timestamp(1e300) == LogFormatter.timestamp(0))
    }

    @Test func colouredPrefixWrapsOnlyTheBracket() {
        let record = LogRecord(level: .error, logger: "x", message: "boom", timestamp: 0, file: "A/B.swift", line: 1)
        let line = LogFormatter(colored: true).format(record)
        #expect(line.hasPrefix("\u{1B}[31m[E "))
        #expect(line.hasSuffix("B:1]\u{1B}[0m boom"))
        let colors = LogLevel.allCases.map {
            LogFormatter(colored: true).format(LogRecord(level: $0, logger: "x", message: "", timestamp: 0, file: "f", line: 1)).prefix(5)
        }
        #expect(colors == ["\u{1B}[34m", "\u{1B}[32m", "\u{1B}[33m", "\u{1B}[31m"])
    }

    @Test func multilineMessagesAreIndented() {
        let record = LogRecord(level: .error, logger: "x", message: "first\nsecond\n", timestamp: 0, file: "M.swift", line: 3)
        #expect(LogFormatter().format(record).hasSuffix("M:3] first\n    second\n    "))
    }

    @Test func moduleStripsDirectoriesAndExtension() {
        func module(_ file: String) -> String {
            LogRecord(level: .info, logger: "", message: "", timestamp: 0, file: file, line: 0).module
        }
        #expect(module("SquallWeb/Web.swift") == "Web")
        #expect(module("main.swift") == "main")
        #expect(module("NoExtension") == "NoExtension")
        #expect(module(".hidden") == ".hidden")
    }

    @Test func standardErrorNeverColoursWhenNotATerminal() {
        // Under `swift test` stderr is a pipe or file, never a terminal.
        #expect(LogFormatter.standardErrorSupportsColor == false)
        #expect(LogFormatter.standardError.colored == false)
    }

    @Test func accessLinesLookLikeTornado() {
        #expect(Log.accessLine(status: 200, method: "GET", uri: "/path", remoteIP: "127.0.0.1", duration: 0.000523)
            == "200 GET /path (127.0.0.1) 0.52ms")
        #expect(Log.accessLine(status: 404, method: "POST", uri: "/a?b=1", remoteIP: "::1", duration: 1.5)
            == "404 POST /a?b=1 (::1) 1500.00ms")
        #expect(Log.milliseconds(0.0000004) == "0.00")
        #expect(Log.milliseconds(0.000005) == "0.01")
        #expect(Log.milliseconds(0.0001) == "0.10")
        #expect(Log.milliseconds(-1) == "0.00")
        #expect(Log.milliseconds(.nan) == "0.00")
        #expect(Log.milliseconds(.infinity) == "0.00")
        #expect(Log.milliseconds(1e300) == "10000000000000.00")
    }

    @Test func accessLevelFollowsStatusClass() {
        #expect([101, 200, 304, 399].map(Log.accessLevel(forStatus:)) == [.info, .info, .info, .info])
        #expect([400, 404, 499].map(Log.accessLevel(forStatus:)) == [.warning, .warning, .warning])
        #expect([500, 503, 599].map(Log.accessLevel(forStatus:)) == [.error, .error, .error])
    }

    @Test func logRequestGoesToAccessLoggerAtStatusLevel() {
        let capture = Capture(Log.access.name)
        let (savedHandler, savedLevel) = (Log.handler, Log.minimumLevel)
        Log.handler = capture.handler
        Log.minimumLevel = .info
        Log.logRequest(status: 201, method: "PUT", uri: "/x", remoteIP: "10.0.0.1", duration: 0.002)
        Log.logRequest(status: 418, method: "GET", uri: "/tea", remoteIP: "10.0.0.1", duration: 0)
        Log.logRequest(status: 502, method: "GET", uri: "/up", remoteIP: "10.0.0.1", duration: 0.01)
        Log.minimumLevel = .error
        Log.logRequest(status: 200, method: "GET", uri: "/quiet", remoteIP: "10.0.0.1", duration: 0)
        Log.handler = savedHandler
        Log.minimumLevel = savedLevel
        let records = capture.all.filter { $0.message.contains("10.0.0.1") }
        #expect(records.map(\.level) == [.info, .warning, .error])
        #expect(records.first?.message == "201 PUT /x (10.0.0.1) 2.00ms")
    }

    @Test func consoleOutputWritesWholeMessages() throws {
        var fds: [Int32] = [0, 0]
        try #require(pipe(&fds) == 0)
        defer { close(fds[0]) }
        let message = String(repeating: "line ✓\n", count: 500)
        ConsoleOutput.write(message, to: fds[1])
        ConsoleOutput.write("", to: fds[1])
        close(fds[1])
        var received: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        while case let count = read(fds[0], &buffer, buffer.count), count > 0 { received += buffer[..<count] }
        #expect(String(decoding: received, as: UTF8.self) == message)
        // A bad descriptor is ignored rather than crashing.
        ConsoleOutput.write("lost", to: -1)
    }
}
