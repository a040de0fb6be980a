// Plain HTTP requests to a ChatDemo for tests, with a minimal cookie jar: what
// a browser would send for forms, without a browser.
import SquallTesting

/// Cookies collected from `Set-Cookie` headers (name → value; no attributes).
struct CookieJar: Sendable {
    private(set) var values: [String: String] = [:]

    /// Stores the cookies `response` sets (an empty or `""` value deletes one).
    mutating func store(from response: TestResponse) {
        for header in response.headers("Set-Cookie") {
            let pair = header.split(separator: ";", maxSplits: 1)[0]
            guard let equals = pair.firstIndex(of: "=") else { continue }
            let name = String(pair[..<equals]), value = String(pair[pair.index(after: equals)...])
            values[name] = value.isEmpty || value == "\"\"" ? nil : value
        }
    }

    /// The `Cookie` request header, or nil when the jar is empty.
    var header: (String, String)? {
        values.isEmpty ? nil : ("Cookie", values.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: "; "))
    }
}

/// Sends one HTTP/1.1 request to `demo` on a new connection and reads the response.
func fetch(_ demo: ChatDemoProcess, _ path: String, method: String = "GET", headers: [(String, String)] = [],
           form: [(String, String)]? = nil) async throws -> TestResponse {
    let port = demo.port
    var allHeaders = headers
    var body: [UInt8] = []
    if let form {
        body = Array(form.map { "\(percentEncode($0.0))=\(percentEncode($0.1))" }.joined(separator: "&").utf8)
        allHeaders.append(("Content-Type", "application/x-www-form-urlencoded"))
    }
    let requestHeaders = allHeaders
    let requestBody = body
    return try await offLoop {
        let socket = try BlockingSocket(port: port)
        var request = "\(method) \(path) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nConnection: close\r\n"
        for (name, value) in requestHeaders { request += "\(name): \(value)\r\n" }
        if method == "POST" { request += "Content-Length: \(requestBody.count)\r\n" }
        request += "\r\n"
        try socket.send(Array(request.utf8) + requestBody)
        return try TestResponse.read(from: socket, forHEAD: method == "HEAD")
    }
}

/// `text` percent-encoded for a form body (everything but unreserved characters).
func percentEncode(_ text: String) -> String {
    var encoded = ""
    for byte in text.utf8 {
        if (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
            || byte == 0x2D || byte == 0x2E || byte == 0x5F || byte == 0x7E {
            encoded.unicodeScalars.append(Unicode.Scalar(byte))
        } else {
            encoded += "%" + (byte < 16 ? "0" : "") + String(byte, radix: 16, uppercase: true)
        }
    }
    return encoded
}

/// The value of the first `<input … name="_xsrf" value="…">` in a page.
func xsrfToken(in html: String) -> String? {
    guard let field = html.range(of: "name=\"_xsrf\" value=\"") else { return nil }
    return String(html[field.upperBound...].prefix { $0 != "\"" })
}
