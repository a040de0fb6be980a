// Error reporting: syntax errors name the template, line, column and what
// was expected; runtime errors name the template and line (and column of
// the failing expression). Nothing here may crash.
import Testing
@testable import SquallTemplate

@Suite struct ErrorTests {
    static let syntaxCases: [(String, Int, Int, String)] = [
        ("{{ }}", 1, 1, "empty expression {{ }}"),
        ("ok {{ x", 1, 4, "missing '}}' to close the expression"),
        ("{% if x", 1, 1, "missing '%}' to close the directive"),
        ("{# note", 1, 1, "missing '#}' to close the comment"),
        ("{% %}", 1, 1, "empty directive {% %}"),
        ("a\n  {% if x %}b", 2, 3, "missing {% end %} for this {% if %} block"),
        ("a\n{% end %}", 2, 1, "{% end %} without an open block"),
        ("{% foo %}", 1, 1, "unknown directive 'foo'"),
        ("{% else %}", 1, 1, "{% else %} outside of a block"),
        ("{% for x in y %}{% elif z %}{% end %}", 1, 17, "{% elif %} cannot be attached to a {% for %} block"),
        ("{% if x %}{% else %}{% else %}{% end %}", 1, 21, "{% else %} after {% else %}"),
        ("{% if x %}{% else %}{% elif y %}{% end %}", 1, 21, "{% elif %} after {% else %}"),
        ("{{ (1 + }}", 1, 8, "expected an expression but found end of expression"),
        ("{{ a b }}", 1, 6, "expected end of expression but found 'b'"),
        ("{{ f(1, }}", 1, 8, "expected an expression but found end of expression"),
        ("line1\n  {{ x[1 }}", 2, 9, "expected ']' to close the subscript but found end of expression"),
        ("{% for in xs %}{% end %}", 1, 8, "expected a variable name but found 'in'"),
        ("{% for x xs %}{% end %}", 1, 10, "expected 'in' after the loop variables but found 'xs'"),
        ("{% set x %}", 1, 9, "expected '=' after the variable name but found end of expression"),
        ("{% set 1 = 2 %}", 1, 8, "expected a variable name but found '1'"),
        ("{% set a, b += 1 %}", 1, 13, "augmented assignment needs a single variable"),
        ("{{ 'abc }}", 1, 4, "unterminated string literal"),
        ("{{ 99999999999999999999 }}", 1, 4, "integer literal '99999999999999999999' is too large"),
        ("{{ f'x' }}", 1, 4, "f-strings are not supported"),
        ("{{ x $ y }}", 1, 6, "unexpected character \"$\" in expression"),
        ("{{ '\\u12' }}", 1, 5, "invalid \\u escape in string literal"),
        ("{% import os %}", 1, 1, "Python imports are not supported"),
        ("{% whitespace bogus %}", 1, 1, "invalid whitespace mode 'bogus'"),
        ("{% break %}", 1, 1, "{% break %} outside of a {% for %} or {% while %} loop"),
        ("{% for x in y %}{% apply f %}{% continue %}{% end %}{% end %}", 1, 30, "{% continue %} outside of a {% for %}"),
        ("{% module foo %}", 1, 11, "{% module %} expects a call like Name(arguments)"),
        ("{% if x %}{% extends 'a' %}{% end %}", 1, 11, "{% extends %} must be at the top level"),
        ("{{ '%q' % 1 }}", 1, 4, "invalid format string: unsupported format character 'q'"),
        ("{{ '{' .format(1) }}", 1, 4, "invalid format string: single '{' encountered"),
        ("{% try %}x{% end %}", 1, 1, "{% try %} needs an {% except %} or {% finally %}"),
        ("{% try %}{% finally %}{% except %}{% end %}", 1, 23, "{% except %} is out of order"),
        ("{% try %}{% else %}{% end %}", 1, 10, "{% else %} in a {% try %} block needs an {% except %}"),
        ("{{ lambda: 1 }}", 1, 4, "lambda expressions are not supported"),
        ("{{ [x for x in y for z in w] }}", 1, 18, "nested 'for' clauses"),
        ("{% if %}{% end %}", 1, 1, "{% if %} needs a condition"),
        ("{% block %}{% end %}", 1, 1, "{% block %} needs a block name"),
        ("{% include %}", 1, 1, "{% include %} needs a template name"),
        ("{% autoescape 1 %}", 1, 15, "{% autoescape %} takes a function name or None"),
        ("{% else if x %}", 1, 1, "{% else %} outside of a block"),
        ("{% if x %}{% else x %}{% end %}", 1, 19, "unexpected text after {% else %}"),
        ("你好 {{ ) }}", 1, 7, "expected an expression but found ')'"),
        ("🎉\n🎉🎉{{ a.( }}", 2, 8, "expected an attribute name after '.' but found '('"),
        ("{{ " + String(repeating: "(", count: 150) + "1" + String(repeating: ")", count: 150) + " }}", 1, 54,
         "expression nested too deeply"),
        (String(repeating: "{% if x %}", count: 150), 1, 1001, "blocks nested too deeply"),
        ("{{ 2" + String(repeating: " ** 2", count: 150) + " }}", 1, 501, "expression nested too deeply"),
        ("{{ x" + String(repeating: " + x", count: 150) + " }}", 1, 404, "expression nested too deeply"),
        ("{{ x" + String(repeating: ".y", count: 150) + " }}", 1, 203, "expression nested too deeply"),
    ]

    @Test(arguments: syntaxCases)
    func syntaxErrorsNamePositionAndExpectation(source: String, line: Int, column: Int, message: String) {
        let error = templateError { _ = try Template(source: source, name: "page.html") }
        #expect(error?.kind == .syntax)
        #expect(error?.templateName == "page.html")
        #expect(error?.line == line)
        #expect(error?.column == column)
        #expect(error?.message.contains(message) == true, "\(error?.message ?? "no error")")
        #expect(error?.description == "page.html:\(line):\(column): syntax error: \(error?.message ?? "")")
    }

    static let runtimeCases: [(String, Int, Int, String)] = [
        ("{{ missing }}", 1, 4, "name 'missing' is not defined"),
        ("a\n\n  {{ 1 // 0 }}", 3, 6, "division by zero"),
        ("{{ d.nope }}", 1, 5, "'dict' object has no attribute 'nope'"),
        ("{{ len(1) }}", 1, 7, "object of type 'int' has no len()"),
        ("{{ 'a' + 1 }}", 1, 4, "unsupported operand type(s) for +: 'str' and 'int'"),
        ("{{ xs[5] }}", 1, 6, "list index out of range"),
        ("{{ xs['a'] }}", 1, 6, "list indices must be integers or slices, not str"),
        ("{{ d['k'] }}", 1, 5, "KeyError: 'k'"),
        ("{{ 5() }}", 1, 5, "'int' object is not callable"),
        ("{{ 'a' < 1 }}", 1, 4, "'<' not supported between instances of 'str' and 'int'"),
        ("{% for a, b in xs %}{% end %}", 1, 8, "cannot unpack non-iterable int object"),
        ("{% for a, b in [[1, 2, 3]] %}{% end %}", 1, 8, "too many values to unpack (expected 2)"),
        ("{% for x in 5 %}{% end %}", 1, 13, "'int' object is not iterable"),
        ("{{ 9223372036854775807 + 1 }}", 1, 4, "integer overflow"),
        ("{{ -(-9223372036854775807 - 1) }}", 1, 4, "integer overflow"),
        ("{{ 2 ** 64 }}", 1, 4, "integer overflow"),
        ("{{ 'x' * 100000000 }}", 1, 4, "repetition result too large"),
        ("{{ range(100000000000) }}", 1, 9, "too large for a template"),
        ("{{ xs[::0] }}", 1, 6, "slice step cannot be zero"),
        ("{{ int('x') }}", 1, 7, "invalid literal for int() with base 10: 'x'"),
        ("{{ len(1, 2) }}", 1, 7, "len() takes at most 1 argument (2 given)"),
        ("{{ len(o=1) }}", 1, 7, "len() got an unexpected keyword argument 'o'"),
        ("{{ fail() }}", 1, 8, "fail() failed: boom"),
        ("{{ '%d' % 'x' }}", 1, 4, "%d format: an integer is required, not str"),
        ("{{ '%s %s' % (1,) }}", 1, 4, "not enough arguments for format string"),
        ("{{ '%s' % (1, 2) }}", 1, 4, "not all arguments converted during string formatting"),
        ("{{ '{} {1}'.format(1, 2) }}", 1, 19, "cannot switch from automatic field numbering to manual"),
        ("{{ ', '.join([1]) }}", 1, 13, "sequence item 0: expected str instance, int found"),
        ("{{ sorted([1, 'a']) }}", 1, 10, "'<' not supported between instances of 'str' and 'int'"),
        ("{{ x.upper }}", 1, 5, "'int' object has no attribute 'upper'"),
        ("{% autoescape nope %}{{ 1 }}", 1, 25, "name 'nope' is not defined"),
        ("{% apply nope %}x{% end %}", 1, 10, "name 'nope' is not defined"),
        ("{{ f(*1) }}", 1, 7, "'int' object is not iterable"),
        ("{{ f(**1) }}", 1, 8, "argument after ** must be a mapping, not int"),
        ("{{ 'ab'.center(10 ** 9) }}", 1, 15, "width too large"),
        ("{{ ('x' * 1000).replace('', 'y' * 100000) }}", 1, 24, "replace() result too large"),
        ("{{ '%1001d' % 1 }}", 1, 4, "width too large"),
    ]

    @Test(arguments: runtimeCases)
    func runtimeErrorsNameTemplateAndLine(source: String, line: Int, column: Int, message: String) throws {
        var namespace = TemplateNamespace()
        namespace.define("fail") { _ in
            struct Boom: Error, CustomStringConvertible { var description: String { "boom" } }
            throw Boom()
        }
        namespace.define("f") { _ in .none }
        let template = try Template(source: source, name: "t.html", options: TemplateOptions(namespace: namespace))
        let error = templateError { _ = try template.render(["d": ["a": 1], "xs": [1, 2], "x": 1]) }
        #expect(error?.kind == .runtime)
        #expect(error?.templateName == "t.html")
        #expect(error?.line == line)
        #expect(error?.column == column)
        #expect(error?.message.contains(message) == true, "\(error?.message ?? "no error")")
    }

    @Test func errorsInIncludedTemplatesNameThatTemplate() {
        let loader = TemplateLoader(templates: ["page.html": "<p>\n{% include 'part.html' %}", "part.html": "ok\n\n{{ nope }}"])
        let error = templateError { _ = try loader.render("page.html") }
        #expect(error?.description == "part.html:3:4: runtime error: name 'nope' is not defined")
    }

    @Test func errorsInOverriddenBlocksNameTheChildTemplate() {
        let loader = TemplateLoader(templates: ["base.html": "{% block b %}{% end %}", "child.html": "{% extends 'base.html' %}\n{% block b %}{{ 1 / 0 }}{% end %}"])
        let error = templateError { _ = try loader.render("child.html") }
        #expect(error?.templateName == "child.html")
        #expect(error?.line == 2)
    }

    @Test func unsupportedArgumentTypesAreReported() {
        final class Opaque {}
        let error = templateError { _ = try render("{{ x }}", ["x": Opaque()]) }
        #expect(error?.message.contains("argument 'x': cannot use a value of type Opaque in a template") == true)
    }

    @Test func functionsCanThrowCleanTemplateErrors() throws {
        var namespace = TemplateNamespace()
        namespace.define("check") { _ in throw TemplateError(runtime: "check failed") }
        let error = templateError { _ = try Template(source: "\n{{ check() }}", options: TemplateOptions(namespace: namespace)).render() }
        #expect(error?.description == "<string>:2:9: runtime error: check failed")
    }
}
