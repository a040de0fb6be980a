// What the browser tests do to the chat page, written once: open it and wait
// for its socket, type a message and press Enter, and read the inbox back.
import Foundation
import SquallTesting
import Testing

/// The bodies of the messages in #inbox, in page order.
let inboxBodies = "Array.from(document.querySelectorAll('#inbox .message .body')).map(e => e.textContent)"

/// Opens the chat in a new page (its own cookies) and waits until it is connected.
func openChat(_ browser: Browser, _ demo: ChatDemoProcess, width: Int = 1280, height: Int = 800,
              mobile: Bool = false) async throws -> BrowserPage {
    let page = try await browser.newPage(width: width, height: height, mobile: mobile)
    try await page.navigate(demo.url("/"))
    try await waitUntilOnline(page)
    return page
}

/// Waits until the page's socket is open (the page marks it on <body>).
func waitUntilOnline(_ page: BrowserPage) async throws {
    try await page.waitFor("document.body.dataset.connection === 'online'")
}

/// Types `text` into the message field and presses Enter, as a person would.
func send(_ text: String, from page: BrowserPage) async throws {
    try await page.focus("#message")
    try await page.type(text)
    try await page.pressEnter()
}

/// Waits until a message with exactly this body is in the page's inbox.
func waitForMessage(_ body: String, on page: BrowserPage) async throws {
    try await page.waitFor("(\(inboxBodies)).includes(\(BrowserPage.quote(body)))")
}

/// The bodies in the page's inbox.
func bodies(on page: BrowserPage) async throws -> [String] {
    try await page.evaluate(inboxBodies).array?.compactMap(\.string) ?? []
}

/// Records an issue for every console error each page logged.
func expectNoConsoleErrors(_ pages: [BrowserPage], sourceLocation: SourceLocation = #_sourceLocation) async {
    for page in pages {
        let errors = await page.consoleErrors
        #expect(errors.isEmpty, "console errors: \(errors)", sourceLocation: sourceLocation)
    }
}

/// Saves a screenshot when `$SQUALL_SCREENSHOTS` names a directory (to look at
/// the page by eye); does nothing otherwise.
func saveScreenshot(_ page: BrowserPage, _ name: String) async throws {
    guard let directory = ProcessInfo.processInfo.environment["SQUALL_SCREENSHOTS"], !directory.isEmpty else { return }
    try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    try await page.screenshot(to: directory + "/" + name + ".png")
}
