// The chat in a real browser: headless Chromium, driven over the DevTools
// protocol by Squall's own WebSocket client, against the real ChatDemo
// process. People type and press Enter; the tests read the DOM. Skipped when
// Chromium is missing, except with CI=true, where a missing browser fails.
import Foundation
import SquallTesting
import Testing

@Suite("ChatDemo in headless Chromium", .serialized,
       .enabled(if: Browser.isAvailable || Browser.isRequired,
                "Chromium is not installed (apt-get install -y chromium); with CI=true this fails instead"))
struct ChatBrowserTests {
    /// Runs `body` with a fresh browser and a fresh ChatDemo.
    private func withChat(_ body: @Sendable (Browser, ChatDemoProcess) async throws -> Void) async throws {
        try await Browser.withBrowser { browser in
            try await ChatDemoProcess.with { demo in try await body(browser, demo) }
        }
    }

    /// Runs `body` with two connected chat pages, then checks that neither
    /// logged a console error.
    private func withTwoPages(_ body: @Sendable (Browser, ChatDemoProcess, BrowserPage, BrowserPage) async throws -> Void) async throws {
        try await withChat { browser, demo in
            let alice = try await openChat(browser, demo)
            let bob = try await openChat(browser, demo)
            try await body(browser, demo, alice, bob)
            await expectNoConsoleErrors([alice, bob])
        }
    }

    @Test("two pages chat both ways and see each other arrive")
    func twoPages() async throws {
        try await withTwoPages { browser, demo, alice, bob in
            try await alice.waitFor("document.querySelector('#online').textContent === '2 online'")
            try await alice.waitFor("Array.from(document.querySelectorAll('#inbox .notice')).some(n => n.textContent.includes(' joined from 127.0.0.1'))")

            try await send("Hello from Alice", from: alice)
            try await waitForMessage("Hello from Alice", on: bob)
            try await send("Hi Alice, Bob here", from: bob)

            for page in [alice, bob] {
                try await waitForMessage("Hi Alice, Bob here", on: page)
                #expect(try await bodies(on: page) == ["Hello from Alice", "Hi Alice, Bob here"])
                #expect(try await page.evaluate("document.querySelector('#message').value") == "")
            }
            // Each page marks its own messages and shows the sender's label on the others.
            #expect(try await alice.evaluate("document.querySelectorAll('#inbox .message.mine').length") == 1)
            let sender = try await bob.evaluate("document.querySelector('#inbox .message .sender').textContent")
            #expect(sender.string?.hasPrefix("Visitor ") == true)
            try await saveScreenshot(alice, "desktop")
        }
    }

    @Test("a page opened later shows the history, rendered by the server, without duplicates")
    func history() async throws {
        try await withChat { browser, demo in
            let alice = try await openChat(browser, demo)
            let sent = ["one", "two", "three"]
            for text in sent { try await send(text, from: alice) }
            try await waitForMessage("three", on: alice)

            let carol = try await browser.newPage()
            try await carol.navigate(demo.url("/"))
            // Present in the HTML itself, before the socket has said anything.
            #expect(try await bodies(on: carol) == sent)
            try await waitUntilOnline(carol)
            try await send("four", from: alice)
            try await waitForMessage("four", on: carol)
            #expect(try await bodies(on: carol) == sent + ["four"])
            let ids = try await carol.evaluate("new Set(Array.from(document.querySelectorAll('#inbox .message')).map(m => m.id)).size")
            #expect(ids == 4)
            await expectNoConsoleErrors([alice, carol])
        }
    }

    @Test("HTML and script payloads are shown as text and never run")
    func payloadsAreText() async throws {
        try await withTwoPages { browser, demo, alice, bob in
            let payloads = [
                "<script>window.pwned=1</script>",
                "<img src=x onerror=\"window.pwned=2\">",
                "\"><svg onload=window.pwned=3>",
                "<a href=\"javascript:window.pwned=4\">click</a> & &amp;",
            ]
            for payload in payloads { try await send(payload, from: alice) }
            let later = try await browser.newPage()
            for page in [alice, bob] { try await waitForMessage(payloads[3], on: page) }
            try await later.navigate(demo.url("/"))
            for page in [alice, bob, later] {
                #expect(try await bodies(on: page) == payloads)
                #expect(try await page.evaluate("typeof window.pwned") == "undefined")
                #expect(try await page.evaluate("document.querySelectorAll('#inbox script, #inbox img, #inbox svg').length") == 0)
                #expect(try await page.evaluate("document.querySelectorAll('#inbox a[href^=\"javascript\"]').length") == 0)
            }
            await expectNoConsoleErrors([later])
        }
    }

    @Test("Chinese text and emoji arrive unchanged, live and after a reload")
    func unicode() async throws {
        try await withTwoPages { browser, demo, alice, bob in
            let text = "你好，世界！🎉👍🏽 今天天气很好 — ÅÄÖ é"
            try await send(text, from: alice)
            try await waitForMessage(text, on: bob)
            try await bob.navigate(demo.url("/"))
            #expect(try await bodies(on: bob) == [text])
        }
    }

    @Test("50 rapid messages arrive in order, none lost or duplicated")
    func rapidMessages() async throws {
        try await withTwoPages { browser, demo, alice, bob in
            try await alice.evaluate("""
                (() => {
                  const input = document.getElementById('message');
                  const form = document.getElementById('messageform');
                  for (let i = 0; i < 50; i++) { input.value = 'rapid ' + i; form.requestSubmit(); }
                })()
                """)
            let expected = (0..<50).map { "rapid \($0)" }
            for page in [alice, bob] {
                try await page.waitFor("(\(inboxBodies)).length >= 50")
                #expect(try await bodies(on: page) == expected)
            }
        }
    }

    @Test("the page reconnects after the server restarts and sends what was typed meanwhile")
    func reconnect() async throws {
        try await Browser.withBrowser { browser in
            let first = try await ChatDemoProcess.start()
            let alice = try await openChat(browser, first)
            try await send("before the restart", from: alice)
            try await waitForMessage("before the restart", on: alice)
            await offLoopStop(first)
            // The page goes back and forth between "offline" and "connecting" while it retries.
            try await alice.waitFor("document.body.dataset.connection !== 'online'")
            try await send("typed while offline", from: alice)

            let second = try await ChatDemoProcess.start(port: first.port, cookieSecret: first.cookieSecret)
            defer { second.stop() }
            try await waitUntilOnline(alice)
            await alice.clearConsoleErrors()  // the failed reconnection attempts log errors
            let bob = try await openChat(browser, second)
            try await waitForMessage("typed while offline", on: bob)
            try await send("after the restart", from: alice)
            try await waitForMessage("after the restart", on: bob)
            try await waitForMessage("after the restart", on: alice)
            #expect(try await bodies(on: alice) == ["before the restart", "typed while offline", "after the restart"])
        }
    }

    @Test("a nickname chosen in the page names its messages")
    func nickname() async throws {
        try await withTwoPages { browser, demo, alice, bob in
            try await alice.focus("#nickname")
            try await alice.type("Grace")
            try await alice.evaluate("window.beforeNickname = true")
            try await alice.pressEnter()
            // The form posts, the server redirects, and a new page loads.
            try await alice.waitFor("!window.beforeNickname && document.body.dataset.connection === 'online'")
            #expect(try await alice.evaluate("document.getElementById('nickname').value") == "Grace")
            try await send("hello, I am Grace", from: alice)
            for page in [alice, bob] { try await waitForMessage("hello, I am Grace", on: page) }
            let sender = try await bob.evaluate("Array.from(document.querySelectorAll('#inbox .message')).pop().querySelector('.sender').textContent")
            #expect(sender == "Grace")
            #expect(try await alice.evaluate("document.querySelector('#inbox .message').classList.contains('mine')") == true)
        }
    }

    @Test("on a phone-sized screen nothing overflows and the form stays in view")
    func phoneLayout() async throws {
        try await withChat { browser, demo in
            let phone = try await openChat(browser, demo, width: 390, height: 844, mobile: true)
            let other = try await openChat(browser, demo)
            let long = String(repeating: "long-unbroken-word-", count: 20)
            try await send("Hi from the desk — 你好 🎉", from: other)
            try await send(long, from: other)
            try await waitForMessage(long, on: phone)
            for index in 1...12 { try await send("message number \(index) from the phone", from: phone) }
            try await waitForMessage("message number 12 from the phone", on: phone)
            #expect(try await phone.evaluate("document.documentElement.scrollWidth <= window.innerWidth") == true)
            #expect(try await phone.evaluate("document.getElementById('messageform').getBoundingClientRect().bottom <= window.innerHeight") == true)
            // The inbox scrolled to the newest message by itself.
            let inbox = "document.getElementById('inbox')"
            #expect(try await phone.evaluate("\(inbox).scrollHeight - \(inbox).scrollTop - \(inbox).clientHeight < 2") == true)
            try await saveScreenshot(phone, "phone")
            try await phone.evaluate("\(inbox).scrollTop = 0")
            try await saveScreenshot(phone, "phone-top")
            await expectNoConsoleErrors([phone, other])
        }
    }
}

/// Stops a ChatDemo off the test's thread (stopping waits for the process).
private func offLoopStop(_ demo: ChatDemoProcess) async {
    _ = try? await offLoop { demo.stop() }
}
