// Templates rendered from handlers: the handler namespace (static_url,
// xsrf_form_html, reverse_url, current_user, request), escaping, and errors that
// become a 500 without leaking detail outside debug mode.
import Foundation
import Squall
import SquallTesting
import Testing

final class PageHandler: RequestHandler {
    override func getCurrentUser() throws -> String? { getCookie("user") }
    override func get() throws {
        try render(pathArgs[0] ?? "page.html", ["title": "<Tom & Jerry>", "items": [1, 2, 3]])
    }
}

@Suite("Template rendering in handlers")
struct TemplateRenderingTests {
    static func makeSite(debug: Bool = false) throws -> (Application, URL) {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("squall-tpl-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root.appendingPathComponent("static"), withIntermediateDirectories: true)
        try "body{}".write(to: root.appendingPathComponent("static/site.css"), atomically: true, encoding: .utf8)
        let templates: [String: String] = [
            "base.html": "<title>{{ title }}</title>{% block body %}{% end %}",
            "page.html": """
                {% extends "base.html" %}{% block body %}<link href="{{ static_url("site.css") }}">\
                {% for i in items %}[{{ i }}]{% end %}<a href="{{ reverse_url("page", "x.html") }}">\
                {{ request.uri }}</a>user={{ current_user }}{% raw xsrf_form_html() %}{% end %}
                """,
            "broken.html": "{{ no_such_name }}",
        ]
        for (name, text) in templates {
            try text.write(to: root.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
        var settings = ApplicationSettings()
        settings.templatePath = root.path
        settings.staticPath = root.appendingPathComponent("static").path
        settings.cookieSecret = try CookieSecret("template-test-secret")
        settings.debug = debug
        let app = try Application([URLSpec(#"/page/([a-z.]+)"#, PageHandler.self, name: "page")], settings: settings)
        return (app, root)
    }

    @Test func rendersWithTheHandlerNamespace() async throws {
        let (app, root) = try Self.makeSite()
        defer { try? FileManager.default.removeItem(at: root) }
        let server = try TestServer(app)
        defer { server.stop() }
        let response = try await server.fetch("/page/page.html?q=1", headers: [("Cookie", "user=ada")])
        #expect(response.status == 200)
        let html = response.text
        #expect(html.contains("<title>&lt;Tom &amp; Jerry&gt;</title>"))
        #expect(html.contains(#"<link href="/static/site.css?v="#))
        #expect(html.contains("[1][2][3]"))
        #expect(html.contains(#"<a href="/page/x.html">/page/page.html?q=1</a>"#))
        #expect(html.contains("user=ada"))
        #expect(html.contains(#"<input type="hidden" name="_xsrf" value=""#))
        #expect(response.header("Content-Type") == "text/html; charset=UTF-8")
    }

    @Test func brokenTemplateIsAGeneric500InProduction() async throws {
        let (app, root) = try Self.makeSite()
        defer { try? FileManager.default.removeItem(at: root) }
        let server = try TestServer(app)
        defer { server.stop() }
        let response = try await server.fetch("/page/broken.html")
        #expect(response.status == 500)
        #expect(!response.text.contains("no_such_name"))
    }

    @Test func brokenTemplateShowsNameAndLineInDebugMode() async throws {
        let (app, root) = try Self.makeSite(debug: true)
        defer { try? FileManager.default.removeItem(at: root) }
        let server = try TestServer(app)
        defer { server.stop() }
        let response = try await server.fetch("/page/broken.html")
        #expect(response.status == 500)
        #expect(response.text.contains("no_such_name"))
        #expect(response.text.contains("broken.html"))
    }

    @Test func missingTemplateIs500() async throws {
        let (app, root) = try Self.makeSite()
        defer { try? FileManager.default.removeItem(at: root) }
        let server = try TestServer(app)
        defer { server.stop() }
        let response = try await server.fetch("/page/missing.html")
        #expect(response.status == 500)
    }
}
