// The parts of the URL path captured by a route's regular expression groups.

/// Captured path groups: positional for unnamed groups, by name for named ones
/// (as Tornado: when a pattern has named groups, only those are passed).
///
/// ```swift
/// // URLSpec(#"/entry/([0-9]+)"#, EntryHandler.self)
/// let id = pathArgs[0]            // "42"
/// // URLSpec(#"/user/(?P<name>\w+)"#, UserHandler.self)
/// let name = pathArgs["name"]     // "ada"
/// ```
public struct PathArguments: Sendable, Equatable {
    /// Unnamed groups, percent-decoded; nil for an optional group that did not match.
    public let positional: [String?]
    /// Named groups, percent-decoded.
    public let named: [String: String]

    /// Creates path arguments.
    public init(positional: [String?] = [], named: [String: String] = [:]) {
        self.positional = positional
        self.named = named
    }

    /// The `index`th unnamed group, or nil when absent or unmatched.
    public subscript(index: Int) -> String? {
        index < positional.count ? positional[index] : nil
    }

    /// The named group `name`, or nil.
    public subscript(name: String) -> String? { named[name] }

    /// True when no group was captured.
    public var isEmpty: Bool { positional.isEmpty && named.isEmpty }
}
