// Runs the real ChatDemo executable for a test, so the tests exercise the very
// process `swift run ChatDemo` starts: its option parsing, how it finds
// templates/ and static/, and its startup line. With `--port 0` the kernel
// picks a free port, which is read back from "Chat demo at http://…:PORT/".
import Foundation
import Squall
import SquallTesting

/// A ChatDemo process listening on 127.0.0.1.
final class ChatDemoProcess: @unchecked Sendable {
    /// The port it listens on.
    let port: Int
    /// The `--cookie_secret` it was started with.
    let cookieSecret: String
    // Process is not Sendable; it is only touched by start and stop.
    private let process: Process
    private let logFile: URL

    private init(process: Process, port: Int, cookieSecret: String, logFile: URL) {
        self.process = process
        self.port = port
        self.cookieSecret = cookieSecret
        self.logFile = logFile
    }

    /// `http://127.0.0.1:<port>` + `path`.
    func url(_ path: String) -> String { "http://127.0.0.1:\(port)\(path)" }

    /// `ws://127.0.0.1:<port>` + `path`.
    func webSocketURL(_ path: String = "/chatsocket") -> String { "ws://127.0.0.1:\(port)\(path)" }

    /// The ChatDemo binary: `$CHATDEMO_BINARY`, else `ChatDemo` in the build
    /// directory the test runner itself was started from.
    static var binaryPath: String {
        if let configured = ProcessInfo.processInfo.environment["CHATDEMO_BINARY"], !configured.isEmpty {
            return configured
        }
        let runner = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        return runner.deletingLastPathComponent().appendingPathComponent("ChatDemo").path
    }

    /// Starts ChatDemo on `port` (0 = any free port) and waits for its startup line.
    /// A port still held by a previous process is retried for up to 30 s.
    /// Also starts this process's IOLoop (for the WebSocket clients) if needed.
    static func start(port: Int = 0, cookieSecret: String = "chat demo tests") async throws -> ChatDemoProcess {
        IOLoop.current.startInBackground()
        return try await offLoop {
            let deadline = Date(timeIntervalSinceNow: 30)
            while true {
                do {
                    return try launch(port: port, cookieSecret: cookieSecret)
                } catch {
                    if port == 0 || Date() >= deadline { throw error }
                    Thread.sleep(forTimeInterval: 0.2)
                }
            }
        }
    }

    private static func launch(port: Int, cookieSecret: String) throws -> ChatDemoProcess {
        let logFile = FileManager.default.temporaryDirectory.appendingPathComponent("chatdemo-\(UUID().uuidString).log")
        _ = FileManager.default.createFile(atPath: logFile.path, contents: nil)
        let output = Pipe()
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binaryPath)
        process.arguments = ["--port", String(port), "--cookie_secret", cookieSecret, "--logging", "warning"]
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = output
        process.standardError = try FileHandle(forWritingTo: logFile)
        try process.run()
        // A hung start must not hang the test: kill it after 60 s without a line.
        let watchdog = DispatchWorkItem { if process.isRunning { process.terminate() } }
        DispatchQueue.global().asyncAfter(deadline: .now() + 60, execute: watchdog)
        defer { watchdog.cancel() }
        var text = ""
        while !text.contains("\n") {
            let chunk = output.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            text += String(decoding: chunk, as: UTF8.self)
        }
        guard let line = text.split(separator: "\n").first, line.hasPrefix("Chat demo at http://"),
              let portText = line.split(separator: ":").last?.split(separator: "/").first, let bound = Int(portText) else {
            process.waitUntilExit()
            let log = (try? String(contentsOf: logFile, encoding: .utf8)) ?? ""
            throw TestClientError("ChatDemo (\(binaryPath)) did not start: stdout \(text.debugDescription), stderr \(log)")
        }
        return ChatDemoProcess(process: process, port: bound, cookieSecret: cookieSecret, logFile: logFile)
    }

    /// Stops the process (SIGTERM, then SIGKILL after 10 s) and waits for it.
    func stop() {
        guard process.isRunning else { return }
        process.terminate()
        let deadline = Date(timeIntervalSinceNow: 10)
        while process.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
    }

    deinit {
        stop()
        try? FileManager.default.removeItem(at: logFile)
    }

    /// What the server logged so far (warnings and errors).
    var log: String { (try? String(contentsOf: logFile, encoding: .utf8)) ?? "" }

    /// Runs `body` with a fresh ChatDemo and stops it afterwards, also on errors.
    static func with<Result: Sendable>(
        isolation: isolated (any Actor)? = #isolation, _ body: (ChatDemoProcess) async throws -> Result
    ) async throws -> Result {
        let demo = try await start()
        do {
            let result = try await body(demo)
            demo.stop()
            return result
        } catch {
            demo.stop()
            throw error
        }
    }
}
