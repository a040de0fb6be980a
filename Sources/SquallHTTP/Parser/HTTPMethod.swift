// HTTPMethod: a request method token. Any RFC 9110 token is a valid method to the
// parser; deciding which ones a handler supports (405) is the router's job.

/// A request method such as `GET`, stored as its exact (case-sensitive) token.
public struct HTTPMethod: RawRepresentable, Hashable, Sendable, CustomStringConvertible,
    ExpressibleByStringLiteral
{
    /// The method token as sent, e.g. "GET". Methods are case-sensitive (RFC 9110 §9.1).
    public let rawValue: String

    /// Wraps a method token without validating it (the parser only produces valid
    /// tokens); `HTTPRequestHead(method:uri:version:headers:)` validates a method
    /// before it can be serialized.
    public init(rawValue: String) {
        self.rawValue = rawValue
    }

    /// Wraps a method literal such as `"PROPFIND"`.
    public init(stringLiteral value: String) {
        self.rawValue = value
    }

    /// `GET`
    public static let GET = HTTPMethod(rawValue: "GET")
    /// `HEAD`
    public static let HEAD = HTTPMethod(rawValue: "HEAD")
    /// `POST`
    public static let POST = HTTPMethod(rawValue: "POST")
    /// `PUT`
    public static let PUT = HTTPMethod(rawValue: "PUT")
    /// `PATCH`
    public static let PATCH = HTTPMethod(rawValue: "PATCH")
    /// `DELETE`
    public static let DELETE = HTTPMethod(rawValue: "DELETE")
    /// `OPTIONS`
    public static let OPTIONS = HTTPMethod(rawValue: "OPTIONS")
    /// `CONNECT`
    public static let CONNECT = HTTPMethod(rawValue: "CONNECT")
    /// `TRACE`
    public static let TRACE = HTTPMethod(rawValue: "TRACE")

    /// The token.
    public var description: String { rawValue }

    /// Builds the method for a validated token, reusing the common ones so that the
    /// hot path skips UTF-8 decoding.
    static func parsed(_ token: UnsafeRawBufferPointer) -> HTTPMethod {
        switch token.count {
        case 3 where HTTPBytes.equals(token, "GET"): .GET
        case 4 where HTTPBytes.equals(token, "POST"): .POST
        case 4 where HTTPBytes.equals(token, "HEAD"): .HEAD
        case 3 where HTTPBytes.equals(token, "PUT"): .PUT
        case 6 where HTTPBytes.equals(token, "DELETE"): .DELETE
        default: HTTPMethod(rawValue: String(decoding: token, as: UTF8.self))
        }
    }
}
