// Path-to-route dispatch for Application (Tornado's `_ApplicationRouter` over `URLSpec`s):
// the first route, in order, whose pattern matches the whole path wins. Literal routes are
// found with one hash lookup; regex routes run only when their literal prefix fits and no
// earlier literal route already decided the match.


/// An immutable, thread-safe table of routes compiled once at construction.
public struct Router<Payload: Sendable>: Sendable {
    /// The routes, in priority order.
    public let routes: [Route<Payload>]
    @usableFromInline let table: RouteTable
    private let namedRoutes: [String: Int]

    /// Compiles every pattern.
    /// - Throws: `RouteError` `.invalidPattern` or `.mixedGroups` naming the bad pattern,
    ///   or `.duplicateName` when two routes share a name.
    public init(_ routes: [Route<Payload>]) throws(RouteError) {
        var namedRoutes: [String: Int] = [:]
        for (index, route) in routes.enumerated() {
            guard let name = route.name else { continue }
            if let earlier = namedRoutes[name] {
                throw RouteError(code: .duplicateName, pattern: route.pattern, name: name,
                                 message: "Route name '\(name)' is used by both '\(routes[earlier].pattern)' "
                                     + "and '\(route.pattern)'")
            }
            namedRoutes[name] = index
        }
        self.routes = routes
        self.table = try RouteTable(routes.map(\.pattern))
        self.namedRoutes = namedRoutes
    }

    /// How route `index` is matched (literal lookup or prefix-guarded regex).
    /// - Precondition: `index` is a valid index into `routes`.
    public func kind(ofRouteAt index: Int) -> RouteKind {
        switch table.patterns[index].matcher {
        case .literal(let path): .literal(path)
        case .regex(let compiled): .pattern(prefix: String(decoding: compiled.prefix, as: UTF8.self))
        }
    }

    /// The first route matching the whole of `path` (the raw, percent-encoded path without
    /// the query string), with its arguments percent-decoded; nil when none matches.
    /// - Throws: `RouteError.invalidPathArgument` when a captured argument is not UTF-8
    ///   after decoding (Tornado answers 400 for this).
    @inlinable
    public func match(_ path: String) throws(RouteError) -> RouteMatch<Payload>? {
        var patternEvaluations = 0, engineEvaluations = 0
        return try match(path, patternEvaluations: &patternEvaluations, engineEvaluations: &engineEvaluations)
    }

    /// `match(_:)`, counting non-literal routes tried and how many of those ran the regex
    /// engine (for tests). Inlinable so other modules get a copy specialised for `Payload`.
    @inlinable
    func match(_ path: String, patternEvaluations: inout Int, engineEvaluations: inout Int)
        throws(RouteError) -> RouteMatch<Payload>? {
        guard let found = try table.match(path, patternEvaluations: &patternEvaluations,
                                          engineEvaluations: &engineEvaluations) else { return nil }
        return RouteMatch(index: found.index, payload: routes[found.index].payload,
                          pathArgs: found.args, pathKwargs: found.kwargs)
    }

    /// Rebuilds the path of the route named `name` (Tornado's `reverse_url`), substituting
    /// `arguments` for its groups in order, each percent-escaped except `/`.
    /// - Throws: `RouteError` `.unknownName`, `.notReversible` (pattern too complex), or
    ///   `.wrongArgumentCount`.
    public func reverse(_ name: String, arguments: [String]) throws(RouteError) -> String {
        guard let index = namedRoutes[name] else {
            throw RouteError(code: .unknownName, pattern: nil, name: name, message: "No route named '\(name)'")
        }
        let pattern = table.patterns[index]
        guard let template = pattern.reverseTemplate else {
            throw RouteError(code: .notReversible, pattern: pattern.source, name: name,
                             message: "Cannot reverse route '\(name)': pattern '\(pattern.source)' is too complex "
                                 + "(only literal text and simple groups can be rebuilt)")
        }
        guard arguments.count == template.argumentCount else {
            throw RouteError(code: .wrongArgumentCount, pattern: pattern.source, name: name,
                             message: "Route '\(name)' (\(pattern.source)) needs \(template.argumentCount) "
                                 + "argument(s), got \(arguments.count)")
        }
        return template.build(arguments)
    }

    /// `reverse(_:arguments:)` with arguments converted by their `description`.
    public func reverse(_ name: String, _ arguments: any CustomStringConvertible...) throws(RouteError) -> String {
        try reverse(name, arguments: arguments.map(\.description))
    }
}
