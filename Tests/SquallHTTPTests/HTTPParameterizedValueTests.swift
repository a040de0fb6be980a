// parseContentType: media types, token and quoted parameters, RFC 5987 extended
// parameters, and leniency towards what real clients send.

import Testing
import SquallHTTP

@Suite("parseContentType")
struct HTTPParameterizedValueTests {
    @Test func mediaTypeIsTrimmedAndLowercased() {
        let value = parseContentType("  Text/HTML ; Charset=UTF-8 ")
        #expect(value.value == "text/html")
        #expect(value.parameters.map(\.name) == ["charset"])
        #expect(value[parameter: "CHARSET"] == "UTF-8")
    }

    @Test(arguments: [
        ("multipart/form-data; boundary=----WebKitFormBoundary7MA4YWxkTrZu0gW", "----WebKitFormBoundary7MA4YWxkTrZu0gW"),
        ("multipart/form-data; boundary=\"quoted boundary; with semicolon\"", "quoted boundary; with semicolon"),
        ("multipart/form-data;boundary=abc", "abc"),
        ("multipart/form-data; charset=utf-8; boundary=\"x\"", "x"),
        ("multipart/form-data; boundary=\"esc\\\"aped\"", "esc\"aped"),
    ])
    func boundaries(_ header: String, boundary: String) {
        let value = parseContentType(header)
        #expect(value.value == "multipart/form-data")
        #expect(value[parameter: "boundary"] == boundary)
    }

    @Test func windowsPathsInQuotedFilenamesSurvive() {
        let value = parseContentType("form-data; name=\"f\"; filename=\"C:\\dir\\a.txt\"")
        #expect(value[parameter: "filename"] == "C:\\dir\\a.txt")
    }

    @Test func extendedParametersAreDecodedAndWin() {
        let value = parseContentType("form-data; name=\"f\"; filename=\"plain.txt\"; filename*=UTF-8''%E2%82%AC%20rates.txt")
        #expect(value[parameter: "filename"] == "€ rates.txt")
        #expect(value.parameters.filter { $0.name == "filename" }.count == 1)
        let latin = parseContentType("attachment; filename*=iso-8859-1'en'%E9t%E9.txt")
        #expect(latin[parameter: "filename"] == "été.txt")
        let unknownCharset = parseContentType("attachment; filename=\"a\"; filename*=koi8-r''%C1")
        #expect(unknownCharset[parameter: "filename"] == "a")
    }

    @Test func malformedParametersAreSkipped() {
        let value = parseContentType("text/plain; novalue; =empty; ok=1; unterminated=\"abc")
        #expect(value.parameters.map(\.name) == ["ok", "unterminated"])
        #expect(value[parameter: "unterminated"] == "abc")
    }

    @Test func firstOccurrenceOfAPlainParameterWins() {
        #expect(parseContentType("text/plain; a=1; A=2")[parameter: "a"] == "1")
    }

    @Test func emptyHeader() {
        let value = parseContentType("")
        #expect(value.value == "")
        #expect(value.parameters.isEmpty)
    }
}
