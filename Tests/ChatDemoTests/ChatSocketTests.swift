// The chat's WebSocket contract, checked with Squall's own client against the
// real ChatDemo process: fan-out of one encoding to everyone, escaping, the
// benchmark's frame shape, history, presence, and every kind of bad input.
import Foundation
import Squall
import SquallTesting
import Testing

@Suite("ChatDemo /chatsocket")
struct ChatSocketTests {
    /// Runs `body` with a fresh ChatDemo and two clients connected to it.
    private func withTwoClients(_ body: (ChatDemoProcess, ChatClient, ChatClient) async throws -> Void) async throws {
        try await ChatDemoProcess.with { demo in
            let alice = try await ChatClient.connect(to: demo)
            let bob = try await ChatClient.connect(to: demo)
            try await body(demo, alice, bob)
            await alice.close()
            await bob.close()
        }
    }

    @Test("a message reaches every client once, encoded once, its HTML escaped")
    func fanOut() async throws {
        try await withTwoClients { demo, alice, bob in
            try await alice.say("<b>hi</b>")
            let seen = [try await alice.next("message"), try await bob.next("message")]
            #expect(seen[0].text == seen[1].text)
            let frame = seen[0]
            #expect(frame["body"]?.string == "<b>hi</b>")
            let id = try #require(frame["id"]?.string)
            #expect(UUID(uuidString: id) != nil)
            let html = try #require(frame["html"]?.string)
            #expect(html.contains("id=\"m\(id)\""))
            #expect(html.contains("&lt;b&gt;hi&lt;/b&gt;"))
            #expect(!html.contains("<b>"))
            #expect(frame["sender"]?.string?.hasPrefix("Visitor ") == true)
        }
    }

    @Test("frames keep the benchmark's shape: id, body, and the body's number pair last")
    func benchmarkShape() async throws {
        try await ChatDemoProcess.with { demo in
            let client = try await ChatClient.connect(to: demo)
            // Frames that are not messages must not look like one to the load generator.
            #expect(lastNumberPair(in: try await client.next("welcome").text) == nil)
            #expect(lastNumberPair(in: try await client.next("presence").text) == nil)
            try await client.send(#"{"body": "42 1234567890123"}"#)
            let frame = try await client.next("message")
            #expect(frame["id"]?.string != nil)
            #expect(frame["body"]?.string == "42 1234567890123")
            #expect(lastNumberPair(in: frame.text) == "42 1234567890123")
            await client.close()
        }
    }

    @Test("Chinese text and emoji round-trip unchanged")
    func unicode() async throws {
        try await ChatDemoProcess.with { demo in
            let client = try await ChatClient.connect(to: demo)
            let text = "你好，世界 🎉👍🏽 e\u{301} ÅÄÖ"
            try await client.say(text)
            #expect(try await client.next("message")["body"]?.string == text)
            await client.close()
        }
    }

    @Test("GET / renders the cached messages in order, escaped, with the XSRF-protected form")
    func pageHistory() async throws {
        try await ChatDemoProcess.with { demo in
            let client = try await ChatClient.connect(to: demo)
            let ids = try await client.post(["first", "<script>alert(1)</script>", "third"])
            let page = try await fetch(demo, "/")
            #expect(page.status == 200)
            let html = page.text
            let positions = ids.compactMap { html.range(of: "id=\"m\($0)\"")?.lowerBound }
            #expect(positions.count == 3)
            #expect(positions == positions.sorted())
            #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
            #expect(!html.contains("<script>alert(1)"))
            #expect(html.contains("id=\"inbox\""))
            #expect(html.contains("id=\"messageform\""))
            #expect(html.contains("name=\"body\" id=\"message\""))
            #expect(xsrfToken(in: html) != nil)
            #expect(html.contains("/static/chat.js?v="))
            #expect(html.contains("name=\"viewport\""))
            await client.close()
        }
    }

    @Test("a history request returns the messages after the given id")
    func historyRequest() async throws {
        try await ChatDemoProcess.with { demo in
            let writer = try await ChatClient.connect(to: demo)
            let ids = try await writer.post(["one", "two", "three"])
            let reader = try await ChatClient.connect(to: demo)
            try await reader.send(#"{"type": "history", "since": ""}"#)
            let all = try await reader.next("history")["messages"]?.array ?? []
            #expect(all.compactMap { $0["id"]?.string } == ids)
            try await reader.send(#"{"type": "history", "since": "\#(ids[0])"}"#)
            let later = try await reader.next("history")["messages"]?.array ?? []
            #expect(later.compactMap { $0["body"]?.string } == ["two", "three"])
            try await reader.send(#"{"type": "history", "since": "not-an-id"}"#)
            #expect(try await reader.next("history")["messages"]?.array?.count == 3)
            await writer.close()
            await reader.close()
        }
    }

    @Test("frames that are not JSON objects with a string body are ignored and logged")
    func badFrames() async throws {
        try await withTwoClients { demo, alice, bob in
            for frame in ["not json", "[1, 2]", #"{"body": 5}"#, #"{"type": "nope"}"#, "\"text\"", "", #"{"body": " \n\t "}"#] {
                try await alice.send(frame)
            }
            try await alice.sendBinary([1, 2, 3])
            try await alice.say("after")
            #expect(try await bob.next("message")["body"]?.string == "after")
            #expect(try await alice.next("message")["body"]?.string == "after")
            #expect(await !alice.received.contains { $0["type"]?.string == "error" })
            #expect(demo.log.contains("ignored a frame (not JSON)"))
            #expect(demo.log.contains("ignored a binary frame of 3 bytes"))
        }
    }

    @Test("a body over 4 KiB is refused with an error to its sender only")
    func oversized() async throws {
        try await withTwoClients { demo, alice, bob in
            try await alice.say(String(repeating: "é", count: 2049))  // 4098 bytes
            let error = try await alice.next("error")
            #expect(error["error"]?.string?.contains("too long (4098 bytes") == true)
            let limit = String(repeating: "x", count: 4096)
            try await alice.say(limit)
            #expect(try await bob.next("message")["body"]?.string == limit)
            #expect(try await alice.next("message")["body"]?.string == limit)
        }
    }

    @Test("a page from another origin cannot open the socket (403); the same origin can")
    func originCheck() async throws {
        try await ChatDemoProcess.with { demo in
            do {
                _ = try await ChatClient.connect(to: demo, headers: [("Origin", "http://evil.example")])
                Issue.record("a foreign Origin was accepted")
            } catch let error as WebSocketClientError {
                #expect(error.status == 403)
            }
            let sameOrigin = try await ChatClient.connect(to: demo, headers: [("Origin", demo.url(""))])
            _ = try await sameOrigin.next("welcome")
            await sameOrigin.close()
        }
    }

    @Test("joins and leaves are announced to everyone with name, IP and the online count")
    func presence() async throws {
        try await ChatDemoProcess.with { demo in
            let alice = try await ChatClient.connect(to: demo)
            #expect(try await alice.next("welcome")["online"]?.int == 1)
            let bob = try await ChatClient.connect(to: demo)
            let bobName = try #require(try await bob.next("welcome")["name"]?.string)
            let joined = try await presenceEvent(seenBy: alice, kind: "join", name: bobName)
            #expect(joined.event["ip"]?.string == "127.0.0.1")
            #expect(joined.event["time"]?.string?.hasSuffix("Z") == true)
            #expect(joined.online == 2)
            await bob.close()
            let left = try await presenceEvent(seenBy: alice, kind: "leave", name: bobName)
            #expect(left.online == 1)
            await alice.close()
        }
    }

    /// Reads presence frames until one lists a `kind` event for `name`.
    private func presenceEvent(seenBy client: ChatClient, kind: String, name: String) async throws -> (event: JSONValue, online: Int?) {
        while true {
            let frame = try await client.next("presence")
            if let event = frame["events"]?.array?.first(where: { $0["kind"]?.string == kind && $0["name"]?.string == name }) {
                return (event, frame["online"]?.int)
            }
        }
    }
}

/// The last "<digits> <digits>" pair in `text`, found the way the benchmark's
/// load generator (wsload's parse_pair) finds it.
func lastNumberPair(in text: String) -> String? {
    let bytes = Array(text.utf8)
    var found: String?
    var index = 0
    func isDigit(_ position: Int) -> Bool { position < bytes.count && bytes[position] >= 0x30 && bytes[position] <= 0x39 }
    while index < bytes.count {
        guard isDigit(index), index == 0 || !isDigit(index - 1) else {
            index += 1
            continue
        }
        var end = index
        while isDigit(end) { end += 1 }
        if end + 1 < bytes.count, bytes[end] == 0x20, isDigit(end + 1) {
            var second = end + 1
            while isDigit(second) { second += 1 }
            found = String(decoding: bytes[index..<second], as: UTF8.self)
        }
        index = end
    }
    return found
}
