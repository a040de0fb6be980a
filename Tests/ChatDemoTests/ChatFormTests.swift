// The chat's plain HTTP forms: the nickname (a signed cookie read back as the
// current user by the socket) and the message form for browsers without
// JavaScript. Both are POSTs, so both need the XSRF token.
import Foundation
import Squall
import SquallTesting
import Testing

@Suite("ChatDemo forms")
struct ChatFormTests {
    /// GETs the page and returns the cookie jar (with `_xsrf`) and the form token.
    private func openPage(_ demo: ChatDemoProcess, jar: CookieJar = CookieJar()) async throws -> (CookieJar, String) {
        var jar = jar
        let page = try await fetch(demo, "/", headers: jar.header.map { [$0] } ?? [])
        #expect(page.status == 200)
        jar.store(from: page)
        return (jar, try #require(xsrfToken(in: page.text)))
    }

    @Test("a nickname set through the form names the visitor's messages")
    func nickname() async throws {
        try await ChatDemoProcess.with { demo in
            var (jar, token) = try await openPage(demo)
            let name = "Ada <Lovelace> 🚀"
            let posted = try await fetch(demo, "/nickname", method: "POST", headers: [jar.header!],
                                         form: [("_xsrf", token), ("nickname", "  \(name)  ")])
            #expect(posted.status == 302)
            #expect(posted.header("Location") == "/")
            jar.store(from: posted)
            #expect(jar.values["nickname"] != nil)

            let page = try await fetch(demo, "/", headers: [jar.header!])
            #expect(page.text.contains("value=\"Ada &lt;Lovelace&gt; 🚀\""))
            let client = try await ChatClient.connect(to: demo, headers: [jar.header!])
            #expect(try await client.next("welcome")["name"]?.string == name)
            try await client.say("hello")
            let message = try await client.next("message")
            #expect(message["sender"]?.string == name)
            #expect(message["html"]?.string?.contains("Ada &lt;Lovelace&gt; 🚀") == true)
            await client.close()

            (jar, token) = try await openPage(demo, jar: jar)
            let cleared = try await fetch(demo, "/nickname", method: "POST", headers: [jar.header!],
                                          form: [("_xsrf", token), ("nickname", "")])
            #expect(cleared.status == 302)
            jar.store(from: cleared)
            #expect(jar.values["nickname"] == nil)
        }
    }

    @Test("bad nicknames are refused with 400", arguments: ["Visitor 12", String(repeating: "n", count: 33), "tab\there"])
    func badNickname(_ nickname: String) async throws {
        try await ChatDemoProcess.with { demo in
            let (jar, token) = try await openPage(demo)
            let posted = try await fetch(demo, "/nickname", method: "POST", headers: [jar.header!],
                                         form: [("_xsrf", token), ("nickname", nickname)])
            #expect(posted.status == 400)
            #expect(posted.header("Set-Cookie") == nil)
        }
    }

    @Test("a forged or tampered nickname cookie is ignored")
    func tamperedCookie() async throws {
        try await ChatDemoProcess.with { demo in
            let client = try await ChatClient.connect(to: demo, headers: [("Cookie", "nickname=\"2|1:0|10:1|8:bmlja25hbWU=|4:QWRh|0000\"")])
            #expect(try await client.next("welcome")["name"]?.string?.hasPrefix("Visitor ") == true)
            await client.close()
        }
    }

    @Test("POSTs without the XSRF token are refused with 403")
    func xsrfRequired() async throws {
        try await ChatDemoProcess.with { demo in
            let (jar, _) = try await openPage(demo)
            let nickname = try await fetch(demo, "/nickname", method: "POST", headers: [jar.header!], form: [("nickname", "Eve")])
            #expect(nickname.status == 403)
            let message = try await fetch(demo, "/a/message/new", method: "POST", headers: [jar.header!],
                                          form: [("_xsrf", "forged"), ("body", "hi")])
            #expect(message.status == 403)
        }
    }

    @Test("the message form works without JavaScript")
    func plainFormPost() async throws {
        try await ChatDemoProcess.with { demo in
            let client = try await ChatClient.connect(to: demo)
            let (jar, token) = try await openPage(demo)
            let posted = try await fetch(demo, "/a/message/new", method: "POST", headers: [jar.header!],
                                         form: [("_xsrf", token), ("body", "no <js> here"), ("next", "/")])
            #expect(posted.status == 302)
            #expect(posted.header("Location") == "/")
            #expect(try await client.next("message")["body"]?.string == "no <js> here")

            let offsite = try await fetch(demo, "/a/message/new", method: "POST", headers: [jar.header!],
                                          form: [("_xsrf", token), ("body", "x"), ("next", "//evil.example/")])
            #expect(offsite.header("Location") == "/")
            let empty = try await fetch(demo, "/a/message/new", method: "POST", headers: [jar.header!],
                                        form: [("_xsrf", token), ("body", "   ")])
            #expect(empty.status == 400)
            await client.close()
        }
    }
}
