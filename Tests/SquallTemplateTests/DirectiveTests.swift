// Directives: each case was rendered by Tornado 6.6.1 with the same
// variables (as `t.txt`, whitespace "all", or `t.html`, whitespace "single")
// and Squall must produce the same text.
import Testing
@testable import SquallTemplate

@Suite struct DirectiveTests {
    static let variables: [String: any Sendable] = [
        "items": ["a", "<b>", "c"], "n": 3, "d": ["x": 1, "y": 2], "pairs": [TemplateValue.tuple([1, "one"]), .tuple([2, "two"])],
        "name": "Ann", "html": "<b>&</b>", "none": TemplateValue.none, "matrix": [[1, 2], [3, 4]],
    ]

    static func renderFile(_ source: String, as name: String) throws -> String {
        var namespace = TemplateNamespace()
        namespace.define("upper") { arguments in .string((arguments.positional.first?.description ?? "").uppercased()) }
        let loader = TemplateLoader(templates: [name: source, "item.html": "<li>{{ item }}</li>"],
                                    options: TemplateOptions(namespace: namespace))
        return try loader.render(name, variables)
    }

    static let textCases: [(String, String)] = [
        ("{% if n > 2 %}big{% elif n > 1 %}mid{% else %}small{% end %}", "big"),
        ("{% if n > 5 %}big{% elif n > 1 %}mid{% else %}small{% end %}", "mid"),
        ("{% if n > 5 %}big{% elif n > 4 %}mid{% else %}small{% end %}", "small"),
        ("{% if none %}x{% end %}[{% if not none %}y{% end %}]", "[y]"),
        ("{% for i in items %}[{{ i }}]{% end %}", "[a][&lt;b&gt;][c]"),
        ("{% for k, v in d.items() %}{{ k }}={{ v }};{% end %}", "x=1;y=2;"),
        ("{% for (i, s) in pairs %}{{ i }}:{{ s }} {% end %}", "1:one 2:two "),
        ("{% for i, (a, b) in enumerate(matrix) %}{{ i }}-{{ a }}{{ b }} {% end %}", "0-12 1-34 "),
        ("{% for i in range(10) %}{% if i == 2 %}{% continue %}{% end %}{% if i == 5 %}{% break %}{% end %}{{ i }}{% end %}", "0134"),
        ("{% for i in [] %}x{% else %}empty{% end %}", "empty"),
        ("{% for i in [1] %}x{% else %}else{% end %}", "xelse"),
        ("{% for i in [1, 2] %}{% break %}{% else %}else{% end %}done", "done"),
        ("{% set i = 0 %}{% while i < 3 %}{{ i }}{% set i += 1 %}{% end %}", "012"),
        ("{% set i = 0 %}{% while True %}{% set i = i + 1 %}{% if i > 3 %}{% break %}{% end %}{% end %}{{ i }}", "4"),
        ("{% set x = 5 %}{% set x *= 2 %}{{ x }}", "10"),
        ("{% set a, b = 1, 2 %}{{ a }}{{ b }}", "12"),
        ("{% set x = [1, 2] %}{{ len(x) }}", "2"),
        ("{% for i in items %}{% set last = i %}{% end %}{{ last }}", "c"),
        ("{% try %}{{ 1 / 0 }}{% except %}caught{% end %}", "caught"),
        ("{% try %}ok{% except %}caught{% else %} else{% finally %} finally{% end %}", "ok else finally"),
        ("{% try %}{{ 1 / 0 }}{% except %}caught{% finally %} finally{% end %}", "caught finally"),
        ("{% try %}{{ d['zz'] }}{% except KeyError %}missing{% end %}", "missing"),
        ("{% apply upper %}hello {{ name }}{% end %}", "HELLO ANN"),
        ("{% raw html %}|{{ html }}", "<b>&</b>|&lt;b&gt;&amp;&lt;/b&gt;"),
        ("{% autoescape None %}{{ html }}", "<b>&</b>"),
        ("a{# comment #}b{% comment this is ignored %}c", "abc"),
        ("{{! name }} {%! if %} {#! x #}", "{{ name }} {% if %} {# x #}"),
        ("{{{ name }}}", "{Ann}"),
        ("{ {{ name }} }", "{ Ann }"),
        ("{% module Template('item.html', item=name) %}", "<li>Ann</li>"),
        ("  a  \n\n   b\t\tc  ", "  a  \n\n   b\t\tc  "),
        ("{% whitespace oneline %}  a  \n\n   b  ", " a b "),
        ("{% whitespace single %}  a  \n\n   b\t\tc  ", " a\nb c "),
        ("{% whitespace single %}<pre>  a  \n\n   b</pre>  ", "<pre>  a  \n\n   b</pre>  "),
        ("{% for x in items %}\n  <li>{{ x }}</li>\n{% end %}\n", "\n  <li>a</li>\n\n  <li>&lt;b&gt;</li>\n\n  <li>c</li>\n\n"),
        ("{{ n }}{% if n %}{% for i in range(n) %}{% if i % 2 %}o{% else %}e{% end %}{% end %}{% end %}", "3eoe"),
        ("{% set html = '<i>' %}{{ html }}", "&lt;i&gt;"),
        ("{{ 'a' }}{{ 5 }}{{ 2.5 }}{{ None }}{{ True }}{{ [1] }}", "a52.5NoneTrue[1]"),
        ("{% for c in 'héllo' %}{{ c }}.{% end %}", "h.é.l.l.o."),
    ]

    @Test(arguments: textCases)
    func matchesTornado(source: String, expected: String) throws {
        #expect(try Self.renderFile(source, as: "t.txt") == expected)
    }

    static let htmlCases: [(String, String)] = [
        ("  a  \n\n   b\t\tc  ", " a\nb c "),
        ("{% for x in items %}\n  <li>{{ x }}</li>\n{% end %}\n", "\n<li>a</li>\n\n<li>&lt;b&gt;</li>\n\n<li>c</li>\n\n"),
        ("a \u{3000} b\n \u{A0} c", "a \u{3000} b\nc"),
    ]

    @Test(arguments: htmlCases)
    func htmlFilesDefaultToSingleWhitespace(source: String, expected: String) throws {
        #expect(try Self.renderFile(source, as: "t.html") == expected)
        #expect(try Self.renderFile(source, as: "t.js") == expected)
    }

    @Test func loaderWhitespaceOptionOverridesTheExtensionDefault() throws {
        let loader = TemplateLoader(templates: ["a.html": "a  \n  b"], options: TemplateOptions(whitespace: .all))
        #expect(try loader.render("a.html") == "a  \n  b")
        let oneline = TemplateLoader(templates: ["a.txt": "a  \n  b"], options: TemplateOptions(whitespace: .oneline))
        #expect(try oneline.render("a.txt") == "a b")
    }

    @Test func breakAndContinueInsideTryAndNestedLoops() throws {
        let source = "{% for i in range(3) %}{% for j in range(3) %}{% try %}{% if j == 1 %}{% continue %}{% end %}"
            + "{% if j == 2 %}{% break %}{% end %}{{ i }}{{ j }} {% finally %}.{% end %}{% end %}{% end %}"
        #expect(try render(source) == "00 ...10 ...20 ...")
    }

    @Test func exceptBindsTheErrorMessage() throws {
        #expect(try render("{% try %}{{ nope }}{% except NameError as e %}{{ e }}{% end %}") == "name &#x27;nope&#x27; is not defined")
    }

    @Test func errorsInExceptAndElsePropagateAfterFinally() throws {
        let error = templateError { _ = try render("{% try %}x{% except %}y{% else %}{{ 1 // 0 }}{% finally %}z{% end %}") }
        #expect(error?.message == "division by zero")
        let handlerError = templateError { _ = try render("{% try %}{{ a }}{% except %}{{ b }}{% end %}") }
        #expect(handlerError?.message == "name 'b' is not defined")
    }

    @Test func applyWithAnyNamespaceFunction() throws {
        #expect(try render("{% apply squeeze %}  a \n  b  {% end %}") == "a b")
        #expect(try render("{% apply linkify %}see www.x.org{% end %}") == "see <a href=\"http://www.x.org\">www.x.org</a>")
    }

    @Test func customAutoescapeFunction() throws {
        var namespace = TemplateNamespace()
        namespace.define("shout") { arguments in .string(arguments.positional[0].description.uppercased() + "!") }
        let template = try Template(source: "{% autoescape shout %}{{ word }} {% raw word %} {{ safe }}",
                                    options: TemplateOptions(namespace: namespace))
        #expect(try template.render(["word": "hi", "safe": SafeHTML("<b>")]) == "HI! hi <b>")
    }

    @Test func autoescapeOptionNoneDisablesEscaping() throws {
        #expect(try render("{{ x }}", ["x": "<b>"], options: TemplateOptions(autoescape: nil)) == "<b>")
    }

    @Test func safeHTMLIsNotEscapedAgain() throws {
        #expect(try render("{{ x }}|{{ escape(x) }}|{{ escape(y) }}", ["x": SafeHTML("<i>ok</i>"), "y": "<i>"]) == "<i>ok</i>|<i>ok</i>|&lt;i&gt;")
    }
}
