// Swift values entering templates: Encodable structs, collections, optionals,
// dates, SafeHTML, custom TemplateObjects, closures, and the precedence of
// render arguments over namespaces and built-ins.
import FoundationEssentials
import Testing
@testable import SquallTemplate

/// `k00`, `k01`, … — keys whose order is easy to predict.
private func keyName(_ number: Int) -> String {
    number < 10 ? "k0\(number)" : "k\(number)"
}

@Suite struct ValueTests {
    struct Author: Encodable {
        var name: String
        var karma: Int
    }

    enum Mood: String, Encodable {
        case happy, sad
    }

    struct Message: Encodable {
        var id: String
        var body: String
        var author: Author
        var tags: [String]
        var edited: Date?
        var sent: Date
        var mood: Mood
        var badge: SafeHTML
        var score: Double
        var link: URL
    }

    static let sent = Date(timeIntervalSince1970: 1_700_000_000.25)

    static let message = Message(id: "m1", body: "<hi>", author: Author(name: "Ann", karma: 3), tags: ["a", "b"], edited: nil,
                                 sent: sent, mood: .happy, badge: SafeHTML("<b>★</b>"), score: 4.5,
                                 link: URL(string: "https://example.com/x")!)

    @Test(arguments: [
        ("{{ m.id }}|{{ m['id'] }}", "m1|m1"),
        ("{{ m.body }}", "&lt;hi&gt;"),
        ("{{ m.author.name }} {{ m['author']['karma'] + 1 }}", "Ann 4"),
        ("{{ ', '.join(m.tags) }} {{ len(m.tags) }}", "a, b 2"),
        ("{{ m.edited is None }} {{ m.edited }}", "True None"),
        ("{{ m.sent }}|{{ m.sent.year }}-{{ m.sent.month }}|{{ m.sent.strftime('%a %d %b %Y %H:%M:%S.%f %j %p') }}",
         "2023-11-14 22:13:20.250000|2023-11|Tue 14 Nov 2023 22:13:20.250000 318 PM"),
        ("{{ m.sent.isoformat() }} {{ m.sent.weekday() }} {{ m.sent.timestamp() }}", "2023-11-14T22:13:20.250000+00:00 1 1700000000.25"),
        ("{{ m.mood }}", "happy"),
        ("{{ m.badge }}", "<b>★</b>"),
        ("{{ m.score * 2 }}", "9.0"),
        ("{{ m.link }}", "https://example.com/x"),
        ("{% for k in m %}{{ k }},{% end %}", "id,body,author,tags,edited,sent,mood,badge,score,link,"),
        ("{% raw json_encode(m.author) %}", "{\"name\": \"Ann\", \"karma\": 3}"),
    ])
    func encodableStructsReadLikePythonObjects(source: String, expected: String) throws {
        #expect(try render(source, ["m": Self.message]) == expected)
    }

    @Test func encoderConvertsDirectly() throws {
        let value = try TemplateValueEncoder().encode([Author(name: "A", karma: 1)])
        #expect(value == .list([.dict(["name": "A", "karma": 1])]))
        #expect(try TemplateValueEncoder().encode(["b": 2, "a": 1]) == .dict(["a": 1, "b": 2]))
    }

    @Test(arguments: [
        ("{{ i8 + i16 + i32 + i64 + u8 + u16 + u32 + u }}", "8"),
        ("{{ big }}", "1.8446744073709552e+19"),
        ("{{ fl }}", "0.5"),
        ("{{ opt }}|{{ none }}|{{ nested['k'][1] }}", "5|None|y"),
        ("{% for k, v in mixed.items() %}{{ k }}={{ v }};{% end %}", "a=1;b=x;c=[1, &#x27;z&#x27;];"),
        ("{{ intKeys[2] }} {{ list(intKeys.keys()) }}", "two [1, 2]"),
        ("{{ anyList[1] }}", "b"),
        ("{{ sub }}{{ ch }}", "subc"),
        ("{{ value }}", "[1, &#x27;a&#x27;]"),
    ])
    func swiftCollectionsAndScalars(source: String, expected: String) throws {
        let arguments: [String: Any] = [
            "i8": Int8(1), "i16": Int16(1), "i32": Int32(1), "i64": Int64(1), "u8": UInt8(1), "u16": UInt16(1), "u32": UInt32(1), "u": UInt(1),
            "big": UInt64.max, "fl": Float(0.5), "opt": Optional(5) as Any, "none": Optional<String>.none as Any,
            "nested": ["k": ["x", "y"]], "mixed": ["c": [1, "z"] as [Any], "a": 1, "b": "x"] as [String: Any],
            "intKeys": [2: "two", 1: "one"] as [AnyHashable: Any], "anyList": ["a", "b"] as [Any],
            "sub": "subst".prefix(3), "ch": Character("c"), "value": TemplateValue.list([1, "a"]),
        ]
        #expect(try render(source, arguments) == expected)
    }

    @Test func swiftDictionariesIterateInKeyOrder() throws {
        let small = ["b": "2", "a": "1", "c": "3"]
        let large = Dictionary(uniqueKeysWithValues: (0..<40).map { (keyName($0), $0) })
        #expect(try render("{% for k, v in d.items() %}{{ k }}{{ v }}{% end %}", ["d": small]) == "a1b2c3")
        #expect(try render("{{ ','.join(d) }}", ["d": large]) == (0..<40).map { keyName($0) }.sorted().joined(separator: ","))
        #expect(try render("{{ d['k07'] }} {{ len(d) }}", ["d": large]) == "7 40")
    }

    @Test func optionalOfUnsupportedTypeIsNone() throws {
        final class Opaque {}
        let missing: Opaque? = nil
        #expect(try render("{{ x }}", ["x": missing as Any]) == "None")
    }

    final class User: TemplateObject {
        let name: String
        init(name: String) { self.name = name }
        func templateMember(_ name: String) throws -> TemplateValue? {
            switch name {
            case "name": return .string(self.name)
            case "greet": return .function(TemplateFunction("greet") { [name = self.name] arguments in
                .string("hi \(arguments.positional.first?.description ?? "") from \(name)")
            })
            case "broken":
                struct Broken: Error {}
                throw Broken()
            default: return nil
            }
        }
        func templateSubscript(_ key: TemplateValue) throws -> TemplateValue? {
            key == "role" ? "admin" : nil
        }
        var templateIsTruthy: Bool { !name.isEmpty }
    }

    @Test(arguments: [
        ("{{ user.name }} {{ user['role'] }} {{ 'role' in user }}", "Ann admin True"),
        ("{{ user.greet('Bo') }}", "hi Bo from Ann"),
        ("{{ user }}", "&lt;User object&gt;"),
        ("{% if user %}yes{% end %}", "yes"),
    ])
    func templateObjectsResolveMembersOnDemand(source: String, expected: String) throws {
        #expect(try render(source, ["user": User(name: "Ann")]) == expected)
    }

    @Test func templateObjectErrorsAreReported() {
        let error = templateError { _ = try render("{{ user.broken }}", ["user": User(name: "A")]) }
        #expect(error?.message.contains("User.broken failed") == true)
        #expect(templateError { _ = try render("{{ user.nope }}", ["user": User(name: "A")]) }?.message == "'User' object has no attribute 'nope'")
    }

    @Test func closuresAsNamespaceFunctions() throws {
        var namespace = TemplateNamespace()
        namespace.define("static_url") { arguments in
            .string("/static/\(arguments.positional[0])?v=\(arguments[keyword: "version"]?.description ?? "1")")
        }
        namespace["shout"] = .function(TemplateFunction("shout", text: { $0.uppercased() }))
        namespace["current_user"] = "ann"
        let template = try Template(source: "{{ static_url('app.css') }} {{ static_url('a.js', version=2) }} {{ shout(current_user) }}")
        #expect(try template.render(namespace: namespace) == "/static/app.css?v=1 /static/a.js?v=2 ANN")
    }

    @Test func namesResolveArgumentsThenRenderNamespaceThenLoaderThenBuiltins() throws {
        var global = TemplateNamespace(["site": "global", "who": "global", "len": "shadowed"])
        global.define("helper") { _ in "loader helper" }
        let loader = TemplateLoader(templates: ["p.txt": "{{ site }} {{ who }} {{ what }} {{ len }} {{ helper() }} {{ str(1) }}"],
                                    options: TemplateOptions(namespace: global))
        let output = try loader.render("p.txt", ["what": "argument", "who": "argument"],
                                       namespace: TemplateNamespace(["who": "render", "what": "render"]))
        #expect(output == "global argument argument shadowed loader helper 1")
    }

    @Test func dictionaryValueType() {
        var dictionary: TemplateDictionary = ["b": 1, "a": 2]
        dictionary["c"] = 3
        dictionary["b"] = nil
        #expect(dictionary.keys == ["a", "c"])
        #expect(dictionary["a"] == 2)
        #expect(dictionary[TemplateValue.int(1)] == nil)
        var large = TemplateDictionary()
        for number in 0..<20 { large[.int(number)] = .int(number * number) }
        large[.int(3)] = nil
        #expect(large.count == 19)
        #expect(large[.int(19)] == 361)
        #expect(large[.double(4.0)] == 16)
        #expect(large == TemplateDictionary(large.reversed().map { ($0.key, $0.value) }))
    }

    @Test(arguments: [
        (TemplateValue.int(1), TemplateValue.double(1.0), true), (.bool(true), .int(1), true), (.string("a"), .safe(SafeHTML("a")), true),
        (.list([1]), .tuple([1]), false), (.none, .bool(false), false), (.double(.nan), .double(.nan), false),
    ])
    func equalityFollowsPython(lhs: TemplateValue, rhs: TemplateValue, equal: Bool) {
        #expect((lhs == rhs) == equal)
        if equal { #expect(lhs.hashValue == rhs.hashValue) }
    }

    @Test func reprAndTypeNames() {
        let value: TemplateValue = ["k": [1, 2.5, nil, true, "it's", .tuple([1])]]
        #expect(value.description == "{'k': [1, 2.5, None, True, \"it's\", (1,)]}")
        #expect(TemplateValue.string("a\n\u{1}").repr == "'a\\n\\x01'")
        #expect(TemplateValue.date(Self.sent).repr == "datetime.datetime(2023, 11, 14, 22, 13, 20, 250000)")
        #expect([TemplateValue.none, 1, 1.5, "s", [1], [:]].map(\.typeName) == ["NoneType", "int", "float", "str", "list", "dict"])
    }

    @Test func extremeDatesDoNotTrap() throws {
        #expect(try render("{{ d }}", ["d": Date(timeIntervalSince1970: 1e300)]) == "9999-12-31 23:59:59")
        #expect(try render("{{ d }}", ["d": Date(timeIntervalSince1970: .nan)]) == "1970-01-01 00:00:00")
        #expect(try render("{{ d.year }}", ["d": Date(timeIntervalSince1970: -1e300)]) == "1")
    }
}
