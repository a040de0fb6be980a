// BrowserProcess: one headless Chromium started for a test, with its own
// throw-away profile, listening for the DevTools protocol on a port the kernel
// picks. Chromium writes that port and the browser's WebSocket path to
// `<profile>/DevToolsActivePort`, which is read instead of guessing a free port.
import Foundation

/// A running headless Chromium process.
final class BrowserProcess: @unchecked Sendable {
    /// The DevTools WebSocket of the whole browser, `ws://127.0.0.1:<port>/devtools/browser/<id>`.
    let webSocketURL: String
    // Process is a class without Sendable conformance; it is only touched by
    // `launch` and `terminate`, never concurrently.
    private let process: Process
    private let profile: URL

    private init(process: Process, profile: URL, webSocketURL: String) {
        self.process = process
        self.profile = profile
        self.webSocketURL = webSocketURL
    }

    /// The switches every test browser gets: headless, no sandbox (containers
    /// run as root), no first-run or background chatter, and no throttling of
    /// pages in the background, so timers run on time in every test page.
    static func arguments(profile: String) -> [String] {
        [
            "--headless=new", "--remote-debugging-port=0", "--user-data-dir=" + profile,
            "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
            "--no-default-browser-check", "--disable-extensions", "--disable-sync",
            "--disable-background-networking", "--disable-component-update", "--mute-audio",
            "--disable-background-timer-throttling", "--disable-renderer-backgrounding",
            "--disable-backgrounding-occluded-windows", "--password-store=basic", "about:blank",
        ]
    }

    /// Starts `executable` and waits until its DevToolsActivePort file appears.
    ///
    /// - Throws: `BrowserError` when the process cannot start, exits early, or
    ///   does not listen within `timeout` seconds (the message ends with the
    ///   browser's last error output).
    static func launch(executable: String, timeout: Double) throws(BrowserError) -> BrowserProcess {
        let profile = FileManager.default.temporaryDirectory
            .appendingPathComponent("squall-browser-\(UUID().uuidString)", isDirectory: true)
        let process = Process()
        do {
            try FileManager.default.createDirectory(at: profile, withIntermediateDirectories: true)
            _ = FileManager.default.createFile(atPath: profile.appendingPathComponent("stderr.log").path, contents: nil)
            process.executableURL = URL(fileURLWithPath: executable)
            process.arguments = arguments(profile: profile.path)
            process.standardInput = FileHandle.nullDevice
            process.standardOutput = FileHandle.nullDevice
            process.standardError = try FileHandle(forWritingTo: profile.appendingPathComponent("stderr.log"))
            try process.run()
        } catch {
            try? FileManager.default.removeItem(at: profile)
            throw BrowserError("could not start \(executable): \(error)")
        }
        let portFile = profile.appendingPathComponent("DevToolsActivePort")
        let deadline = Date(timeIntervalSinceNow: timeout)
        while Date() < deadline {
            if let text = try? String(contentsOf: portFile, encoding: .utf8) {
                let lines = text.split(separator: "\n")
                if lines.count >= 2, let port = Int(lines[0]) {
                    return BrowserProcess(process: process, profile: profile,
                                          webSocketURL: "ws://127.0.0.1:\(port)\(lines[1])")
                }
            }
            if !process.isRunning { break }
            Thread.sleep(forTimeInterval: 0.05)
        }
        let launched = BrowserProcess(process: process, profile: profile, webSocketURL: "")
        let output = launched.errorOutputTail()
        launched.terminate()
        throw BrowserError("\(executable) did not open its DevTools port within \(timeout) s; stderr: \(output)")
    }

    /// The last lines Chromium wrote to stderr (for error messages).
    func errorOutputTail() -> String {
        let log = (try? String(contentsOf: profile.appendingPathComponent("stderr.log"), encoding: .utf8)) ?? ""
        return log.split(separator: "\n").suffix(8).joined(separator: "\n")
    }

    /// Stops the browser (SIGTERM, then SIGKILL after 5 s) and deletes its profile.
    /// Safe to call more than once.
    func terminate() {
        if process.isRunning {
            process.terminate()
            let deadline = Date(timeIntervalSinceNow: 5)
            while process.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
            if process.isRunning { kill(process.processIdentifier, SIGKILL) }
            process.waitUntilExit()
        }
        try? FileManager.default.removeItem(at: profile)
    }
}
