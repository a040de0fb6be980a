// XSRF protection through handlers: the token and cookie handed out by GET,
// and the check of POST/PUT/PATCH/DELETE by form field and headers.
import Foundation
import SquallCore
import SquallHTTP
import SquallTesting
import SquallWeb
import Testing

@Suite("XSRF protection")
struct XSRFHandlerTests {
    static let unsafeMethods = ["POST", "PUT", "PATCH", "DELETE"]

    /// A token and its matching cookie, as a browser would hold them after a GET.
    private func tokenAndCookie(_ server: TestServer) async throws -> (token: String, cookie: String) {
        let page = try await server.fetch("/xsrf")
        let lines = page.text.split(separator: "\n").map(String.init)
        let cookie = String(try #require(page.setCookies.first).prefix { $0 != ";" })
        return (lines[1], cookie)
    }

    private func xsrfOn(_ settings: inout ApplicationSettings) { settings.xsrfCookies = true }

    @Test func getHandsOutAMaskedTokenAndSetsTheCookieOnce() async throws {
        try await Toolkit.withServer(xsrfOn) { server async throws in
            let page = try await server.fetch("/xsrf")
            let lines = page.text.split(separator: "\n").map(String.init)
            #expect(lines.count == 3)
            #expect(lines[1] == lines[2], "the same text within one request")
            #expect(lines[0] == "<input type=\"hidden\" name=\"_xsrf\" value=\"\(lines[1])\"/>")
            #expect(page.setCookies.count == 1)
            let cookie = try #require(page.setCookies.first)
            #expect(cookie.hasPrefix("_xsrf=2|"), "unquoted: | and hex digits are legal cookie characters")
            #expect(cookie.hasSuffix("; Path=/"), "a session cookie when nobody is logged in")
            let token = try #require(XSRFToken(decoding: lines[1]))
            #expect(token.raw.count == 16)

            // With the cookie, the token is reused (under a new mask) and no cookie is set.
            let pair = String(cookie.prefix { $0 != ";" })
            let again = try await server.fetch("/xsrf", headers: [("Cookie", pair)])
            let reused = try #require(XSRFToken(decoding: String(again.text.split(separator: "\n")[1])))
            #expect(again.setCookies.isEmpty)
            #expect(reused.matches(token))
            #expect(String(again.text.split(separator: "\n")[1]) != lines[1], "a fresh mask every request")
        }
    }

    @Test func cookieOptionsApplyToTheXSRFCookie() async throws {
        let configure: (inout ApplicationSettings) throws -> Void = {
            $0.xsrfCookies = true
            $0.xsrfCookieOptions.name = "__Host-xsrf"
            $0.xsrfCookieOptions.secure = true
            $0.xsrfCookieOptions.sameSite = .strict
        }
        try await Toolkit.withServer(configure) { server async throws in
            let page = try await server.fetch("/xsrf")
            let cookie = try #require(page.setCookies.first)
            #expect(cookie.hasPrefix("__Host-xsrf=2|"))
            #expect(cookie.hasSuffix("; Path=/; SameSite=Strict; Secure"))
            let token = String(page.text.split(separator: "\n")[1])
            let pair = String(cookie.prefix { $0 != ";" })
            let post = try await server.fetch("/xsrf", method: "POST", headers: [("Cookie", pair), ("X-XSRFToken", token)])
            #expect(post.text == "ok")
        }
    }

    @Test func aLoggedInUserGetsAThirtyDayCookie() async throws {
        try await Toolkit.withServer(xsrfOn) { server async throws in
            let before = Date().timeIntervalSince1970
            let page = try await server.fetch("/xsrf", headers: [("Cookie", "user=ada")])
            let cookie = try #require(page.setCookies.first)
            let expires = try #require(cookie.split(separator: ";").first { $0.hasPrefix(" expires=") })
            let date = try #require(HTTPDate.parse(String(expires.dropFirst(" expires=".count))))
            #expect((30 * 86_400 - 5)...(30 * 86_400 + 5) ~= Double(date) - before)
        }
    }

    @Test(arguments: unsafeMethods)
    func acceptsTheTokenInTheFormFieldOrEitherHeader(method: String) async throws {
        try await Toolkit.withServer(xsrfOn) { server async throws in
            let (token, cookie) = try await tokenAndCookie(server)
            let form = try await server.fetch(
                "/xsrf", method: method,
                headers: [("Cookie", cookie), ("Content-Type", "application/x-www-form-urlencoded")],
                body: Array("a=1&_xsrf=\(PercentEncoding.encode(token))".utf8))
            #expect(form.status == 200)
            #expect(form.text == "ok")
            for header in ["X-XSRFToken", "X-CSRFToken"] {
                let response = try await server.fetch("/xsrf", method: method, headers: [("Cookie", cookie), (header, token)])
                #expect(response.text == "ok", "\(header)")
            }
            let query = try await server.fetch("/xsrf?_xsrf=\(PercentEncoding.encode(token))", method: method, headers: [("Cookie", cookie)])
            #expect(query.text == "ok", "the query argument counts, as with Tornado's get_argument")
        }
    }

    @Test(arguments: unsafeMethods)
    func rejectsMissingWrongOrCookielessTokensWith403(method: String) async throws {
        try await Toolkit.withServer(xsrfOn) { server async throws in
            let (token, cookie) = try await tokenAndCookie(server)
            let other = XSRFToken.generate().masked()
            let cases: [(headers: [(String, String)], reason: String)] = [
                ([("Cookie", cookie)], "&#x27;_xsrf&#x27; argument missing from POST"),
                ([("Cookie", cookie), ("X-XSRFToken", other)], "XSRF cookie does not match POST argument"),
                ([("Cookie", cookie), ("X-XSRFToken", "3|future|format")], "&#x27;_xsrf&#x27; argument has invalid format"),
                ([("X-XSRFToken", token)], "&#x27;_xsrf&#x27; cookie missing or invalid"),
                ([("Cookie", "_xsrf=\(other)"), ("X-XSRFToken", token)], "XSRF cookie does not match POST argument"),
            ]
            for (headers, reason) in cases {
                let response = try await server.fetch("/xsrf", method: method, headers: headers)
                #expect(response.status == 403, "\(headers)")
                #expect(response.text.contains(reason), "\(headers): \(response.text)")
            }
        }
    }

    @Test func anUnreadableFormBodyIsABadRequest() async throws {
        try await Toolkit.withServer(xsrfOn) { server async throws in
            let (_, cookie) = try await tokenAndCookie(server)
            let response = try await server.fetch(
                "/xsrf", method: "POST", headers: [("Cookie", cookie), ("Content-Type", "multipart/form-data")],
                body: Array("_xsrf=x".utf8))
            #expect(response.status == 400)
            #expect(response.text.contains("boundary"))
        }
    }

    @Test func safeMethodsAndExemptHandlersAreNotChecked() async throws {
        try await Toolkit.withServer(xsrfOn) { server async throws in
            #expect(try await server.fetch("/xsrf", method: "GET").status == 200)
            #expect(try await server.fetch("/xsrf", method: "HEAD").status == 200)
            #expect(try await server.fetch("/xsrf/exempt", method: "POST").text == "exempt")
        }
    }

    @Test func nothingIsCheckedWhenTheSettingIsOff() async throws {
        try await Toolkit.withServer { server async throws in
            #expect(try await server.fetch("/xsrf", method: "POST").text == "ok")
        }
    }
}
