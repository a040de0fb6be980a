// Unicode text (CJK, emoji, combining marks) through every stage, and
// robustness: randomly assembled templates must compile or fail with a
// TemplateError, and render or fail with a TemplateError — never crash.
import Testing
@testable import SquallTemplate

@Suite struct UnicodeTests {
    @Test(arguments: [
        ("你好，{{ name }}！🎉", "你好，世界&lt;&gt;！🎉"),
        ("{{ len('🎉你好') }} {{ '你好'[1] }} {{ '🎉ab'[1:] }} {{ 'éa'.upper() }}", "3 好 ab ÉA"),
        ("{% set 名前 = '値' %}{{ 名前 }}", "値"),
        ("{% for c in '日本' %}[{{ c }}]{% end %}", "[日][本]"),
        ("{{ url_escape('日本') }} {{ json_encode('日本') }}", "%E6%97%A5%E6%9C%AC &quot;\\u65e5\\u672c&quot;"),
        ("{{ '{:^5}'.format('日本') }}|{{ '%-4s' % '🎉' }}|", " 日本  |🎉   |"),
        ("{{ 'e\u{301}' }} {{ len('e\u{301}') }}", "e\u{301} 2"),
        ("{{ '😀😀'.replace('😀', '🎉', 1) }} {{ '😀,😀'.split(',') }}", "🎉😀 [&#x27;😀&#x27;, &#x27;😀&#x27;]"),
    ])
    func unicodeFlowsThrough(source: String, expected: String) throws {
        #expect(try render(source, ["name": "世界<>"]) == expected)
    }

    @Test func unicodeWhitespaceInHTMLTemplates() throws {
        #expect(try render("a\u{3000}\u{3000}b \n\u{3000} c", name: "t.html") == "a\u{3000}\u{3000}b\nc")
        #expect(try render("{% whitespace oneline %}a\u{3000}\u{A0} b", name: "t.html") == "a b")
    }
}

@Suite struct RobustnessTests {
    static let fragments = [
        "{{", "}}", "{%", "%}", "{#", "#}", "!", " if ", " for x in ", " end ", " else ", " elif ", " while ", " try ", " except ",
        " finally ", " set ", " = ", " block b ", " include 'a.html' ", " extends 'a.html' ", " raw ", " module ", " apply ",
        " comment ", " break ", " continue ", " whitespace ", "(", ")", "[", "]", "{", "}", "'", "\"", "1", "2.5", "+", "-", "*",
        "**", "//", "%", "x", "y", ".", ",", ":", "not", " and ", " or ", " in ", " is ", "None", "\n", " ", "你", "🎉", "\\",
        "len(x)", "range(3)", "'%s' % x", "x[0]", "x.y", "f(x=1)", "[i for i in x]", "<b>", "&", "linkify(x)", "Template('a.html')",
    ]

    /// A deterministic pseudo-random generator (SplitMix64), so failures reproduce.
    struct Generator: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    @Test func randomTemplatesNeverCrash() {
        var generator = Generator(state: 42)
        let arguments: [String: Any] = ["x": [1, 2, 3], "y": "<y>", "f": TemplateFunction("f") { _ in .none }]
        var compiled = 0
        for _ in 0..<3000 {
            let count = Int.random(in: 1...24, using: &generator)
            let source = (0..<count).map { _ in Self.fragments.randomElement(using: &generator)! }.joined()
            let loader = TemplateLoader(templates: ["t.html": source, "a.html": "[{{ x }}]"])
            do {
                _ = try loader.render("t.html", arguments)
                compiled += 1
            } catch {
                #expect(!error.message.isEmpty, "\(source.debugDescription)")
            }
        }
        #expect(compiled > 0)
    }

    @Test func randomBytesNeverCrashTheParser() {
        var generator = Generator(state: 7)
        let alphabet = Array("{}%#!()[]'\"\\ifendforx=+-*/.,:\n 0123456789".utf8) + [0xC3, 0xA9, 0xF0, 0x9F]
        for _ in 0..<2000 {
            let bytes = (0..<Int.random(in: 0...40, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! }
            let source = String(decoding: bytes, as: UTF8.self)
            _ = try? Template(source: source).render(["x": 1])
        }
    }
}
