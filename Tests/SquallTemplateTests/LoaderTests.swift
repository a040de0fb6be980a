// The directory loader: caching, autoReload, refusal of names that leave the
// root (.., absolute paths, symlinks), read and decoding errors, and
// concurrent use.
import Dispatch
import FoundationEssentials
import Glibc
import Synchronization
import Testing
@testable import SquallTemplate

/// A fresh temporary directory, removed when the test ends.
final class TemporaryDirectory {
    let path: String

    init() throws {
        var template = Array("/tmp/squall-template-XXXXXX".utf8CString)
        guard let created = mkdtemp(&template) else { throw TemplateError(runtime: "mkdtemp failed") }
        path = String(cString: created)
    }

    deinit {
        try? FileManager.default.removeItem(atPath: path)
    }

    func write(_ name: String, _ text: String) throws {
        try write(name, bytes: Array(text.utf8))
    }

    func write(_ name: String, bytes: [UInt8]) throws {
        let url = URL(fileURLWithPath: path + "/" + name)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(bytes).write(to: url)
    }
}

@Suite struct LoaderTests {
    @Test func loadsRendersAndCaches() throws {
        let directory = try TemporaryDirectory()
        try directory.write("base.html", "<h1>{% block title %}{% end %}</h1>")
        try directory.write("pages/home.html", "{% extends '../base.html' %}{% block title %}Hi {{ name }}{% end %}")
        let loader = try TemplateLoader(directory: directory.path)
        #expect(try loader.render("pages/home.html", ["name": "<Ann>"]) == "<h1>Hi &lt;Ann&gt;</h1>")
        #expect(try loader.template(named: "pages/home.html").program === loader.template(named: "./pages//home.html").program)
        try directory.write("pages/home.html", "changed")
        #expect(try loader.render("pages/home.html", ["name": "x"]) == "<h1>Hi x</h1>")
        loader.reset()
        #expect(try loader.render("pages/home.html") == "changed")
    }

    @Test func autoReloadRecompilesChangedFilesAndDependencies() throws {
        let directory = try TemporaryDirectory()
        try directory.write("base.html", "[{% block b %}{% end %}]")
        try directory.write("page.html", "{% extends 'base.html' %}{% block b %}v1 {{ x }}{% end %}")
        let loader = try TemplateLoader(directory: directory.path, options: TemplateOptions(autoReload: true))
        #expect(try loader.render("page.html", ["x": 1]) == "[v1 1]")
        let first = try loader.template(named: "page.html").program
        #expect(try loader.template(named: "page.html").program === first)
        try directory.write("page.html", "{% extends 'base.html' %}{% block b %}version 2 {{ x }}{% end %}")
        #expect(try loader.render("page.html", ["x": 1]) == "[version 2 1]")
        try directory.write("base.html", "({% block b %}{% end %})")
        #expect(try loader.render("page.html", ["x": 2]) == "(version 2 2)")
        try directory.write("page.html", "{% if %}")
        #expect(templateError { _ = try loader.render("page.html") }?.kind == .syntax)
        try directory.write("page.html", "fixed")
        #expect(try loader.render("page.html") == "fixed")
    }

    @Test(arguments: [
        ("../secret.txt", "'..' would leave the template root"),
        ("a/../../secret.txt", "'..' would leave the template root"),
        ("/etc/passwd", "absolute paths are not allowed"),
        ("", "the name is empty"),
        ("a\u{0}b", "NUL byte"),
        (".", "does not denote a file"),
    ])
    func refusesNamesOutsideTheRoot(name: String, reason: String) throws {
        let directory = try TemporaryDirectory()
        let loader = try TemplateLoader(directory: directory.path + "/")
        let error = templateError { _ = try loader.render(name) }
        #expect(error?.kind == .invalidName)
        #expect(error?.message.contains(reason) == true, "\(error?.message ?? "")")
    }

    @Test func refusesIncludesThatLeaveTheRoot() throws {
        let directory = try TemporaryDirectory()
        try directory.write("root/page.html", "x\n{% include '../../outside.html' %}")
        try directory.write("outside.html", "secret")
        let loader = try TemplateLoader(directory: directory.path + "/root")
        let error = templateError { _ = try loader.render("page.html") }
        #expect(error?.kind == .invalidName)
        #expect(error?.templateName == "page.html")
        #expect(error?.line == 2)
    }

    @Test func refusesSymlinksThatEscapeButFollowsInternalOnes() throws {
        let directory = try TemporaryDirectory()
        try directory.write("outside.html", "secret")
        try directory.write("root/inside.html", "inside")
        #expect(symlink(directory.path + "/outside.html", directory.path + "/root/escape.html") == 0)
        #expect(symlink("inside.html", directory.path + "/root/alias.html") == 0)
        let loader = try TemplateLoader(directory: directory.path + "/root")
        let error = templateError { _ = try loader.render("escape.html") }
        #expect(error?.kind == .invalidName)
        #expect(error?.message.contains("outside the template root") == true)
        #expect(try loader.render("alias.html") == "inside")
    }

    @Test func reportsMissingUnreadableAndUndecodableFiles() throws {
        let directory = try TemporaryDirectory()
        try directory.write("dir/x.html", "x")
        try directory.write("bad.html", bytes: [0x61, 0x0A, 0xFF, 0x62])
        try directory.write("bom.html", bytes: [0xEF, 0xBB, 0xBF] + Array("bom {{ 1 }}".utf8))
        let loader = try TemplateLoader(directory: directory.path)
        #expect(templateError { _ = try loader.render("missing.html") }?.kind == .notFound)
        #expect(templateError { _ = try loader.render("dir") }?.message.contains("not a regular file") == true)
        let decoding = templateError { _ = try loader.render("bad.html") }
        #expect(decoding?.kind == .io)
        #expect(decoding?.message == "template is not valid UTF-8 (at byte 2)")
        #expect(try loader.render("bom.html") == "bom 1")
        #expect(templateError { _ = try TemplateLoader(directory: directory.path + "/nope") }?.kind == .io)
    }

    @Test func dictionaryLoaderNormalizesNames() throws {
        let loader = TemplateLoader(templates: ["./a/b.html": "b {% include '../c.html' %}", "c.html": "c"])
        #expect(try loader.render("a/b.html") == "b c")
        #expect(templateError { _ = try loader.render("nope.html") }?.message == "no template named 'nope.html' in the template dictionary")
    }

    @Test func concurrentRendersShareOneCompiledTemplate() throws {
        let directory = try TemporaryDirectory()
        try directory.write("t.html", "{% for i in range(n) %}{{ i }},{% end %}")
        let loader = try TemplateLoader(directory: directory.path, options: TemplateOptions(autoReload: true))
        let outputs = Mutex<[String]>([])
        DispatchQueue.concurrentPerform(iterations: 64) { index in
            let output = (try? loader.render("t.html", ["n": index % 4])) ?? "error"
            outputs.withLock { $0.append(output) }
        }
        let expected = ["", "0,", "0,1,", "0,1,2,"]
        #expect(outputs.withLock { $0 }.allSatisfy { expected.contains($0) })
        #expect(outputs.withLock { $0.count } == 64)
    }

    @Test func renderIntoReusesTheCallersBuffer() throws {
        let template = try Template(source: "{{ x }};")
        var buffer: [UInt8] = Array("start:".utf8)
        try template.render(into: &buffer, ["x": 1])
        try template.render(into: &buffer, ["x": 2])
        #expect(String(decoding: buffer, as: UTF8.self) == "start:1;2;")
        #expect(try template.renderBytes(["x": "é"]) == Array("é;".utf8))
    }
}
