// Cookie header parsing and Set-Cookie formatting: byte-for-byte agreement
// with Tornado, attribute encoding, and refusal of header-injection attempts.

import Foundation
import Testing
@testable import SquallWeb

@Suite struct CookieHeaderTests {
    @Test func matchesTornadoOnOddHeaders() {
        for vector in tornadoParsedCookies {
            #expect(CookieHeader.parse(vector.header) == vector.cookies, "header \(vector.header.debugDescription)")
        }
    }

    @Test func lastDuplicateWins() {
        #expect(CookieHeader.parse("a=1; b=2; a=3") == ["a": "3", "b": "2"])
    }

    @Test func quotedValuesRoundTripThroughSetCookie() throws {
        for value in ["plain", "", "a;b,c", "q\"uo\\te", "caf\u{e9}", "2|1:0|10:1234567890|5:n|8:dGVzdA==|ff", "\u{7f}~"] {
            let cookie = try SetCookie(name: "k", value: value, secure: true)
            // A browser sends back exactly the name=value pair it was given (quotes
            // included); `;` inside the value is octal-escaped, so it never splits the pair.
            let sent = String(cookie.headerValue.split(separator: ";", maxSplits: 1)[0])
            #expect(CookieHeader.parse(sent) == ["k": value], "value \(value.debugDescription)")
        }
        #expect(try SetCookie(name: "k", value: "a;b").headerValue == "k=\"a\\073b\"; Path=/")
    }

    @Test func neverFailsOnGarbage() {
        let garbage = ["\"", "\\", "=;=;=", "\u{0}=\u{0}", String(repeating: ";", count: 1000), "a=\"\\", "a=\"\\3\"", "a=\"\\37\""]
        for header in garbage {
            _ = CookieHeader.parse(header)
        }
        #expect(CookieHeader.parse("a=\"\\37\"") == ["a": "37"])
        #expect(CookieHeader.parse("a=\"\\3\"") == ["a": "3"])
    }
}

@Suite struct SetCookieTests {
    @Test func matchesTornadoByteForByte() throws {
        for (cookie, tornado) in try tornadoSetCookieCases() {
            #expect(cookie.headerValue == tornado)
        }
    }

    @Test func keepsValidatedFields() throws {
        let cookie = try SetCookie(name: "n", value: "v", domain: "", path: "", maxAge: -1, httpOnly: true)
        #expect(cookie.domain == nil)
        #expect(cookie.path == nil)
        #expect(cookie.headerValue == "n=v; HttpOnly; Max-Age=-1")
    }

    @Test func clearingExpiresInThePastWithZeroMaxAge() throws {
        let cookie = try SetCookie.clearing(name: "sid", domain: "example.com")
        #expect(cookie.headerValue == "sid=\"\"; Domain=example.com; expires=Thu, 01 Jan 1970 00:00:00 GMT; Max-Age=0; Path=/")
        let secure = try SetCookie.clearing(name: "sid", secure: true, sameSite: .noRestriction)
        #expect(secure.headerValue == "sid=\"\"; expires=Thu, 01 Jan 1970 00:00:00 GMT; Max-Age=0; Path=/; SameSite=None; Secure")
        #expect(throws: CookieError.self) { try SetCookie.clearing(name: "a b") }
    }

    @Test func datesAcrossCenturiesAndWeekdays() throws {
        let expectations: [(Double, String)] = [
            (784_111_777, "Sun, 06 Nov 1994 08:49:37 GMT"),  // RFC 9110's example
            (4_102_444_800, "Fri, 01 Jan 2100 00:00:00 GMT"),
            (253_402_300_799.9, "Fri, 31 Dec 9999 23:59:59 GMT"),
            (-62_135_596_800, "Mon, 01 Jan 0001 00:00:00 GMT"),
            (-0.5, "Wed, 31 Dec 1969 23:59:59 GMT"),
        ]
        for (seconds, text) in expectations {
            let cookie = try SetCookie(name: "d", value: "1", path: nil, expires: Date(timeIntervalSince1970: seconds))
            #expect(cookie.headerValue == "d=1; expires=\(text)", "\(seconds)")
        }
    }

    @Test func rejectsUnrepresentableExpires() {
        for seconds in [253_402_300_800.0, -62_135_596_800.5, -62_200_000_000_000, .infinity, .nan] {
            #expect(throws: CookieError.self) {
                try SetCookie(name: "d", value: "1", expires: Date(timeIntervalSince1970: seconds))
            }
        }
    }

    private func kind(_ body: () throws(CookieError) -> SetCookie) -> CookieError.Kind? {
        do { _ = try body(); return nil } catch { return error.kind }
    }

    @Test func rejectsHeaderInjectionInNames() {
        for name in ["a\r\nSet-Cookie: x=y", "a\nb", "a;b", "a,b", "a b", "a=b", "a\u{0}", "a\u{7f}", "\"a\"", "é", ""] {
            #expect(kind { () throws(CookieError) in try SetCookie(name: name, value: "v") } == .invalidName, "\(name.debugDescription)")
        }
    }

    @Test func rejectsReservedNames() {
        for name in ["path", "Expires", "MAX-AGE", "domain", "secure", "HttpOnly", "version", "comment", "SameSite"] {
            #expect(kind { () throws(CookieError) in try SetCookie(name: name, value: "v") } == .reservedName, "\(name)")
        }
    }

    @Test func rejectsHeaderInjectionInValues() {
        for value in ["a\r\nSet-Cookie: evil=1", "a\rb", "a\nb", "a b", "a\tb", "\u{0}", "\u{1f}", "日本"] {
            #expect(kind { () throws(CookieError) in try SetCookie(name: "n", value: value) } == .invalidValue, "\(value.debugDescription)")
        }
    }

    @Test func rejectsInjectionInAttributes() {
        for bad in ["a;b", "a b", "a\r\nX: y", "a\nb", "\u{7f}", "ex\u{e4}mple.com", "a\u{0}"] {
            #expect(kind { () throws(CookieError) in try SetCookie(name: "n", value: "v", domain: bad) } == .invalidAttribute, "domain \(bad.debugDescription)")
            #expect(kind { () throws(CookieError) in try SetCookie(name: "n", value: "v", path: bad) } == .invalidAttribute, "path \(bad.debugDescription)")
        }
    }

    @Test func enforcesBrowserSecurityRules() throws {
        #expect(kind { () throws(CookieError) in try SetCookie(name: "n", value: "v", sameSite: .noRestriction) } == .insecureAttributes)
        #expect(kind { () throws(CookieError) in try SetCookie(name: "__Secure-id", value: "v") } == .insecureAttributes)
        #expect(kind { () throws(CookieError) in try SetCookie(name: "__host-id", value: "v", domain: "a.com", secure: true) } == .insecureAttributes)
        #expect(kind { () throws(CookieError) in try SetCookie(name: "__Host-id", value: "v", domain: "a.com", secure: true) } == .insecureAttributes)
        #expect(kind { () throws(CookieError) in try SetCookie(name: "__Host-id", value: "v", path: "/app", secure: true) } == .insecureAttributes)
        #expect(kind { () throws(CookieError) in try SetCookie(name: "__Host-id", value: "v") } == .insecureAttributes)
        #expect(try SetCookie(name: "__Host-id", value: "v", secure: true).headerValue == "__Host-id=v; Path=/; Secure")
        #expect(try SetCookie(name: "__Secure-id", value: "v", secure: true).headerValue == "__Secure-id=v; Path=/; Secure")
    }

    @Test func errorMessagesNameTheProblem() {
        do {
            _ = try SetCookie(name: "session", value: "a\r\nX-Evil: 1")
            Issue.record("accepted a CRLF value")
        } catch {
            #expect(error.kind == .invalidValue)
            #expect(error.description.contains("\"session\""))
            #expect(error.description.contains("U+D"))
        }
    }
}
