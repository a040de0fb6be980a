// Tests for Router: Tornado's first-match, whole-path semantics; literal routes that never
// touch the regex engine; positional and keyword arguments with percent-decoding; reverse;
// and a clear error for every kind of bad pattern.

import Foundation
import Testing
@testable import SquallWeb

private func router(_ patterns: String...) throws -> Router<Int> {
    try Router(patterns.enumerated().map { Route($1, $0) })
}

/// Matches `path`, reporting how many non-literal routes were tried and how many of those
/// ran the regex engine rather than the byte matcher.
private func traced(_ routes: Router<Int>, _ path: String) throws -> (match: RouteMatch<Int>?, patterns: Int, engine: Int) {
    var patterns = 0, engine = 0
    let match = try routes.match(path, patternEvaluations: &patterns, engineEvaluations: &engine)
    return (match, patterns, engine)
}

private func reason(_ pattern: String) -> String? {
    do {
        _ = try Router([Route(pattern, 0)])
        return nil
    } catch {
        return error.message
    }
}

@Suite struct RouterTests {
    @Test func literalRoutesAreClassifiedAndNeverRunARegex() throws {
        let routes = try router("/", "/about", #"/static\.css"#, #"/a\-b\/c"#, #"^/anchored$"#, "/(.*)", #"/a(\d+)"#)
        #expect(routes.kind(ofRouteAt: 0) == .literal("/"))
        #expect(routes.kind(ofRouteAt: 2) == .literal("/static.css"))
        #expect(routes.kind(ofRouteAt: 3) == .literal("/a-b/c"))
        #expect(routes.kind(ofRouteAt: 4) == .literal("/anchored"))
        #expect(routes.kind(ofRouteAt: 5) == .pattern(prefix: "/"))
        for (path, index) in [("/", 0), ("/about", 1), ("/static.css", 2), ("/a-b/c", 3), ("/anchored", 4)] {
            let result = try traced(routes, path)
            #expect(result.match?.index == index && result.match?.pathArgs == [] && result.match?.pathKwargs == [:])
            #expect(result.patterns == 0 && result.engine == 0, "\(path) must be decided without a pattern")
        }
        let fallback = try traced(routes, "/static.cs")
        #expect(fallback.match?.index == 5 && fallback.patterns == 1)
    }

    @Test func literalPrefixesGuardRegexRoutes() throws {
        let routes = try router(#"/user/([0-9]+)"#, #"/files?/(.*)"#, "/a|/b", #"^/x/(\d+)$"#, "(?i)/abc/(x)",
                                "/a(b|c)", #"/v\.1/(\w+)"#, "/q{2}(x)")
        #expect(routes.kind(ofRouteAt: 0) == .pattern(prefix: "/user/"))
        #expect(routes.kind(ofRouteAt: 1) == .pattern(prefix: "/file"))
        #expect(routes.kind(ofRouteAt: 2) == .pattern(prefix: ""))
        #expect(routes.kind(ofRouteAt: 3) == .pattern(prefix: "/x/"))
        #expect(routes.kind(ofRouteAt: 4) == .pattern(prefix: ""))
        #expect(routes.kind(ofRouteAt: 5) == .pattern(prefix: "/a"))
        #expect(routes.kind(ofRouteAt: 6) == .pattern(prefix: "/v.1/"))
        #expect(routes.kind(ofRouteAt: 7) == .pattern(prefix: "/"))
        let miss = try traced(routes, "/zzz")
        #expect(miss.match == nil)
        #expect(miss.patterns == 3, "only routes 2 and 4 (no prefix) and 7 (prefix \"/\") may run")
        #expect(try routes.match("/ABC/x")?.index == 4)
        #expect(try routes.match("/qqx")?.index == 7)
    }

    @Test func patternsMatchTheWholePath() throws {
        let routes = try router(#"/user/([0-9]+)"#, "/a|/b")
        #expect(try routes.match("/user/12")?.pathArgs == ["12"])
        #expect(try routes.match("/user/12/extra") == nil)
        #expect(try routes.match("x/user/12") == nil)
        #expect(try routes.match("/user/12\n") == nil)
        // Tornado would let "/a|/b$" match "/abc" through the unanchored first branch.
        #expect(try routes.match("/abc") == nil)
        #expect(try routes.match("/a")?.index == 1 && routes.match("/b")?.index == 1)
    }

    @Test func firstMatchingRouteWinsAcrossLiteralAndRegexRoutes() throws {
        let regexFirst = try traced(router("/item/(.*)", "/item/special"), "/item/special")
        #expect(regexFirst.match?.index == 0 && regexFirst.match?.pathArgs == ["special"] && regexFirst.patterns == 1)

        let literalFirst = try router("/item/special", "/item/(.*)", "/other/(.*)")
        let decided = try traced(literalFirst, "/item/special")
        #expect(decided.match?.index == 0 && decided.patterns == 0)
        #expect(try literalFirst.match("/item/other")?.index == 1)

        let duplicates = try router("/same", "/same")
        #expect(try duplicates.match("/same")?.index == 0)
        #expect(try router().match("/") == nil)
    }

    @Test func positionalArgumentsArePercentDecodedButNotPlusDecoded() throws {
        let routes = try router("/files/(.*)", #"/pair/(\w+)/(\w+)"#)
        #expect(try routes.match("/files/a%20b%2Fc+d")?.pathArgs == ["a b/c+d"])
        #expect(try routes.match("/files/caf%C3%A9")?.pathArgs == ["café"])
        #expect(try routes.match("/files/caf%c3%a9")?.pathArgs == ["café"])
        #expect(try routes.match("/files/%zz%4%")?.pathArgs == ["%zz%4%"])
        #expect(try routes.match("/files/")?.pathArgs == [""])
        let pair = try routes.match("/pair/x/y")
        #expect(pair?.index == 1 && pair?.pathArgs == ["x", "y"] && pair?.pathKwargs == [:])
    }

    @Test func invalidUTF8InAnArgumentIsAnError() throws {
        let routes = try router("/files/(.*)")
        let error = #expect(throws: RouteError.self) { try routes.match("/files/%FF%FE") }
        #expect(error?.code == .invalidPathArgument)
        #expect(error?.message.contains("%FF%FE") == true)
    }

    @Test func namedGroupsGiveKeywordArgumentsOnly() throws {
        let routes = try router(#"/user/(?P<user_id>\d+)/(?P<tab>[a-z]+)?"#, #"/swift/(?<id>\d+)"#,
                                #"/twice/(?P<a>x+)-(?P=a)"#)
        let match = try routes.match("/user/42/posts")
        #expect(match?.pathArgs == [] && match?.pathKwargs == ["user_id": "42", "tab": "posts"])
        #expect(try routes.match("/user/42/")?.pathKwargs == ["user_id": "42"])
        #expect(try routes.match("/swift/7")?.pathKwargs == ["id": "7"])
        #expect(try routes.match("/twice/xx-xx")?.pathKwargs == ["a": "xx"])
        #expect(try routes.match("/twice/xx-x") == nil)
    }

    @Test func unmatchedOptionalGroupIsNil() throws {
        let routes = try router(#"/page(/(\d+))?"#)
        #expect(try routes.match("/page")?.pathArgs == [nil, nil])
        #expect(try routes.match("/page/3")?.pathArgs == ["/3", "3"])
    }

    @Test func pythonSyntaxDifferencesAreTranslated() throws {
        let routes = try router(#"/set/[[]x"#, #"/first/[]a]"#, #"/amp/[a&b]"#, #"/end/a\Z"#, "/range/x{,2}",
                                "/brace/a{b}", "/any/(.)", #"/hex/\x41"#, "/comment(?#ignored)/x", #"/neg/[^/]+"#)
        #expect(try routes.match("/set/[x")?.index == 0)
        #expect(try routes.match("/first/]")?.index == 1)
        #expect(try routes.match("/amp/&")?.index == 2)
        #expect(try routes.match("/end/a")?.index == 3)
        #expect(try routes.match("/range/")?.index == 4 && routes.match("/range/xx")?.index == 4)
        #expect(try routes.match("/range/xxx") == nil)
        #expect(routes.kind(ofRouteAt: 5) == .literal("/brace/a{b}"))
        #expect(try routes.match("/any/😀")?.pathArgs == ["😀"])
        #expect(try routes.match("/any/e\u{301}") == nil)
        #expect(try routes.match("/hex/A")?.index == 7)
        #expect(try routes.match("/comment/x")?.index == 8)
        #expect(try routes.match("/neg/a/b") == nil)
    }

    @Test func literalComparisonIsByExactBytes() throws {
        let routes = try router("/caf\u{E9}")
        #expect(try routes.match("/caf\u{E9}")?.index == 0)
        #expect(try routes.match("/cafe\u{301}") == nil)
    }

    @Test func reverseRebuildsAndEscapes() throws {
        let routes = try Router([
            Route(#"/user/([0-9]+)/posts/([a-z-]+)"#, 0, name: "post"),
            Route(#"^/static/(.*)\.css$"#, 1, name: "css"),
            Route("/about", 2, name: "about"),
            Route(#"/user/(?P<id>\d+)"#, 3, name: "user"),
            Route(#"/paren\(x\)/(\d+)"#, 4, name: "paren"),
        ])
        #expect(try routes.reverse("post", 12, "hello world") == "/user/12/posts/hello%20world")
        #expect(try routes.reverse("css", arguments: ["a/b c+d&é"]) == "/static/a/b%20c%2Bd%26%C3%A9.css")
        #expect(try routes.reverse("about") == "/about")
        #expect(try routes.reverse("user", 5) == "/user/5")
        #expect(try routes.reverse("paren", 1) == "/paren(x)/1")
        #expect(try routes.reverse("css", "~_.-") == "/static/~_.-.css")
    }

    @Test func reverseErrors() throws {
        let routes = try Router([
            Route(#"/a/(\d+)?"#, 0, name: "optional"),
            Route(#"/b/(?:x|y)/(\d+)"#, 1, name: "noncapturing"),
            Route("/c.*", 2, name: "wild"),
            Route(#"/d/((\d+))"#, 3, name: "nested"),
            Route(#"/e/(\d+)"#, 4, name: "one"),
        ])
        for name in ["optional", "noncapturing", "wild", "nested"] {
            let error = #expect(throws: RouteError.self) { try routes.reverse(name, 1) }
            #expect(error?.code == .notReversible && error?.name == name)
            #expect(error?.message.hasPrefix("Cannot reverse route '\(name)'") == true)
        }
        let count = #expect(throws: RouteError.self) { try routes.reverse("one", 1, 2) }
        #expect(count?.code == .wrongArgumentCount)
        #expect(count?.message == #"Route 'one' (/e/(\d+)) needs 1 argument(s), got 2"#)
        let unknown = #expect(throws: RouteError.self) { try routes.reverse("nope") }
        #expect(unknown?.code == .unknownName && unknown?.message == "No route named 'nope'")
    }

    @Test func duplicateRouteNamesAreRejected() {
        let error = #expect(throws: RouteError.self) {
            try Router([Route("/a", 0, name: "x"), Route("/b", 1, name: "x")])
        }
        #expect(error?.code == .duplicateName && error?.message == "Route name 'x' is used by both '/a' and '/b'")
    }

    @Test(arguments: [
        ("/(abc", "missing ')': unterminated group"),
        ("/abc)", "unbalanced parenthesis at position 4"),
        ("/[a-", "unterminated character set at position 1"),
        (#"/\q"#, #"bad escape \q at position 1"#),
        (#"/\x4"#, #"incomplete escape \x4 at position 1"#),
        ("/a\\", "pattern ends with a backslash"),
        ("(?P<1a>x)", "bad group name '1a' at position 0"),
        ("(?P<a>x)(?P<a>y)", "redefinition of group name 'a' at position 8"),
        ("(?P=nope)", "unknown group name 'nope' at position 0"),
        ("(?P<a", "missing '>' in group name at position 0"),
        ("(?x)/a b", "verbose mode (?x) is not supported in URL patterns"),
        ("(?Q)", "unknown extension (?Q at position 0"),
        ("(?#open", "missing ')' after comment at position 0"),
        ("(?", "missing ')': unterminated group"),
    ])
    func malformedPatternsExplainThemselves(pattern: String, why: String) {
        #expect(reason(pattern) == "Invalid URL pattern '\(pattern)': \(why)")
    }

    @Test func patternsTheEngineRejectsStillGetAReason() throws {
        for pattern in ["/a{2,1}", "*a", "/(?(1)a|b)"] {
            let message = try #require(reason(pattern))
            #expect(message.hasPrefix("Invalid URL pattern '\(pattern)': "))
            #expect(message.count > "Invalid URL pattern '\(pattern)': ".count + 5)
        }
    }

    @Test func mixedGroupsAreRejected() {
        let error = #expect(throws: RouteError.self) { try router(#"/(?P<id>\d+)/(\w+)"#) }
        #expect(error?.code == .mixedGroups && error?.pattern == #"/(?P<id>\d+)/(\w+)"#)
    }

    @Test func routersAreSharedAcrossTasks() async throws {
        let routes = try router("/", #"/n/(\d+)"#)
        let total = await withTaskGroup(of: Int.self) { group in
            for task in 0..<8 {
                group.addTask {
                    (0..<200).reduce(0) { sum, i in
                        sum + ((try? routes.match("/n/\(task * 1000 + i)"))??.pathArgs == ["\(task * 1000 + i)"] ? 1 : 0)
                    }
                }
            }
            return await group.reduce(0, +)
        }
        #expect(total == 1600)
    }

    @Test func percentEscapingMatchesPythonQuote() {
        #expect(PathArgument.escape("a b/c?d#e%f") == "a%20b/c%3Fd%23e%25f")
        #expect(PathArgument.escape("AZaz09_.-~/") == "AZaz09_.-~/")
        #expect(PathArgument.escape("😀") == "%F0%9F%98%80")
    }
}

/// The byte matcher must agree with the regex engine wherever it is used.
@Suite struct BytePatternTests {
    private static let simplePatterns = [
        #"/user/([0-9]+)"#, #"/files?/(.*)"#, #"/a/(.*?)/(.*)"#, #"/(\w+)-(\d*)"#, #"/x(/\d+)?"#, #"/p(\d+)??(\d*)"#,
        #"/([a-z-]+)/([^/]+)\.json"#, "/(.+)(.+)", "/(.*)(.*)", "/a{2,3}(a*)", "/(a{0,2}?)(a*)", #"/(\s*)(.)"#,
        "/([^/]*)/?", #"/(\D+)(\W*)"#, "/[]a-]+(x?)", #"/(\.)"#, #"^/(?P<id>\d+)$"#, "/(x*)(x+?)x{1,}", "/.-(..)",
        "/(a?)(a?)(a?)aaa", "/[^a-z1]*(.?)", "/[+-[](.)",
    ]
    private static let complexPatterns = [
        "/(?:a)", "/(a|b)", "/((a))", "/(a)+", "/(?i)a(.)", "/(?P<a>x)(?P=a)", #"/\bx"#, "/a$b", "/(?=a)(.)",
        "/é(.)", #"/\x41(.)"#, "/[é](.)", "/a*+", #"/x\Z"#, "/[[]",
    ]

    private static func paths() -> [String] {
        var paths = [""]
        for _ in 0..<5 { paths += paths.flatMap { prefix in ["a", "1", "/", "-", "x", "."].map { prefix + $0 } } }
        return Set(paths).map { "/" + $0 } + ["/user/42", "/files/a/b", "/file/", "/p12", "/ab-cd/e.json", "/   x", "/aaaaa"]
    }

    @Test func simplePatternsCompileToByteMatchersAndComplexOnesDoNot() throws {
        for source in Self.simplePatterns {
            guard case .regex(let compiled) = try RoutePattern(source).matcher else { Issue.record("\(source)"); continue }
            #expect(compiled.bytePattern != nil, "\(source)")
        }
        for source in Self.complexPatterns {
            guard case .regex(let compiled) = try RoutePattern(source).matcher else { Issue.record("\(source)"); continue }
            #expect(compiled.bytePattern == nil, "\(source)")
        }
    }

    @Test func byteMatcherAgreesWithTheRegexEngine() throws {
        let paths = Self.paths()
        var compared = 0
        for source in Self.simplePatterns {
            guard case .regex(let compiled) = try RoutePattern(source).matcher,
                  let bytePattern = compiled.bytePattern else { continue }
            for path in paths {
                var steps = 0
                let fast = Array(path.utf8).withUnsafeBufferPointer { bytePattern.match($0, steps: &steps) }
                let full = NSRange(location: 0, length: path.utf16.count)
                let slow = compiled.regex.firstMatch(in: path, options: [.anchored], range: full).map { result in
                    (1...bytePattern.groupCount).map { group -> Range<Int>? in
                        let range = result.range(at: group)
                        return range.location == NSNotFound ? nil : range.location..<(range.location + range.length)
                    }
                }
                #expect(fast == slow, "\(source) on \(path)")
                compared += 1
            }
        }
        #expect(compared > 100_000)
    }

    @Test func simpleRoutesSkipTheEngineOnASCIIPathsOnly() throws {
        let routes = try router(#"/user/([0-9]+)"#, "/name/(.*)", "/(?:x|y)/(.*)")
        let ascii = try traced(routes, "/name/caf%C3%A9")
        #expect(ascii.match?.pathArgs == ["café"] && ascii.patterns == 1 && ascii.engine == 0)
        let unicode = try traced(routes, "/name/café")
        #expect(unicode.match?.pathArgs == ["café"] && unicode.engine == 1)
        let complex = try traced(routes, "/x/1")
        #expect(complex.match?.index == 2 && complex.engine == 1)
    }

    @Test func pathologicalPatternsStayPolynomial() throws {
        guard case .regex(let compiled) = try RoutePattern("/(.*)(.*)(.*)(.*)(.*)(.*)x").matcher,
              let bytePattern = compiled.bytePattern else { Issue.record("expected a byte pattern"); return }
        let path = "/" + String(repeating: "a", count: 1000)
        var steps = 0
        #expect(Array(path.utf8).withUnsafeBufferPointer { bytePattern.match($0, steps: &steps) } == nil)
        // Memoised search costs about groups × n² / 2 steps; naive backtracking needs ~n^6 / 720.
        #expect(steps < 5_000_000)

        guard case .regex(let nested) = try RoutePattern("/(.*)(.*)a(.*)(.*)ab").matcher,
              let worst = nested.bytePattern else { Issue.record("expected a byte pattern"); return }
        steps = 0
        #expect(Array(path.utf8).withUnsafeBufferPointer { worst.match($0, steps: &steps) } == nil)
        #expect(steps < 20_000_000)
    }

    @Test func byteSetParsing() {
        let slashless = ByteSet.parse(characterClass: "[^/]")
        #expect(slashless?.contains(UInt8(ascii: "a")) == true && slashless?.contains(UInt8(ascii: "/")) == false)
        #expect(slashless?.contains(0x80) == false)
        let ranged = ByteSet.parse(characterClass: #"[a-c\d_\-]"#)
        #expect("abc09_-".utf8.allSatisfy { ranged?.contains($0) == true })
        #expect(ranged?.contains(UInt8(ascii: "d")) == false)
        #expect(ByteSet.parse(characterClass: "[]]")?.onlyMember == UInt8(ascii: "]"))
        #expect(ByteSet.parse(characterClass: "[a-]")?.contains(UInt8(ascii: "-")) == true)
        for unsupported in ["[é]", "[z-a]", #"[a-\]]"#, "[[]", #"[\x41]"#] {
            #expect(ByteSet.parse(characterClass: unsupported) == nil, "\(unsupported)")
        }
    }
}
