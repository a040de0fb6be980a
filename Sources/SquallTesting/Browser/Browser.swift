// Browser: a real headless Chromium for end-to-end tests, driven through the
// Chrome DevTools Protocol by Squall's own WebSocket client (no Selenium, no
// Node). Each page gets a fresh browser context, so pages do not share cookies
// and behave like different people.
//
//     @Test(.enabled(if: Browser.isAvailable || Browser.isRequired))
//     func chat() async throws {
//         try await Browser.withBrowser { browser in
//             let page = try await browser.newPage()
//             try await page.navigate("http://127.0.0.1:8888/")
//             try await page.waitFor("document.querySelectorAll('.message').length > 0")
//         }
//     }
import Foundation
import SquallIO

/// A headless Chromium process and its DevTools connection. Loop thread only
/// (calls from other contexts hop there with `await`).
@IOLoopActor
public final class Browser {
    private let process: BrowserProcess
    private let connection: DevToolsConnection
    private var pages: [BrowserPage] = []
    private var isClosed = false

    private init(process: BrowserProcess, connection: DevToolsConnection) {
        self.process = process
        self.connection = connection
    }

    /// The Chromium binary to use: `$SQUALL_CHROMIUM` when set (nil if that is
    /// not an executable file), else the first
    /// executable of /usr/bin/chromium, /usr/bin/chromium-browser,
    /// /usr/bin/google-chrome and /usr/bin/google-chrome-stable; nil if none.
    public nonisolated static var executablePath: String? {
        if let configured = ProcessInfo.processInfo.environment["SQUALL_CHROMIUM"], !configured.isEmpty {
            return FileManager.default.isExecutableFile(atPath: configured) ? configured : nil
        }
        let known = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome", "/usr/bin/google-chrome-stable"]
        return known.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// True when `executablePath` found a browser.
    public nonisolated static var isAvailable: Bool { executablePath != nil }

    /// True when browser tests must run even without a browser (so that they
    /// fail instead of being skipped): the environment has `CI=true`.
    public nonisolated static var isRequired: Bool {
        ProcessInfo.processInfo.environment["CI"]?.lowercased() == "true"
    }

    /// Starts a headless browser and connects to it. Starts the IOLoop in the
    /// background if it is not running.
    ///
    /// - Parameters:
    ///   - executable: the binary; nil uses `executablePath`.
    ///   - timeout: seconds to wait for the browser to listen.
    /// - Throws: `BrowserError` when no browser is installed, it does not
    ///   start, or its DevTools socket cannot be opened.
    public nonisolated static func launch(executable: String? = nil, timeout: Double = 30) async throws(BrowserError) -> Browser {
        guard let path = executable ?? executablePath else {
            throw BrowserError("no Chromium found: install it (apt-get install -y chromium) or set SQUALL_CHROMIUM")
        }
        IOLoop.current.startInBackground()
        let process: BrowserProcess
        do {
            process = try await offLoop { try BrowserProcess.launch(executable: path, timeout: timeout) }
        } catch {
            throw error as? BrowserError ?? BrowserError("\(error)")
        }
        do {
            let connection = try await DevToolsConnection.connect(to: process.webSocketURL)
            return await Browser(process: process, connection: connection)
        } catch {
            process.terminate()
            throw error
        }
    }

    /// Launches a browser, runs `body` with it, and closes it whether `body`
    /// returns or throws.
    ///
    /// - Throws: what `launch` or `body` throws.
    public nonisolated static func withBrowser<Result: Sendable>(
        _ body: @Sendable (Browser) async throws -> Result
    ) async throws -> Result {
        let browser = try await launch()
        do {
            let result = try await body(browser)
            await browser.close()
            return result
        } catch {
            await browser.close()
            throw error
        }
    }

    /// Opens a blank page in a new browser context (its own cookies and storage).
    ///
    /// - Parameters:
    ///   - width: the viewport width in CSS pixels.
    ///   - height: the viewport height in CSS pixels.
    ///   - mobile: emulate a phone (meta viewport, touch, overlay scrollbars).
    /// - Throws: `BrowserError` when the browser refuses a command.
    public func newPage(width: Int = 1280, height: Int = 800, mobile: Bool = false) async throws(BrowserError) -> BrowserPage {
        let context = try await connection.send("Target.createBrowserContext", ["disposeOnDetach": true])
        let target = try await connection.send("Target.createTarget", [
            "url": "about:blank", "browserContextId": context["browserContextId"] ?? .null,
        ])
        guard let targetID = target["targetId"]?.string else { throw BrowserError("Target.createTarget gave no targetId") }
        let attached = try await connection.send("Target.attachToTarget", ["targetId": .string(targetID), "flatten": true])
        guard let session = attached["sessionId"]?.string else { throw BrowserError("Target.attachToTarget gave no sessionId") }
        let page = BrowserPage(connection: connection, session: session, targetID: targetID)
        try await page.start()
        try await page.setViewport(width: width, height: height, mobile: mobile)
        pages.append(page)
        return page
    }

    /// Closes every page, the browser and its process, and deletes its profile.
    /// Safe to call more than once.
    public func close() async {
        guard !isClosed else { return }
        isClosed = true
        for page in pages { page.stopListening() }
        _ = try? await connection.send("Browser.close", timeout: 5)
        connection.close()
        let process = self.process
        _ = try? await offLoop { process.terminate() }
    }
}
