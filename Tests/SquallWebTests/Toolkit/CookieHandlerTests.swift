// RequestHandler cookies over real sockets: the Set-Cookie lines a client
// receives, reading the request's cookies, and refusing header injection.
import Foundation
import SquallCore
import SquallHTTP
import SquallTesting
import SquallWeb
import Testing

@Suite("RequestHandler cookies")
struct CookieHandlerTests {
    @Test func setCookieWritesEachAttributeAsTornadoDoes() async throws {
        let response = try await Toolkit.withServer { try await $0.fetch("/cookies/set?case=attributes") }
        #expect(response.status == 200)
        #expect(response.setCookies == [
            "plain=v; Path=/",
            "full=\"x\\073y\"; Domain=example.com; expires=Tue, 14 Nov 2023 22:13:20 GMT; HttpOnly; Max-Age=60; "
                + "Path=/app; SameSite=Strict; Secure",
            "lax=1; SameSite=Lax",
        ])
    }

    @Test func eachCookieIsItsOwnHeaderLineOnTheWire() async throws {
        let raw = try await Toolkit.withServer {
            try await $0.exchangeRaw(Array("GET /cookies/set?case=attributes HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n".utf8))
        }
        let head = String(decoding: raw, as: UTF8.self).components(separatedBy: "\r\n\r\n")[0]
        let lines = head.components(separatedBy: "\r\n").filter { $0.hasPrefix("Set-Cookie: ") }
        #expect(lines == [
            "Set-Cookie: plain=v; Path=/",
            "Set-Cookie: full=\"x\\073y\"; Domain=example.com; expires=Tue, 14 Nov 2023 22:13:20 GMT; HttpOnly; "
                + "Max-Age=60; Path=/app; SameSite=Strict; Secure",
            "Set-Cookie: lax=1; SameSite=Lax",
        ])
    }

    @Test func expiresDaysCountsFromNow() async throws {
        let before = Date()
        let response = try await Toolkit.withServer { try await $0.fetch("/cookies/set?case=days") }
        let header = try #require(response.setCookies.first)
        let expires = try #require(header.split(separator: ";").first { $0.hasPrefix(" expires=") })
        let date = try #require(HTTPDate.parse(String(expires.dropFirst(" expires=".count))))
        let seconds = Double(date) - before.timeIntervalSince1970
        #expect((2 * 86_400 - 5)...(2 * 86_400 + 5) ~= seconds, "expires \(expires)")
    }

    @Test func clearCookieExpiresItWithTheSamePathAndDomain() async throws {
        let response = try await Toolkit.withServer { try await $0.fetch("/cookies/set?case=clear") }
        #expect(response.setCookies == [
            "gone=\"\"; Domain=example.com; expires=Thu, 01 Jan 1970 00:00:00 GMT; Max-Age=0; Path=/app",
        ])
    }

    @Test func clearAllCookiesClearsEveryRequestCookieInNameOrder() async throws {
        let response = try await Toolkit.withServer {
            try await $0.fetch("/cookies/set?case=clearAll", headers: [("Cookie", "b=2; a=1"), ("Cookie", "c=3")])
        }
        #expect(response.setCookies.map { $0.prefix(while: { $0 != ";" }) } == ["a=\"\"", "b=\"\"", "c=\"\""])
    }

    @Test func clearAllCookiesMeetsThePrefixRules() async throws {
        let response = try await Toolkit.withServer {
            try await $0.fetch("/cookies/set?case=clearAll", headers: [("Cookie", "__Host-id=1; __Secure-s=2")])
        }
        #expect(response.status == 200)
        #expect(response.setCookies == [
            "__Host-id=\"\"; expires=Thu, 01 Jan 1970 00:00:00 GMT; Max-Age=0; Path=/; Secure",
            "__Secure-s=\"\"; expires=Thu, 01 Jan 1970 00:00:00 GMT; Max-Age=0; Path=/; Secure",
        ])
    }

    @Test func readsRequestCookiesButNotTheOnesSetDuringTheRequest() async throws {
        let response = try await Toolkit.withServer {
            try await $0.fetch("/cookies/read", headers: [("Cookie", "a=1; quoted=\"x\\073y\"; bad name=2; path=/")])
        }
        let report = try JSONDecoder().decode(CookieReadingHandler.Report.self, from: Data(response.body))
        #expect(report == CookieReadingHandler.Report(
            cookies: ["a": "1", "quoted": "x;y"], a: "1", missing: nil, fallback: "default"))
        #expect(response.setCookies == ["a=set-during-request; Path=/"])
    }

    @Test func noCookieHeaderMeansNoCookies() async throws {
        let response = try await Toolkit.withServer { try await $0.fetch("/cookies/read") }
        let report = try JSONDecoder().decode(CookieReadingHandler.Report.self, from: Data(response.body))
        #expect(report.cookies.isEmpty)
        #expect(report.a == nil)
    }

    @Test(arguments: [
        ("badValue", "a%0D%0ASet-Cookie:%20evil=1", "invalid value for cookie"),
        ("badValue", "a%20b", "invalid value for cookie"),
        ("badName", "a%3Db", "invalid cookie name"),
        ("badName", "Path", "cookie attribute name"),
        ("badPath", "/a;%20Domain=evil.example", "invalid path"),
    ])
    func injectionAttemptsAreRefusedWithA500(kind: String, value: String, message: String) async throws {
        let response = try await Toolkit.withServer { try await $0.fetch("/cookies/set?case=\(kind)&v=\(value)") }
        #expect(response.status == 500)
        #expect(response.setCookies.isEmpty)
        #expect(response.text.contains(message), "\(response.text)")
    }
}
