// The examples in a real headless Chromium: the Blog's forms (XSRF field and
// cookie, signed login cookie, redirects through the login page) and the 2048
// page's JavaScript, keyboard and WebSocket. Skipped when no browser is installed,
// unless CI requires them.
import Testing
import Squall
import SquallTesting

@Suite("Examples in a browser", .enabled(if: Browser.isAvailable || Browser.isRequired))
struct ExamplesBrowserTests {
    @Test func blogLoginAndComposeThroughTheForms() async throws {
        let server = try await ExampleServer.start("Blog", ["--password", "pw"])
        defer { server.stop() }
        let base = "http://127.0.0.1:\(server.port)"
        try await Browser.withBrowser { browser in
            let page = try await browser.newPage()
            try await page.navigate(base + "/compose")
            try await page.waitFor("location.pathname === '/auth/login' && document.querySelector('input[name=password]') !== null")  // sent to log in first
            try await page.focus("input[name=name]")
            try await page.type("admin")
            try await page.focus("input[name=password]")
            try await page.type("pw")
            try await page.pressEnter()
            try await page.waitFor("location.pathname === '/compose' && document.querySelector('textarea') !== null")
            try await page.focus("textarea[name=markdown]")
            try await page.type("Hello **there** <b>")
            try await page.focus("input[name=title]")
            try await page.type("From a browser")
            try await page.pressEnter()
            try await page.waitFor(
                "location.pathname === '/entry/from-a-browser' && document.querySelector('.entry .body') !== null")
            let body = try await page.evaluate("document.querySelector('.entry .body').innerHTML")
            #expect(body.string == "<p>Hello <strong>there</strong> &lt;b&gt;</p>")
            #expect(await page.consoleErrors.isEmpty)
        }
    }

    @Test func game2048DrawsBoardsAndPlaysWithTheArrowKeys() async throws {
        let server = try await ExampleServer.start("Game2048", ["--seed", "11"])
        defer { server.stop() }
        let url = "http://127.0.0.1:\(server.port)/"
        try await Browser.withBrowser { browser in
            let page = try await browser.newPage()
            try await page.navigate(url)
            let tiles = "[...document.querySelectorAll('#board .cell')].map(cell => cell.textContent).join(',')"
            try await page.waitFor("\(tiles).split(',').filter(Boolean).length === 2")
            try await page.evaluate("window.firstBoard = \(tiles)")
            for (key, code) in [("ArrowLeft", 37), ("ArrowUp", 38), ("ArrowRight", 39), ("ArrowDown", 40)] {
                for type in ["keyDown", "keyUp"] {
                    try await page.send("Input.dispatchKeyEvent", [
                        "type": .string(type), "key": .string(key), "code": .string(key),
                        "windowsVirtualKeyCode": .number(Double(code)),
                    ])
                }
            }
            // Of four directions at least one moves two tiles, and a move adds a tile.
            try await page.waitFor("\(tiles) !== window.firstBoard")
            #expect(await page.consoleErrors.isEmpty)
        }
    }
}
