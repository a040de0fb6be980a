// ExampleServer: one example app started as a subprocess for a test. Executables
// cannot be imported by tests, so each test runs the built binary, exactly as
// `swift run Blog` would, on a port the kernel picks (`--port 0`) and learns it
// from the URL the example prints on start. Its log goes to a file that a failing
// start reports.
import Foundation
import Glibc
import SquallTesting

/// A running example binary.
final class ExampleServer: @unchecked Sendable {
    // Process is not Sendable; it is only touched by `start` and `stop`, never
    // concurrently.
    private let process: Process
    /// The port the example listens on (127.0.0.1).
    let port: Int
    /// Where the example's standard error (its log) goes.
    let logFile: URL

    private init(process: Process, port: Int, logFile: URL) {
        self.process = process
        self.port = port
        self.logFile = logFile
    }

    /// Starts the example `name` with `arguments` after `--port 0 --address 127.0.0.1`
    /// and waits until it prints `http://127.0.0.1:<port>/`.
    ///
    /// - Throws: `TestClientError` when the binary is missing (build first) or
    ///   exits before listening; the message holds its log.
    static func start(_ name: String, _ arguments: [String] = []) async throws -> ExampleServer {
        let binary = binaryDirectory().appendingPathComponent(name)
        guard FileManager.default.isExecutableFile(atPath: binary.path) else {
            throw TestClientError("\(binary.path) is missing: build the examples first (swift build)")
        }
        let logFile = FileManager.default.temporaryDirectory.appendingPathComponent("example-\(name)-\(UUID().uuidString).log")
        _ = FileManager.default.createFile(atPath: logFile.path, contents: nil)
        let process = Process()
        process.executableURL = binary
        process.arguments = ["--port", "0", "--address", "127.0.0.1"] + arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = try FileHandle(forWritingTo: logFile)
        try process.run()
        let reader = output.fileHandleForReading
        let port = try await offLoop { try readPort(from: reader) }
        guard let port else {
            process.waitUntilExit()
            let log = (try? String(contentsOf: logFile, encoding: .utf8)) ?? ""
            throw TestClientError("\(name) exited (status \(process.terminationStatus)) before listening:\n\(log)")
        }
        return ExampleServer(process: process, port: port, logFile: logFile)
    }

    /// Whether the example is still running (it has not exited or crashed).
    var isRunning: Bool { process.isRunning }

    /// Kills the example and removes its log. SIGKILL rather than the graceful
    /// SIGTERM: a child starts with the signal mask of the thread that spawned it,
    /// which in a test process blocks SIGTERM, and the IOLoop does not unblock
    /// the signals it handles, so the example would never see a SIGTERM.
    func stop() {
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        try? FileManager.default.removeItem(at: logFile)
    }

    /// Reads the example's standard output up to the line with its URL; nil at EOF.
    private static func readPort(from handle: FileHandle) throws -> Int? {
        let marker = Array("http://127.0.0.1:".utf8)
        var text: [UInt8] = []
        while true {
            let chunk = handle.availableData
            if chunk.isEmpty { return nil }
            text += chunk
            if let range = text.firstRange(of: marker) {
                let digits = text[range.upperBound...].prefix { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }
                if digits.endIndex < text.endIndex { return Int(String(decoding: digits, as: UTF8.self)) }
            }
        }
    }

    /// The directory holding the built examples: the one holding this test
    /// binary (`.build/debug/`, or wherever `--scratch-path` put it), unless
    /// `SQUALL_EXAMPLES_BIN` names another.
    static func binaryDirectory() -> URL {
        if let override = ProcessInfo.processInfo.environment["SQUALL_EXAMPLES_BIN"] {
            return URL(fileURLWithPath: override)
        }
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let length = readlink("/proc/self/exe", &buffer, buffer.count - 1)
        guard length > 0 else {
            return URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
                .deletingLastPathComponent().appendingPathComponent(".build/debug")
        }
        let executable = String(decoding: buffer[..<length].map { UInt8(bitPattern: $0) }, as: UTF8.self)
        return URL(fileURLWithPath: executable).deletingLastPathComponent()
    }
}
