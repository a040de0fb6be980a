// HTTPResponseHead serialization and HTTPStatus codes and reason phrases.

import Testing
import SquallHTTP

@Suite("HTTPResponseHead and HTTPStatus")
struct HTTPResponseHeadTests {
    private func serialized(_ head: HTTPResponseHead) -> String {
        var bytes: [UInt8] = []
        head.write(into: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    @Test func writesStatusLineHeadersAndBlankLine() throws {
        var headers = HTTPHeaders()
        try headers.add("Content-Length", "5")
        try headers.add("Content-Type", "text/plain")
        #expect(serialized(HTTPResponseHead(status: .ok, headers: headers))
            == "HTTP/1.1 200 OK\r\nContent-Length: 5\r\nContent-Type: text/plain\r\n\r\n")
    }

    @Test func appendsToExistingBytes() {
        var bytes: [UInt8] = Array("x".utf8)
        HTTPResponseHead(status: .notFound, version: .http1_0).write(into: &bytes)
        #expect(String(decoding: bytes, as: UTF8.self) == "xHTTP/1.0 404 Not Found\r\n\r\n")
    }

    @Test(arguments: [
        (100, "Continue"), (101, "Switching Protocols"), (200, "OK"), (204, "No Content"), (206, "Partial Content"),
        (301, "Moved Permanently"), (304, "Not Modified"), (308, "Permanent Redirect"), (400, "Bad Request"),
        (404, "Not Found"), (405, "Method Not Allowed"), (413, "Content Too Large"), (414, "URI Too Long"),
        (418, "I'm a Teapot"), (422, "Unprocessable Content"), (429, "Too Many Requests"),
        (431, "Request Header Fields Too Large"), (451, "Unavailable For Legal Reasons"),
        (500, "Internal Server Error"), (501, "Not Implemented"), (505, "HTTP Version Not Supported"),
        (511, "Network Authentication Required"),
    ])
    func standardReasonPhrases(_ code: Int, phrase: String) throws {
        let status = try HTTPStatus(code: code)
        #expect(status.reasonPhrase == phrase)
        #expect(serialized(HTTPResponseHead(status: status)) == "HTTP/1.1 \(code) \(phrase)\r\n\r\n")
    }

    @Test func everyRegisteredCodeHasAPhrase() {
        let registered = [
            100, 101, 102, 103, 200, 201, 202, 203, 204, 205, 206, 207, 208, 226, 300, 301, 302, 303, 304, 305, 307,
            308, 400, 401, 402, 403, 404, 405, 406, 407, 408, 409, 410, 411, 412, 413, 414, 415, 416, 417, 418, 421,
            422, 423, 424, 425, 426, 428, 429, 431, 451, 500, 501, 502, 503, 504, 505, 506, 507, 508, 510, 511,
        ]
        #expect(registered.allSatisfy { HTTPStatus.standardReasonPhrase(for: $0) != nil })
        #expect(HTTPStatus.standardReasonPhrase(for: 299) == nil)
    }

    @Test func customAndUnknownCodes() throws {
        #expect(try HTTPStatus(code: 299).reasonPhrase == "Unknown")
        let custom = try HTTPStatus(code: 200, reasonPhrase: "Fine Thanks")
        #expect(serialized(HTTPResponseHead(status: custom)) == "HTTP/1.1 200 Fine Thanks\r\n\r\n")
        #expect(custom != .ok)
        #expect(try HTTPStatus(code: 404) == .notFound)
        #expect(HTTPStatus.notFound.description == "404 Not Found")
    }

    @Test(arguments: [0, 99, 600, 1000, -200])
    func outOfRangeCodesAreRejected(_ code: Int) {
        let error = #expect(throws: HTTPValidationError.self) { try HTTPStatus(code: code) }
        #expect(error?.kind == .invalidStatusCode)
    }

    @Test(arguments: ["OK\r\nSet-Cookie: x=1", "a\nb", "nul\u{0}"])
    func reasonPhraseInjectionIsRejected(_ phrase: String) {
        let error = #expect(throws: HTTPValidationError.self) { try HTTPStatus(code: 200, reasonPhrase: phrase) }
        #expect(error?.kind == .invalidReasonPhrase)
    }

    @Test func statusesExposeCodes() {
        #expect(HTTPStatus.continue.code == 100)
        #expect(HTTPStatus.contentTooLarge.code == 413)
        #expect(HTTPStatus.requestHeaderFieldsTooLarge.code == 431)
        #expect(HTTPStatus.httpVersionNotSupported.code == 505)
    }

    @Test func unusualVersionsStillSerialize() {
        var head = HTTPResponseHead(status: .ok)
        head.version = HTTPVersion(major: 10, minor: 1)
        #expect(serialized(head) == "HTTP/10.1 200 OK\r\n\r\n")
    }
}
