// ExampleClient: a minimal browser for the example tests — one request per
// connection over SquallTesting's BlockingSocket, with a cookie jar, form posts and
// the `_xsrf` token read from the last page, so tests follow the same steps a
// person's browser would.
import Foundation
import SquallTesting

/// A cookie-keeping HTTP client for one example server.
struct ExampleClient {
    /// The server's port on 127.0.0.1.
    let port: Int
    /// Cookies received so far, by name.
    var cookies: [String: String] = [:]

    init(port: Int) {
        self.port = port
    }

    /// GET `path`.
    mutating func get(_ path: String) async throws -> TestResponse {
        try await send("GET", path)
    }

    /// POST `path` with `fields` as `application/x-www-form-urlencoded`.
    mutating func post(_ path: String, form fields: [(String, String)]) async throws -> TestResponse {
        let body = PercentEncodedForm.encode(fields)
        return try await send("POST", path, headers: [("Content-Type", "application/x-www-form-urlencoded")],
                              body: Array(body.utf8))
    }

    /// Sends one request with the jar's cookies and `Connection: close`, reads the
    /// response, and keeps the cookies it sets (an empty value or `Max-Age=0`
    /// deletes one).
    mutating func send(_ method: String, _ path: String, headers: [(String, String)] = [],
                       body: [UInt8] = []) async throws -> TestResponse {
        var head = "\(method) \(path) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nConnection: close\r\n"
        if !cookies.isEmpty {
            head += "Cookie: " + cookies.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: "; ") + "\r\n"
        }
        for (name, value) in headers { head += "\(name): \(value)\r\n" }
        if method == "POST" || !body.isEmpty { head += "Content-Length: \(body.count)\r\n" }
        let request = Array((head + "\r\n").utf8) + body
        let port = self.port
        let response = try await offLoop {
            let socket = try BlockingSocket(port: port)
            try socket.send(request)
            return try TestResponse.read(from: socket, forHEAD: method == "HEAD")
        }
        for line in response.headers("Set-Cookie") { remember(line) }
        return response
    }

    private mutating func remember(_ setCookie: String) {
        let parts = setCookie.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
        guard let pair = parts.first, let equals = pair.firstIndex(of: "=") else { return }
        let name = String(pair[..<equals])
        let value = String(pair[pair.index(after: equals)...])
        if value.isEmpty || parts.contains(where: { $0.lowercased() == "max-age=0" }) {
            cookies[name] = nil
        } else {
            cookies[name] = value
        }
    }
}

/// Reading pages.
extension TestResponse {
    /// The value of the `_xsrf` hidden field of the page's form.
    func xsrfFormToken() throws -> String {
        guard let field = text.firstRange(of: #"name="_xsrf" value=""#),
              let end = text[field.upperBound...].firstIndex(of: "\"") else {
            throw TestClientError("no _xsrf field in the page: \(text.prefix(300))")
        }
        return String(text[field.upperBound..<end])
    }
}

/// `application/x-www-form-urlencoded`, written independently of the server's code.
enum PercentEncodedForm {
    /// `name=value&…`, with everything but `A-Z a-z 0-9 - . _ ~` percent-encoded.
    static func encode(_ fields: [(String, String)]) -> String {
        fields.map { escape($0.0) + "=" + escape($0.1) }.joined(separator: "&")
    }

    /// `text` percent-encoded as a form value.
    static func escape(_ text: String) -> String {
        var allowed = CharacterSet.alphanumerics.intersection(CharacterSet(charactersIn: "\u{0}"..."\u{7F}"))
        allowed.insert(charactersIn: "-._~")
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? text
    }
}
