// The non-generic core of Router: compiled patterns laid out for fast dispatch. Keeping it
// free of the payload type means the per-request path is specialised code everywhere.

import Foundation

/// Captured path arguments of a match, already percent-decoded.
@usableFromInline
struct MatchedArguments: Sendable {
    @usableFromInline let index: Int
    @usableFromInline let args: [String?]
    @usableFromInline let kwargs: [String: String]
}

/// A regex route as the hot loop needs it, in one reference-counted box.
final class RegexRoute: Sendable {
    let index: Int
    let compiled: CompiledRegex
    let groupNames: [String?]
    let usesNamedGroups: Bool

    init(index: Int, compiled: CompiledRegex, pattern: RoutePattern) {
        self.index = index
        self.compiled = compiled
        self.groupNames = pattern.groupNames
        self.usesNamedGroups = pattern.usesNamedGroups
    }
}

/// The outcome of scanning the regex routes.
private enum Found {
    /// A byte-matched route with its arguments already decoded.
    case decoded(RegexRoute, [String?])
    /// An engine-matched route; groups still to extract.
    case engine(RegexRoute, NSTextCheckingResult)
    /// A byte-matched route whose argument (these raw bytes) is not UTF-8 once decoded.
    case invalid([UInt8])
}

/// Compiled patterns plus the lookup structures built from them.
@usableFromInline
struct RouteTable: Sendable {
    let patterns: [RoutePattern]
    /// Literal path → index of the first literal route with that path.
    private let literalRoutes: [PathKey: Int]
    /// The non-literal routes in ascending index order.
    private let regexRoutes: [RegexRoute]

    /// Compiles `sources` in order.
    /// - Throws: `RouteError` from `RoutePattern.init`.
    init(_ sources: [String]) throws(RouteError) {
        var patterns: [RoutePattern] = []
        var literalRoutes: [PathKey: Int] = [:]
        var regexRoutes: [RegexRoute] = []
        for (index, source) in sources.enumerated() {
            let pattern = try RoutePattern(source)
            patterns.append(pattern)
            switch pattern.matcher {
            case .literal(let path):
                if literalRoutes[PathKey(path)] == nil { literalRoutes[PathKey(path)] = index }
            case .regex(let compiled):
                regexRoutes.append(RegexRoute(index: index, compiled: compiled, pattern: pattern))
            }
        }
        self.patterns = patterns
        self.literalRoutes = literalRoutes
        self.regexRoutes = regexRoutes
    }

    /// The first route matching all of `path`. `patternEvaluations` counts non-literal
    /// routes tried; `engineEvaluations` counts those run by the regex engine (the rest
    /// used `BytePattern`).
    /// - Throws: `RouteError.invalidPathArgument` for an argument that is not UTF-8.
    @usableFromInline
    func match(_ path: String, patternEvaluations: inout Int, engineEvaluations: inout Int)
        throws(RouteError) -> MatchedArguments? {
        let literalHit = literalRoutes[PathKey(path)]
        // Earlier routes win: regex routes after a literal hit cannot take precedence.
        let found = firstRegexMatch(path, before: literalHit ?? Int.max,
                                    patternEvaluations: &patternEvaluations, engineEvaluations: &engineEvaluations)
        switch found {
        case .decoded(let route, let values): return arguments(of: route, values)
        case .engine(let route, let result): return try arguments(of: route, engineResult: result, in: path)
        case .invalid(let raw): throw PathArgument.invalid(raw)
        case nil: return literalHit.map { MatchedArguments(index: $0, args: [], kwargs: [:]) }
        }
    }

    /// Tries the regex routes with index below `limit` whose prefix fits, in order.
    private func firstRegexMatch(_ path: String, before limit: Int,
                                 patternEvaluations: inout Int, engineEvaluations: inout Int) -> Found? {
        var contiguous = path
        return contiguous.withUTF8 { bytes in
            var isASCII: Bool?
            for route in regexRoutes {
                if route.index > limit { break }
                guard bytes.starts(with: route.compiled.prefix) else { continue }
                patternEvaluations += 1
                if isASCII == nil { isASCII = bytes.allSatisfy { $0 < 0x80 } }
                // On ASCII input bytes are code points, so the byte matcher agrees with Python.
                if isASCII == true, let bytePattern = route.compiled.bytePattern {
                    var steps = 0
                    guard let ranges = bytePattern.match(bytes, steps: &steps) else { continue }
                    return Self.decode(ranges, of: bytes, for: route)
                }
                engineEvaluations += 1
                let range = NSRange(location: 0, length: path.utf16.count)
                if let result = route.compiled.regex.firstMatch(in: path, options: [.anchored], range: range) {
                    return .engine(route, result)
                }
            }
            return nil
        }
    }

    private static func decode(_ ranges: [Range<Int>?], of bytes: UnsafeBufferPointer<UInt8>, for route: RegexRoute) -> Found {
        var values: [String?] = []
        values.reserveCapacity(ranges.count)
        for range in ranges {
            guard let range else { values.append(nil); continue }
            guard let value = PathArgument.decode(bytes[range]) else { return .invalid(Array(bytes[range])) }
            values.append(value)
        }
        return .decoded(route, values)
    }

    private func arguments(of route: RegexRoute, engineResult result: NSTextCheckingResult, in path: String)
        throws(RouteError) -> MatchedArguments {
        var values: [String?] = []
        for group in route.groupNames.indices {
            guard let range = Range(result.range(at: group + 1), in: path) else { values.append(nil); continue }
            guard let value = PathArgument.decode(path.utf8[range]) else { throw PathArgument.invalid(path.utf8[range]) }
            values.append(value)
        }
        return arguments(of: route, values)
    }

    /// Sorts decoded group values into positional or keyword arguments (Tornado passes one
    /// kind only: keywords when the groups are named).
    private func arguments(of route: RegexRoute, _ values: [String?]) -> MatchedArguments {
        guard route.usesNamedGroups else {
            return MatchedArguments(index: route.index, args: values, kwargs: [:])
        }
        var kwargs = [String: String](minimumCapacity: values.count)
        for (name, value) in zip(route.groupNames, values) {
            if let name, let value { kwargs[name] = value }
        }
        return MatchedArguments(index: route.index, args: [], kwargs: kwargs)
    }
}

/// A dictionary key comparing paths by exact UTF-8 bytes, as Python compares code points
/// (Swift's `String ==` would also equate canonically equivalent spellings).
struct PathKey: Hashable, Sendable {
    let path: String

    init(_ path: String) {
        self.path = path
    }

    static func == (lhs: PathKey, rhs: PathKey) -> Bool {
        // Length and String's == are cheap filters; the byte check then rules out canonically
        // equivalent but differently encoded paths.
        guard lhs.path.utf8.count == rhs.path.utf8.count, lhs.path == rhs.path else { return false }
        var (left, right) = (lhs.path, rhs.path)
        return left.withUTF8 { a in
            right.withUTF8 { b in a.count == b.count && (a.isEmpty || memcmp(a.baseAddress!, b.baseAddress!, a.count) == 0) }
        }
    }

    func hash(into hasher: inout Hasher) {
        var path = path
        path.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
    }
}
