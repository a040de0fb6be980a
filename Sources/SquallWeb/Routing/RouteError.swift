// Errors from building a router, matching a path or reversing a named route; each names
// the pattern or route involved and says why, in words a developer can act on.

/// A routing problem: a bad URL pattern, a bad reverse request, or an undecodable path argument.
public struct RouteError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What kind of problem occurred.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Base: String, Hashable, Sendable {
            case invalidPattern, mixedGroups, duplicateName, unknownName, notReversible
            case wrongArgumentCount, invalidPathArgument
        }
        private let base: Base

        /// The pattern is not a valid (supported) Python regular expression.
        public static let invalidPattern = Code(base: .invalidPattern)
        /// The pattern mixes named and positional groups (Tornado forbids this too).
        public static let mixedGroups = Code(base: .mixedGroups)
        /// Two routes were given the same name.
        public static let duplicateName = Code(base: .duplicateName)
        /// `reverse` was asked for a name no route has.
        public static let unknownName = Code(base: .unknownName)
        /// The named route's pattern is too complex to rebuild a URL from.
        public static let notReversible = Code(base: .notReversible)
        /// `reverse` got a different number of arguments than the pattern has groups.
        public static let wrongArgumentCount = Code(base: .wrongArgumentCount)
        /// A captured path argument is not valid UTF-8 once percent-decoded (answer 400).
        public static let invalidPathArgument = Code(base: .invalidPathArgument)

        /// The code's name, e.g. `"invalidPattern"`.
        public var description: String { base.rawValue }
    }

    /// The kind of problem.
    public let code: Code
    /// The URL pattern involved, if any.
    public let pattern: String?
    /// The route name involved, if any.
    public let name: String?
    /// The full human-readable message.
    public let message: String

    /// Same as `message`.
    public var description: String { message }

    static func invalidPattern(_ pattern: String, _ reason: String) -> RouteError {
        RouteError(code: .invalidPattern, pattern: pattern, name: nil,
                   message: "Invalid URL pattern '\(pattern)': \(reason)")
    }
}
