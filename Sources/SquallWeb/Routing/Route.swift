// A routing rule as Tornado's `URLSpec`: a URL pattern, what it leads to, and an optional
// name for `reverse`. Also the result of a successful match.

/// One rule: a Python-syntax regular expression matched against the whole request path,
/// the payload to dispatch to (a handler factory, an index…), and an optional name.
public struct Route<Payload: Sendable>: Sendable {
    /// The URL pattern, e.g. `#"/user/(?P<id>[0-9]+)"#`. Matched against the raw
    /// (still percent-encoded) path, anchored at both ends.
    public let pattern: String
    /// What the route leads to.
    public let payload: Payload
    /// Name used by `Router.reverse`; unique within a router when set.
    public let name: String?

    /// Creates a rule.
    public init(_ pattern: String, _ payload: Payload, name: String? = nil) {
        self.pattern = pattern
        self.payload = payload
        self.name = name
    }
}

/// A successful match: which route, and the path arguments captured by its groups.
public struct RouteMatch<Payload: Sendable>: Sendable {
    /// Position of the matched route in the router's list.
    public let index: Int
    /// The matched route's payload.
    public let payload: Payload
    /// Captured groups in order, percent-decoded; nil for an optional group that did not
    /// participate. Empty when the pattern uses named groups (as in Tornado).
    public let pathArgs: [String?]
    /// Named groups, percent-decoded. Groups that did not participate are absent.
    public let pathKwargs: [String: String]

    @usableFromInline
    init(index: Int, payload: Payload, pathArgs: [String?], pathKwargs: [String: String]) {
        self.index = index
        self.payload = payload
        self.pathArgs = pathArgs
        self.pathKwargs = pathKwargs
    }
}

/// How the router tests a path against a route.
public enum RouteKind: Equatable, Sendable {
    /// The pattern is a plain string: a hash lookup, no regular expression involved.
    case literal(String)
    /// A regular expression, tried only for paths starting with `prefix` (possibly empty).
    case pattern(prefix: String)
}
