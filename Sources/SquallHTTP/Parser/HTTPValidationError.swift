// The error thrown when code builds an HTTP message from invalid parts: a header
// name that is not a token, a value holding CR/LF/NUL (header injection), a status
// code outside 100...599, a reason phrase with control bytes, or a request method
// or target that would break the request line.

/// Thrown by `HTTPHeaders` mutations, `HTTPStatus(code:reasonPhrase:)` and
/// `HTTPRequestHead(method:uri:version:headers:)` when a
/// caller-supplied piece would produce an invalid or smuggling-prone message.
/// Nothing is modified when it is thrown.
public struct HTTPValidationError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What was invalid.
    public struct Kind: Hashable, Sendable, CustomStringConvertible {
        private enum Code: Hashable, Sendable {
            case headerName, headerValue, statusCode, reasonPhrase, method, target
        }
        private let code: Code

        /// A header name that is empty or holds a byte outside RFC 9110 `tchar`.
        public static let invalidHeaderName = Kind(code: .headerName)
        /// A header value holding a control byte other than HTAB (CR, LF, NUL, DEL, …).
        public static let invalidHeaderValue = Kind(code: .headerValue)
        /// A status code outside 100...599.
        public static let invalidStatusCode = Kind(code: .statusCode)
        /// A reason phrase holding a control byte other than HTAB.
        public static let invalidReasonPhrase = Kind(code: .reasonPhrase)
        /// A request method that is not an RFC 9110 token.
        public static let invalidMethod = Kind(code: .method)
        /// A request target that is empty or holds whitespace or control bytes.
        public static let invalidTarget = Kind(code: .target)

        /// A short name for logs, e.g. `invalidHeaderValue`.
        public var description: String {
            switch code {
            case .headerName: "invalidHeaderName"
            case .headerValue: "invalidHeaderValue"
            case .statusCode: "invalidStatusCode"
            case .reasonPhrase: "invalidReasonPhrase"
            case .method: "invalidMethod"
            case .target: "invalidTarget"
            }
        }
    }

    /// The category of the problem, for matching.
    public let kind: Kind
    /// A readable explanation naming the offending header or value.
    public let message: String

    /// Creates an error; used by the validating APIs of this module.
    public init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }

    /// The message.
    public var description: String { message }
}
