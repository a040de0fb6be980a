// parseQueryString and PercentEncoding, checked against what Python's parse_qsl
// (keep_blank_values=True), quote and quote_plus produce.

import Testing
import SquallHTTP

@Suite("Query strings and percent-encoding")
struct QueryStringTests {
    @Test(arguments: [
        ("a=1&b=2", [("a", "1"), ("b", "2")]),
        ("a=1&a=2", [("a", "1"), ("a", "2")]),
        ("a=&b", [("a", ""), ("b", "")]),
        ("a=1&&b=2&", [("a", "1"), ("b", "2")]),
        ("", []),
        ("&", []),
        ("a=1;b=2", [("a", "1;b=2")]),
        ("q=hello+world", [("q", "hello world")]),
        ("q=a%2Bb%26c%3Dd", [("q", "a+b&c=d")]),
        ("%E2%82%AC=%C3%A9t%C3%A9", [("€", "été")]),
        ("k=v=w", [("k", "v=w")]),
        ("=v", [("", "v")]),
        ("x=%zz&y=%4", [("x", "%zz"), ("y", "%4")]),
        ("bad=%FF", [("bad", "\u{FFFD}")]),
        ("n%20m=1", [("n m", "1")]),
    ])
    func parsesLikePythonParseQsl(_ query: String, expected: [(String, String)]) {
        let pairs = parseQueryString(query)
        #expect(pairs.map(\.name) == expected.map(\.0))
        #expect(pairs.map(\.value) == expected.map(\.1))
    }

    @Test(arguments: [
        ("hello world", true, "hello+world"),
        ("hello world", false, "hello%20world"),
        ("a/b?c=d&e", true, "a%2Fb%3Fc%3Dd%26e"),
        ("a/b?c=d&e", false, "a/b%3Fc%3Dd%26e"),
        ("Az09-_.~", true, "Az09-_.~"),
        ("€", true, "%E2%82%AC"),
        ("100%", false, "100%25"),
        ("+", true, "%2B"),
    ])
    func encodesLikeTornadoUrlEscape(_ text: String, plus: Bool, expected: String) {
        #expect(PercentEncoding.encode(text, plusForSpace: plus) == expected)
    }

    @Test(arguments: [
        ("a%20b", false, "a b"), ("a+b", false, "a+b"), ("a+b", true, "a b"), ("%e2%82%ac", false, "€"),
        ("%", false, "%"), ("%4", false, "%4"), ("%g0", false, "%g0"), ("%C3", false, "\u{FFFD}"),
    ])
    func decodes(_ text: String, plus: Bool, expected: String) {
        #expect(PercentEncoding.decode(text, plusAsSpace: plus) == expected)
    }

    @Test func decodeBytesKeepsInvalidUTF8Exactly() {
        #expect(PercentEncoding.decodeBytes("%FF%00a+") == [0xFF, 0x00, 0x61, 0x2B])
        #expect(PercentEncoding.decodeBytes("a+", plusAsSpace: true) == [0x61, 0x20])
    }

    @Test func encodeQueryRoundTrips() {
        let pairs = [(name: "name", value: "Jürgen & co"), (name: "a/b", value: ""), (name: "x", value: "1+1=2")]
        let query = PercentEncoding.encodeQuery(pairs)
        #expect(query == "name=J%C3%BCrgen+%26+co&a%2Fb=&x=1%2B1%3D2")
        let parsed = parseQueryString(query)
        #expect(parsed.map(\.name) == pairs.map(\.name))
        #expect(parsed.map(\.value) == pairs.map(\.value))
    }
}
