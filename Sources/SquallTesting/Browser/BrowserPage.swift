// BrowserPage: one tab of a test browser. Navigate, run JavaScript and read
// the result as JSON, wait (by polling) until a condition holds, and collect
// every console error and uncaught exception the page produced.
//
//     try await page.navigate(server.url("/"))
//     try await page.evaluate("document.querySelector('#message').value = 'hi'")
//     try await page.waitFor("document.querySelectorAll('.message').length === 1")
//     #expect(page.consoleErrors.isEmpty)
import Foundation
import SquallIO

/// A page (CDP target) attached through a flattened session. Loop thread only.
@IOLoopActor
public final class BrowserPage {
    let connection: DevToolsConnection
    let session: String
    /// The DevTools target id of the page.
    public let targetID: String
    /// Console errors (`console.error`, failed `console.assert`), uncaught
    /// exceptions and browser log errors (failed loads, refused connections),
    /// oldest first, each as one line of text.
    public private(set) var consoleErrors: [String] = []

    init(connection: DevToolsConnection, session: String, targetID: String) {
        self.connection = connection
        self.session = session
        self.targetID = targetID
    }

    /// Subscribes to the page's events and enables the domains tests use.
    func start() async throws(BrowserError) {
        connection.listen(to: session) { [weak self] method, params in
            self?.note(method, params)
        }
        for domain in ["Page", "Runtime", "Log"] {
            _ = try await send("\(domain).enable")
        }
    }

    /// Forgets the console errors collected so far, e.g. after a step that is
    /// expected to log some (a server restart makes the page's socket fail).
    public func clearConsoleErrors() {
        consoleErrors.removeAll()
    }

    func recordError(_ line: String) {
        consoleErrors.append(line)
    }

    /// Stops collecting events (the browser is going away).
    func stopListening() {
        connection.stopListening(to: session)
    }

    /// Sends a CDP command to this page, e.g. `send("Page.reload")`.
    ///
    /// - Throws: `BrowserError` with the browser's message or on timeout.
    @discardableResult
    public func send(_ method: String, _ params: JSONValue = [:], timeout: Double = 30) async throws(BrowserError) -> JSONValue {
        try await connection.send(method, params, session: session, timeout: timeout)
    }

    /// Loads `url` and waits until the document has finished loading.
    ///
    /// - Throws: `BrowserError` when the navigation fails (e.g. connection
    ///   refused) or does not complete within `timeout` seconds.
    public func navigate(_ url: String, timeout: Double = 30) async throws(BrowserError) {
        // Mark the current document, so the wait below cannot be satisfied by
        // the old one before the new one has replaced it.
        _ = try? await evaluate("window.__squallPreviousDocument = true")
        let result = try await send("Page.navigate", ["url": .string(url)], timeout: timeout)
        if let failure = result["errorText"]?.string, !failure.isEmpty {
            throw BrowserError("navigating to \(url) failed: \(failure)")
        }
        try await waitFor("document.readyState === 'complete' && !window.__squallPreviousDocument", timeout: timeout)
    }

    /// Evaluates a JavaScript expression in the page (awaiting it if it is a
    /// promise) and returns its value as JSON; `undefined` and values JSON
    /// cannot hold (functions, DOM nodes) come back as `.null`.
    ///
    /// - Throws: `BrowserError` with the exception when the script throws.
    @discardableResult
    public func evaluate(_ expression: String, timeout: Double = 30) async throws(BrowserError) -> JSONValue {
        let result = try await send("Runtime.evaluate", [
            "expression": .string(expression), "returnByValue": true, "awaitPromise": true, "userGesture": true,
        ], timeout: timeout)
        if let details = result["exceptionDetails"] {
            let exception = details["exception"]?["description"]?.string ?? details["text"]?.string ?? details.description
            throw BrowserError("`\(expression.prefix(200))` threw: \(exception)")
        }
        return result["result"]?["value"] ?? .null
    }

    /// Polls `condition` (a JavaScript expression) every `interval` seconds until
    /// it is truthy. Evaluation errors (e.g. while a page is loading) count as false.
    ///
    /// - Throws: `BrowserError` after `timeout` seconds, naming the condition,
    ///   the last error, and the console errors so far.
    public func waitFor(_ condition: String, timeout: Double = 30, interval: Double = 0.1) async throws(BrowserError) {
        let deadline = IOLoop.current.time() + timeout
        var lastError = "none"
        while true {
            do {
                if try await evaluate("Boolean(\(condition))", timeout: timeout).bool == true { return }
            } catch {
                lastError = error.description
            }
            if IOLoop.current.time() >= deadline {
                throw BrowserError("`\(condition)` still false after \(timeout) s (last error: \(lastError); "
                    + "console errors: \(consoleErrors))")
            }
            try? await Task.sleep(for: .seconds(interval))
        }
    }

    /// Sets the viewport size in CSS pixels; `mobile` emulates a phone screen.
    ///
    /// - Throws: `BrowserError` when the browser refuses.
    public func setViewport(width: Int, height: Int, mobile: Bool = false, deviceScaleFactor: Double = 1) async throws(BrowserError) {
        try await send("Emulation.setDeviceMetricsOverride", [
            "width": .number(Double(width)), "height": .number(Double(height)),
            "deviceScaleFactor": .number(deviceScaleFactor), "mobile": .bool(mobile),
        ])
    }

    /// Saves a PNG screenshot of the viewport to `path`.
    ///
    /// - Throws: `BrowserError` when capturing or writing fails.
    public func screenshot(to path: String) async throws(BrowserError) {
        let result = try await send("Page.captureScreenshot", ["format": "png"])
        guard let encoded = result["data"]?.string, let png = Data(base64Encoded: encoded) else {
            throw BrowserError("Page.captureScreenshot returned no image")
        }
        do {
            try png.write(to: URL(fileURLWithPath: path))
        } catch {
            throw BrowserError("could not write the screenshot to \(path): \(error)")
        }
    }

    /// Closes the page.
    public func close() async {
        stopListening()
        _ = try? await connection.send("Target.closeTarget", ["targetId": .string(targetID)], timeout: 5)
    }
}
