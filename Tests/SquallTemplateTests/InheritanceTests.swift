// Template inheritance, includes and the Template UI module, checked against
// Tornado 6.6.1 (each expected string was produced by Tornado's DictLoader
// from the same templates with name="Ann", html="<b>").
import Testing
@testable import SquallTemplate

@Suite struct InheritanceTests {
    static let cases: [(String, [String: String], String, String)] = [
        ("threeLevels", ["base.txt": "<title>{% block title %}Base{% end %}</title>[{% block body %}base body{% block inner %}inner{% end %}{% end %}]", "layout.txt": "{% extends \"base.txt\" %}ignored text{% block body %}layout({% block content %}default{% end %}){% block inner %}x{% end %}{% end %}", "page.txt": "{% extends 'layout.txt' %}{% block title %}Page {{ name }}{% end %}{% block content %}page content {{ name }}{% end %}"], "page.txt", "<title>Page Ann</title>[layout(page content Ann)x]"),
        ("blocksOnlyInMiddle", ["base.txt": "A{% block a %}base-a{% end %}B{% block b %}base-b{% end %}", "mid.txt": "{% extends 'base.txt' %}{% block a %}mid-a{% end %}", "leaf.txt": "{% extends 'mid.txt' %}{% block b %}leaf-b{% end %}"], "leaf.txt", "Amid-aBleaf-b"),
        ("includeInsideBlock", ["base.txt": "<{% block content %}{% end %}>", "page.txt": "{% extends 'base.txt' %}{% block content %}{% set who = name %}{% include 'partial.txt' %}after={{ shared }}{% end %}", "partial.txt": "hello {{ who }}{% set shared = 'from partial' %};"], "page.txt", "<hello Ann;after=from partial>"),
        ("relativePaths", ["base.txt": "root[{% block main %}{% end %}]", "sub/page.txt": "{% extends '../base.txt' %}{% block main %}{% include 'part.txt' %}{% end %}", "sub/part.txt": "sub part {% include '../top.txt' %}", "top.txt": "top"], "sub/page.txt", "root[sub part top]"),
        ("blockInIncludedFileOverridden", ["base.txt": "{% include 'header.txt' %}|{% block body %}body{% end %}", "header.txt": "H:{% block header %}default header{% end %}", "page.txt": "{% extends 'base.txt' %}{% block header %}custom header{% end %}"], "page.txt", "H:custom header|body"),
        ("autoescapePerFile", ["base.txt": "{% autoescape None %}{{ html }}|{% block b %}{{ html }}{% end %}", "page.txt": "{% extends 'base.txt' %}{% block b %}{{ html }}{% end %}"], "page.txt", "<b>|&lt;b&gt;"),
        ("loopOverBlock", ["base.txt": "{% for i in range(3) %}{% block item %}{{ i }}{% end %}{% end %}", "page.txt": "{% extends 'base.txt' %}{% block item %}<{{ i * 10 }}>{% end %}"], "page.txt", "<0><10><20>"),
        ("moduleTemplate", ["page.txt": "{% for i in [1, 2] %}{% module Template('row.txt', value=i, label=name) %}{% end %}", "row.txt": "({{ label }}:{{ value }}{% if value == 1 %}{% module Template('sub/cell.txt', v=value) %}{% end %})", "sub/cell.txt": "[{{ v }}]"], "page.txt", "(Ann:1[1])(Ann:2)"),
    ]

    @Test(arguments: cases)
    func matchesTornado(label: String, templates: [String: String], name: String, expected: String) throws {
        let loader = TemplateLoader(templates: templates)
        #expect(try loader.render(name, ["name": "Ann", "html": "<b>"]) == expected, "\(label)")
    }

    @Test func moduleTemplateSeesTheRenderNamespaceButNotTheCallersVariables() throws {
        let loader = TemplateLoader(templates: ["page.txt": "{% set local = 1 %}{% module Template('row.txt', x=2) %}",
                                                "row.txt": "{{ x }}{{ user }}{% try %}{{ local }}{% except %}-{% end %}"])
        #expect(try loader.render("page.txt", namespace: TemplateNamespace(["user": "U"])) == "2U-")
    }

    @Test func includeCycleIsAnError() {
        let loader = TemplateLoader(templates: ["a.txt": "a{% include 'b.txt' %}", "b.txt": "\nb{% include 'a.txt' %}"])
        let error = templateError { _ = try loader.render("a.txt") }
        #expect(error?.templateName == "b.txt")
        #expect(error?.line == 2)
        #expect(error?.message.contains("a.txt → b.txt → a.txt") == true)
    }

    @Test func extendsCycleIsAnError() {
        let loader = TemplateLoader(templates: ["a.txt": "{% extends 'b.txt' %}", "b.txt": "{% extends 'a.txt' %}"])
        #expect(templateError { _ = try loader.render("a.txt") }?.message.contains("cycle") == true)
    }

    @Test func nestedRedefinitionsUseTheInnermostDefinition() throws {
        let loader = TemplateLoader(templates: [
            "base.txt": "{% block x %}bx{% end %}|{% block y %}by{% end %}",
            "page.txt": "{% extends 'base.txt' %}{% block y %}py[{% block x %}px[{% block y %}inner{% end %}]{% end %}]{% end %}",
        ])
        #expect(try loader.render("page.txt") == "px[inner]|inner")
    }

    @Test func recursiveTemplateModuleStopsAtTheDepthLimit() {
        let loader = TemplateLoader(templates: ["r.txt": "{% module Template('r.txt') %}"])
        let error = templateError { _ = try loader.render("r.txt") }
        #expect(error?.message.contains("nested more than") == true)
        #expect(error?.templateName == "r.txt")
    }

    @Test func includeAndExtendsNeedALoader() {
        #expect(templateError { _ = try Template(source: "{% include 'x.html' %}") }?.message.contains("needs a template loader") == true)
        #expect(templateError { _ = try Template(source: "{% extends 'x.html' %}") }?.message.contains("needs a template loader") == true)
        #expect(templateError { _ = try Template(source: "{% module Template('x.html') %}").render() }?.message.contains("needs a template loader") == true)
    }

    @Test func missingIncludeNamesTheIncludingTemplate() {
        let loader = TemplateLoader(templates: ["page.txt": "line1\n  {% include 'missing.txt' %}"])
        let error = templateError { _ = try loader.render("page.txt") }
        #expect(error?.kind == .notFound)
        #expect(error?.templateName == "page.txt")
        #expect(error?.line == 2)
        #expect(error?.column == 3)
        #expect(error?.message.contains("missing.txt") == true)
    }

    @Test func userModulesFromLoaderAndRender() throws {
        var global = TemplateNamespace()
        global.defineModule("Entry") { arguments in .safe(SafeHTML("<entry>\(arguments.positional[0])</entry>")) }
        let loader = TemplateLoader(templates: ["p.txt": "{% module Entry(x) %}{% module Badge() %}"],
                                    options: TemplateOptions(namespace: global))
        var perRender = TemplateNamespace()
        perRender.defineModule("Badge") { _ in .string("<badge/>") }
        #expect(try loader.render("p.txt", ["x": 5], namespace: perRender) == "<entry>5</entry><badge/>")
        #expect(templateError { _ = try loader.render("p.txt", ["x": 5]) }?.message == "unknown UI module 'Badge'")
    }
}
