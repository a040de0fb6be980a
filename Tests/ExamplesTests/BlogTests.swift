// The Blog example, driven over HTTP like a browser: pages, the login flow with
// its signed cookie, the author-only compose page, XSRF, and escaping.
import Testing
import SquallTesting

@Suite("Blog example")
struct BlogTests {
    static let password = "correct horse"

    /// Runs `body` with a client of a fresh Blog whose author is `admin` / `password`.
    private func withBlog(_ body: (inout ExampleClient) async throws -> Void) async throws {
        let server = try await ExampleServer.start("Blog", ["--password", Self.password, "--cookie-secret", "test-secret"])
        defer { server.stop() }
        var client = ExampleClient(port: server.port)
        try await body(&client)
    }

    /// Logs `client` in through the form, as a person would.
    private func logIn(_ client: inout ExampleClient, next: String = "/") async throws -> TestResponse {
        let form = try await client.get("/auth/login?next=\(PercentEncodedForm.escape(next))")
        return try await client.post("/auth/login", form: [
            ("_xsrf", try form.xsrfFormToken()), ("name", "admin"), ("password", Self.password), ("next", next),
        ])
    }

    /// Publishes an entry as a logged-in `client`; returns the redirect.
    private func compose(_ client: inout ExampleClient, title: String, text: String) async throws -> TestResponse {
        let form = try await client.get("/compose")
        #expect(form.status == 200)
        return try await client.post("/compose", form: [("_xsrf", try form.xsrfFormToken()), ("title", title), ("markdown", text)])
    }

    @Test func homeRendersThroughTheBaseTemplate() async throws {
        try await withBlog { client in
            let home = try await client.get("/")
            #expect(home.status == 200)
            #expect(home.header("Content-Type") == "text/html; charset=UTF-8")
            #expect(home.text.contains("<title>Squall Blog</title>"))
            #expect(home.text.contains("No entries yet."))
            #expect(home.text.contains(#"href="/auth/login?next=%2F""#))
            #expect(home.text.contains("/static/blog.css?v="))
            let css = try await client.get("/static/blog.css")
            #expect(css.status == 200)
            #expect(css.header("Content-Type") == "text/css; charset=UTF-8")
        }
    }

    @Test func loginSetsASignedCookieAndFollowsNext() async throws {
        try await withBlog { client in
            let response = try await logIn(&client, next: "/archive")
            #expect(response.status == 302)
            #expect(response.header("Location") == "/archive")
            let cookie = try #require(client.cookies["blogdemo_user"])
            #expect(cookie.contains("2|1:0|"))  // Tornado's signed-value format, version 2, key 0
            #expect(cookie.contains("|13:blogdemo_user|"))
            #expect(response.headers("Set-Cookie").contains { $0.contains("HttpOnly") && $0.contains("SameSite=Lax") })
            let home = try await client.get("/")
            #expect(home.text.contains("Sign out admin"))
        }
    }

    @Test func wrongPasswordOrForeignNextIsRefused() async throws {
        try await withBlog { client in
            let form = try await client.get("/auth/login")
            let refused = try await client.post("/auth/login", form: [
                ("_xsrf", try form.xsrfFormToken()), ("name", "admin"), ("password", "guess"),
            ])
            #expect(refused.status == 403)
            #expect(refused.text.contains("Wrong name or password."))
            #expect(client.cookies["blogdemo_user"] == nil)
            let response = try await logIn(&client, next: "//evil.example/")
            #expect(response.header("Location") == "/")  // no open redirect
        }
    }

    @Test func forgedLoginCookieIsIgnored() async throws {
        try await withBlog { client in
            client.cookies["blogdemo_user"] = "admin"
            let compose = try await client.get("/compose")
            #expect(compose.status == 302)
        }
    }

    @Test func composeWhileLoggedOutRedirectsOrRefuses() async throws {
        try await withBlog { client in
            let page = try await client.get("/compose")
            #expect(page.status == 302)
            #expect(page.header("Location") == "/auth/login?next=%2Fcompose")
            let form = try await client.get("/auth/login")
            let post = try await client.post("/compose", form: [
                ("_xsrf", try form.xsrfFormToken()), ("title", "Sneaky"), ("markdown", "text"),
            ])
            #expect(post.status == 403)
            let home = try await client.get("/")
            #expect(!home.text.contains("Sneaky"))
        }
    }

    @Test func composedEntryAppearsEverywhere() async throws {
        try await withBlog { client in
            _ = try await logIn(&client)
            let created = try await compose(&client, title: "Hello, Squall!", text: "First **post**.\n\n- one\n- two")
            #expect(created.status == 302)
            #expect(created.header("Location") == "/entry/hello-squall")
            let entry = try await client.get("/entry/hello-squall")
            #expect(entry.status == 200)
            #expect(entry.text.contains("<title>Hello, Squall! – Squall Blog</title>"))
            #expect(entry.text.contains("<p>First <strong>post</strong>.</p>"))
            #expect(entry.text.contains("<ul><li>one</li><li>two</li></ul>"))
            #expect(entry.text.contains("/compose?id=1"))
            let home = try await client.get("/")
            #expect(home.text.contains(#"<a href="/entry/hello-squall">Hello, Squall!</a>"#))
            let archive = try await client.get("/archive")
            #expect(archive.text.contains("Hello, Squall!"))
            var visitor = ExampleClient(port: client.port)
            let seen = try await visitor.get("/entry/hello-squall")
            #expect(seen.status == 200)
            #expect(!seen.text.contains("Edit this post"))
        }
    }

    @Test func editingKeepsTheSlugAndSameTitlesGetNewSlugs() async throws {
        try await withBlog { client in
            _ = try await logIn(&client)
            _ = try await compose(&client, title: "Café au lait", text: "one")
            let second = try await compose(&client, title: "Café au lait", text: "two")
            #expect(second.header("Location") == "/entry/cafe-au-lait-2")
            let form = try await client.get("/compose?id=1")
            #expect(form.text.contains(#"value="Café au lait""#))
            let edited = try await client.post("/compose", form: [
                ("_xsrf", try form.xsrfFormToken()), ("id", "1"), ("title", "Tea"), ("markdown", "changed"),
            ])
            #expect(edited.header("Location") == "/entry/cafe-au-lait")
            let entry = try await client.get("/entry/cafe-au-lait")
            #expect(entry.text.contains("<p>changed</p>"))
            let missing = try await client.get("/compose?id=99")
            #expect(missing.status == 404)
            let malformed = try await client.get("/compose?id=x")
            #expect(malformed.status == 400)
        }
    }

    @Test func emptyTitleShowsTheFormAgain() async throws {
        try await withBlog { client in
            _ = try await logIn(&client)
            let response = try await compose(&client, title: "  ", text: "kept text")
            #expect(response.status == 400)
            #expect(response.text.contains("Every entry needs a title."))
            #expect(response.text.contains("kept text"))
        }
    }

    @Test func postsWithoutTheXSRFTokenAreForbidden() async throws {
        try await withBlog { client in
            _ = try await client.get("/auth/login")  // has the _xsrf cookie, but sends no token
            let login = try await client.post("/auth/login", form: [("name", "admin"), ("password", Self.password)])
            #expect(login.status == 403)
            #expect(client.cookies["blogdemo_user"] == nil)
            _ = try await logIn(&client)
            let forged = try await client.post("/compose", form: [("_xsrf", "2|00|00|0"), ("title", "x"), ("markdown", "y")])
            #expect(forged.status == 403)
            let noToken = try await client.post("/compose", form: [("title", "x"), ("markdown", "y")])
            #expect(noToken.status == 403)
            let entry = try await client.get("/entry/x")
            #expect(entry.status == 404)
        }
    }

    @Test func htmlInEntriesIsEscaped() async throws {
        try await withBlog { client in
            _ = try await logIn(&client)
            let created = try await compose(
                &client, title: "<script>alert('t')</script>",
                text: "<img src=x onerror=alert(1)> **<b>bold</b>** [x](javascript:alert(1)) [ok](https://squall.example/?a=1&b=2)")
            let location = try #require(created.header("Location"))
            #expect(location == "/entry/script-alert-t-script")
            let entryPage = try await client.get(location)
            let homePage = try await client.get("/")
            for page in [entryPage, homePage] {
                #expect(!page.text.contains("<script>alert"))
                #expect(page.text.contains("&lt;script&gt;alert("))
                #expect(!page.text.contains("<img"))
                #expect(page.text.contains("&lt;img src=x onerror=alert(1)&gt;"))
                #expect(page.text.contains("<strong>&lt;b&gt;bold&lt;/b&gt;</strong>"))
                #expect(!page.text.contains("href=\"javascript:"))
                #expect(page.text.contains(#"<a href="https://squall.example/?a=1&amp;b=2">ok</a>"#))
            }
        }
    }

    @Test func logoutClearsTheLogin() async throws {
        try await withBlog { client in
            _ = try await logIn(&client)
            let home = try await client.get("/")
            let response = try await client.post("/auth/logout", form: [("_xsrf", try home.xsrfFormToken())])
            #expect(response.status == 302)
            #expect(client.cookies["blogdemo_user"] == nil)
            let compose = try await client.get("/compose")
            #expect(compose.status == 302)
        }
    }

    @Test func unknownEntryIs404() async throws {
        try await withBlog { client in
            let entry = try await client.get("/entry/nothing-here")
            #expect(entry.status == 404)
        }
    }
}
