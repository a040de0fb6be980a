// multipart/form-data parsing (RFC 7578) and parseBodyArguments: fields, files,
// binary-safe bodies, preamble/epilogue, and clear errors for malformed input.

import Testing
import SquallHTTP

private let boundary = "----SquallBoundary42"

/// Builds a body from parts of (header lines, content bytes).
private func multipart(_ parts: [([String], [UInt8])], preamble: String = "", epilogue: String = "") -> [UInt8] {
    var body = Array(preamble.utf8)
    for (index, (headers, content)) in parts.enumerated() {
        body += Array(((index == 0 && preamble.isEmpty ? "" : "\r\n") + "--\(boundary)\r\n").utf8)
        body += Array(headers.map { $0 + "\r\n" }.joined().utf8) + Array("\r\n".utf8)
        body += content
    }
    return body + Array("\r\n--\(boundary)--".utf8) + Array(epilogue.utf8)
}

private func field(_ name: String, _ value: String) -> ([String], [UInt8]) {
    (["Content-Disposition: form-data; name=\"\(name)\""], Array(value.utf8))
}

@Suite("multipart/form-data")
struct MultipartFormDataTests {
    @Test func fieldsAndFiles() throws {
        let body = multipart([
            field("title", "Hello"),
            (["Content-Disposition: form-data; name=\"upload\"; filename=\"a.txt\"", "Content-Type: text/plain"],
             Array("file content".utf8)),
            field("title", "Again"),
        ])
        let form = try parseMultipartFormData(boundary: boundary, body: body)
        #expect(form.values(for: "title") == ["Hello", "Again"])
        let file = try #require(form.files(for: "upload").first)
        #expect(file == HTTPFile(filename: "a.txt", contentType: "text/plain", body: Array("file content".utf8)))
    }

    @Test func binaryContentWithCRLFAndBoundaryLookalikesIsKeptExactly() throws {
        var content: [UInt8] = Array(0...255)
        content += Array("\r\n--\(boundary)X not a delimiter\r\n".utf8)
        content += Array("mid-line --\(boundary)\r\n is no delimiter\r\n\r\n--\(boundary.dropLast())\r\n".utf8)
        content += [0x0D, 0x0A, 0x0D, 0x00, 0x2D, 0x2D]
        let body = multipart([
            (["Content-Disposition: form-data; name=\"bin\"; filename=\"blob.bin\""], content),
            field("after", "ok"),
        ])
        let form = try parseMultipartFormData(boundary: boundary, body: body)
        let file = try #require(form.files.first?.file)
        #expect(file.body == content)
        #expect(file.contentType == "application/unknown")
        #expect(form.values(for: "after") == ["ok"])
    }

    @Test func preambleEpilogueAndTransportPaddingAreIgnored() throws {
        var body = Array("This is the preamble.\r\n--\(boundary)   \r\n".utf8)
        body += Array("Content-Disposition: form-data; name=a\r\n\r\n1\r\n--\(boundary)--\r\nepilogue".utf8)
        let form = try parseMultipartFormData(boundary: boundary, body: body)
        #expect(form.values(for: "a") == ["1"])
    }

    @Test func boundaryLookalikeLinesBeforeTheFirstDelimiterArePreamble() throws {
        let body = Array("--\(boundary)junk\r\n\r\nx\r\n--\(boundary)\r\n".utf8)
            + Array("Content-Disposition: form-data; name=a\r\n\r\n1\r\n--\(boundary)--".utf8)
        let form = try parseMultipartFormData(boundary: boundary, body: body)
        #expect(form.arguments.map(\.name) == ["a"])
    }

    @Test func nameAndFilenameForms() throws {
        let body = multipart([
            (["content-disposition: FORM-DATA; name=unquoted"], Array("u".utf8)),
            (["Content-Disposition: form-data; name=\"f\"; filename=\"\""], Array("empty filename is a field".utf8)),
            (["Content-Disposition: form-data; name=\"g\"; filename*=UTF-8''%E2%82%AC.txt"], Array("euro".utf8)),
            (["Content-Disposition: form-data; name=\"empty\""], []),
        ])
        let form = try parseMultipartFormData(boundary: boundary, body: body)
        #expect(form.values(for: "unquoted") == ["u"])
        #expect(form.values(for: "f") == ["empty filename is a field"])
        #expect(form.files(for: "g").first?.filename == "€.txt")
        #expect(form.values(for: "empty") == [""])
    }

    @Test func quotedBoundaryArgumentIsUnquoted() throws {
        let form = try parseMultipartFormData(boundary: "\"\(boundary)\"", body: multipart([field("a", "1")]))
        #expect(form.values(for: "a") == ["1"])
    }

    @Test(arguments: [
        ("no boundary at all", Array("just some bytes".utf8)),
        ("missing final boundary", Array("--\(boundary)\r\nContent-Disposition: form-data; name=a\r\n\r\nvalue".utf8)),
        ("truncated after boundary", Array("--\(boundary)".utf8)),
        ("unterminated part headers", Array("--\(boundary)\r\nContent-Disposition: form-data; name=a\r\n".utf8)),
        ("missing disposition", multipart([(["Content-Type: text/plain"], Array("x".utf8))])),
        ("not form-data", multipart([(["Content-Disposition: attachment; name=\"a\""], Array("x".utf8))])),
        ("missing name", multipart([(["Content-Disposition: form-data; filename=\"a.txt\""], Array("x".utf8))])),
        ("bad header line", multipart([(["Content-Disposition form-data"], Array("x".utf8))])),
        ("header injection", multipart([(["Content-Disposition: form-data; name=a", "X: a\u{0}b"], Array("x".utf8))])),
        ("junk after every boundary", Array("--\(boundary)junk\r\n\r\nx\r\n--\(boundary)junk".utf8)),
    ])
    func malformedBodiesFailWith400(_ label: String, body: [UInt8]) {
        let error = #expect(throws: HTTPFormError.self, "\(label)") {
            try parseMultipartFormData(boundary: boundary, body: body)
        }
        #expect(error?.status.code == 400)
        #expect(error?.message.contains("multipart/form-data") == true)
    }

    @Test func partHeaderSizeIsLimited() {
        let body = multipart([(["Content-Disposition: form-data; name=a", "X: " + String(repeating: "v", count: 200)], [])])
        let error = #expect(throws: HTTPFormError.self) {
            try parseMultipartFormData(boundary: boundary, body: body, maxPartHeaderSize: 100)
        }
        #expect(error?.message.contains("exceed 100 bytes") == true)
        #expect((try? parseMultipartFormData(boundary: boundary, body: body, maxPartHeaderSize: 1_000)) != nil)
    }

    @Test func invalidBoundaryArgument() {
        #expect(throws: HTTPFormError.self) { try parseMultipartFormData(boundary: "", body: []) }
        #expect(throws: HTTPFormError.self) { try parseMultipartFormData(boundary: "a\r\nb", body: []) }
    }
}

@Suite("parseBodyArguments")
struct HTTPFormDataTests {
    private func headers(_ pairs: [(String, String)]) throws -> HTTPHeaders { try HTTPHeaders(pairs) }

    @Test func urlencodedBody() throws {
        let form = try parseBodyArguments(
            headers: headers([("Content-Type", "application/x-www-form-urlencoded; charset=UTF-8")]),
            body: Array("a=1&b=hello+world&a=%E2%82%AC".utf8))
        #expect(form.values(for: "a") == ["1", "€"])
        #expect(form.values(for: "b") == ["hello world"])
        #expect(form.files.isEmpty)
    }

    @Test func multipartBody() throws {
        let form = try parseBodyArguments(
            headers: headers([("Content-Type", "multipart/form-data; boundary=\"\(boundary)\"")]),
            body: multipart([field("x", "y")]))
        #expect(form.values(for: "x") == ["y"])
    }

    @Test(arguments: ["text/plain", "application/json", ""])
    func otherTypesGiveAnEmptyForm(_ type: String) throws {
        let form = try parseBodyArguments(headers: headers([("Content-Type", type)]), body: Array("a=1".utf8))
        #expect(form.arguments.isEmpty && form.files.isEmpty)
    }

    @Test func missingContentTypeGivesAnEmptyForm() throws {
        #expect(try parseBodyArguments(headers: HTTPHeaders(), body: Array("a=1".utf8)).arguments.isEmpty)
    }

    @Test func compressedFormIs415() throws {
        let error = #expect(throws: HTTPFormError.self) {
            try parseBodyArguments(
                headers: headers([("Content-Type", "application/x-www-form-urlencoded"), ("Content-Encoding", "gzip")]),
                body: [])
        }
        #expect(error?.status.code == 415)
        #expect(error?.message.contains("gzip") == true)
        let identity = try parseBodyArguments(
            headers: headers([("Content-Type", "application/x-www-form-urlencoded"), ("Content-Encoding", "identity")]),
            body: Array("a=1".utf8))
        #expect(identity.values(for: "a") == ["1"])
    }

    @Test func multipartWithoutBoundaryIs400() throws {
        let error = #expect(throws: HTTPFormError.self) {
            try parseBodyArguments(headers: headers([("Content-Type", "multipart/form-data")]), body: [])
        }
        #expect(error?.status.code == 400)
        #expect(error?.message.contains("boundary") == true)
    }
}
