// Errors for cookies Squall refuses to write.
//
// A bad cookie name, value or attribute is a programming error that could
// otherwise smuggle extra attributes or whole header lines into a response
// (header injection), so it is rejected when the cookie is built, not when
// the response is written.

/// Why a cookie could not be built; `description` names the cookie, the
/// offending part and character, and what is allowed instead.
public struct CookieError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The category of problem; compare with the static members.
    public struct Kind: Sendable, Hashable, CustomStringConvertible {
        private enum Value: String, Sendable {
            case invalidName, reservedName, invalidValue, invalidAttribute, insecureAttributes
        }
        private let value: Value

        /// The name is empty or has a character outside
        /// ``letters digits !#$%&'*+-.^_`|~:``.
        public static let invalidName = Kind(value: .invalidName)
        /// The name is a cookie attribute name (`path`, `expires`, …) that a
        /// `Cookie` header parser would mistake for an attribute.
        public static let reservedName = Kind(value: .reservedName)
        /// The value has a control character, space, or a character beyond Latin-1.
        public static let invalidValue = Kind(value: .invalidValue)
        /// `domain` or `path` has a control character, space, `;` or non-ASCII,
        /// or `expires` is outside the years 1–9999.
        public static let invalidAttribute = Kind(value: .invalidAttribute)
        /// The attributes break a browser rule: `SameSite=None` or a `__Secure-`
        /// / `__Host-` name without `Secure`, or `__Host-` with a domain or a path other than `/`.
        public static let insecureAttributes = Kind(value: .insecureAttributes)

        /// The kind's name, e.g. `invalidName`.
        public var description: String { value.rawValue }
    }

    /// The category of problem.
    public let kind: Kind
    /// A sentence for a person: which cookie, which part, which character, and why.
    public let message: String

    /// Creates an error of `kind` explained by `message`.
    public init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }

    /// Same as `message`.
    public var description: String { message }
}
