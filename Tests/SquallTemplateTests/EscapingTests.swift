// Tornado's escaping functions (xhtml_escape/unescape, url_escape/unescape,
// squeeze, json_encode) as Swift functions and as template functions;
// expected values recorded from Tornado 6.6.1.
import Testing
@testable import SquallTemplate

@Suite struct EscapingTests {
    @Test(arguments: [
        ("&", "&amp;"), ("<", "&lt;"), (">", "&gt;"), ("\"", "&quot;"), ("'", "&#x27;"),
        ("<a href='x' title=\"y\">&amp;</a>", "&lt;a href=&#x27;x&#x27; title=&quot;y&quot;&gt;&amp;amp;&lt;/a&gt;"),
        ("plain text", "plain text"), ("你好 🎉 <", "你好 🎉 &lt;"), ("", ""),
    ])
    func xhtmlEscapesEveryDangerousCharacter(input: String, expected: String) {
        #expect(xhtmlEscape(input) == expected)
    }

    @Test(arguments: [
        ("&amp;&lt;&gt;&quot;&#39;&#x27;", "&<>\"''"),
        ("&eacute;t&eacute;", "été"),
        ("&notit; &notin; &not", "¬it; ∉ ¬"),
        ("&#0; &#128; &#x80; &#xD800; &#1114112; &#x110000;", "\u{FFFD} € € \u{FFFD} \u{FFFD} \u{FFFD}"),
        ("&#65&#x42;&#X43;", "ABC"),
        ("&amp &ampx &AMP;", "& &x &"),
        ("&unknown; & &; &#; &#x;", "&unknown; & &; &#; &#x;"),
        ("&Aacute &aacutex", "Á áx"),
        ("no entities", "no entities"),
        ("&lt;b&gt;你好&lt;/b&gt;", "<b>你好</b>"),
        ("&#x1F389;", "🎉"),
        ("&#99999999999999999999;", "\u{FFFD}"),
    ])
    func xhtmlUnescapeFollowsHTML5(input: String, expected: String) {
        #expect(xhtmlUnescape(input) == expected)
    }

    @Test(arguments: [
        ("a b/c?d=e&f", "a+b%2Fc%3Fd%3De%26f", "a%20b/c%3Fd%3De%26f"),
        ("你好 🎉", "%E4%BD%A0%E5%A5%BD+%F0%9F%8E%89", "%E4%BD%A0%E5%A5%BD%20%F0%9F%8E%89"),
        ("~-._", "~-._", "~-._"),
        ("100%", "100%25", "100%25"),
        ("+", "%2B", "%2B"),
    ])
    func urlEscape(input: String, withPlus: String, withoutPlus: String) {
        #expect(SquallTemplate.urlEscape(input) == withPlus)
        #expect(SquallTemplate.urlEscape(input, plus: false) == withoutPlus)
    }

    @Test(arguments: [
        ("a+b%20c", "a b c", "a+b c"),
        ("%E4%BD%A0%E5%A5%BD", "你好", "你好"),
        ("%zz%2", "%zz%2", "%zz%2"),
        ("%ff%fe", "\u{FFFD}\u{FFFD}", "\u{FFFD}\u{FFFD}"),
        ("100%25", "100%", "100%"),
        ("%", "%", "%"),
    ])
    func urlUnescape(input: String, withPlus: String, withoutPlus: String) {
        #expect(SquallTemplate.urlUnescape(input) == withPlus)
        #expect(SquallTemplate.urlUnescape(input, plus: false) == withoutPlus)
    }

    @Test(arguments: [
        ("  a \t\n b  ", "a b"),
        ("\u{0}a\u{1}\u{2}b\u{1F}", "a b"),
        ("x", "x"),
        ("", ""),
        (" \u{3000}a\u{3000} ", "a"),
        ("a\u{A0}\u{A0}b", "a\u{A0}\u{A0}b"),
    ])
    func squeeze(input: String, expected: String) {
        #expect(SquallTemplate.squeeze(input) == expected)
    }

    @Test(arguments: [
        (TemplateValue.string("</script>"), "\"<\\/script>\""),
        (.string("你好🎉"), "\"\\u4f60\\u597d\\ud83c\\udf89\""),
        (.string("a\"b\\c\n\t\u{1}\u{7F}"), "\"a\\\"b\\\\c\\n\\t\\u0001\\u007f\""),
        (.double(1.5), "1.5"), (.int(12_345_678_901_234), "12345678901234"), (.double(1e16), "1e+16"), (.double(0.1), "0.1"),
        (.double(.infinity), "Infinity"), (.bool(true), "true"), (.none, "null"),
        (TemplateValue.list([1, "a", nil]), "[1, \"a\", null]"),
        (TemplateValue.dict(["k": [1, 2.0], "z": ["x": false]]), "{\"k\": [1, 2.0], \"z\": {\"x\": false}}"),
        (.tuple([1, 2]), "[1, 2]"),
        (TemplateValue.dict([1: "one", true: "t"]), "{\"1\": \"t\"}"),
    ])
    func jsonEncodeMatchesTornado(value: TemplateValue, expected: String) throws {
        #expect(try jsonEncode(value) == expected)
    }

    @Test func jsonEncodeRejectsFunctions() {
        let error = templateError { _ = try jsonEncode(.function(TemplateFunction("f") { _ in .none })) }
        #expect(error?.message == "Object of type function is not JSON serializable")
    }

    @Test(arguments: [
        ("{{ escape(x) }}|{{ xhtml_escape(x) }}", "&lt;&amp;&gt;|&lt;&amp;&gt;"),
        ("{{ xhtml_unescape('&lt;b&gt;') }}", "&lt;b&gt;"),
        ("{% raw xhtml_unescape('&lt;b&gt;') %}", "<b>"),
        ("{{ url_escape('a b/c') }} {{ url_escape('a b/c', plus=False) }}", "a+b%2Fc a%20b/c"),
        ("{{ url_unescape('a+b%2F') }} {{ url_unescape('a+b', plus=False) }}", "a b/ a+b"),
        ("{% raw json_encode({'a': [1, '</x>']}) %}", "{\"a\": [1, \"<\\/x>\"]}"),
        ("{{ squeeze('  a   b ') }}", "a b"),
        ("{{ linkify('see www.x.org') }}", "see <a href=\"http://www.x.org\">www.x.org</a>"),
        ("{% module linkify('<b> http://x.org') %}", "&lt;b&gt; <a href=\"http://x.org\">http://x.org</a>"),
    ])
    func templateNamespaceFunctions(source: String, expected: String) throws {
        #expect(try render(source, ["x": "<&>"]) == expected)
    }
}
