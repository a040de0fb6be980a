// HTTPStatus: a response status code with its reason phrase, e.g. 404 "Not Found".
// Phrases for every registered code come from `HTTPStatus+ReasonPhrases.swift`.

/// A response status: a code in 100...599 plus the reason phrase written after it.
public struct HTTPStatus: Hashable, Sendable, CustomStringConvertible {
    /// The three-digit status code.
    public let code: Int
    /// The reason phrase sent on the status line (informational only to clients).
    public let reasonPhrase: String

    /// Creates a status, with the standard phrase unless `reasonPhrase` is given
    /// (like Tornado's `set_status(code, reason)`); unregistered codes read "Unknown".
    /// - Throws: `HTTPValidationError.Kind.invalidStatusCode` outside 100...599;
    ///   `.invalidReasonPhrase` when the phrase holds CR, LF or another control byte.
    public init(code: Int, reasonPhrase: String? = nil) throws(HTTPValidationError) {
        guard (100...599).contains(code) else {
            throw HTTPValidationError(.invalidStatusCode, "Invalid HTTP status code \(code): must be 100...599")
        }
        if let reasonPhrase, !reasonPhrase.utf8.allSatisfy(HTTPBytes.isFieldValueByte) {
            throw HTTPValidationError(
                .invalidReasonPhrase, "Invalid reason phrase for status \(code): contains a control character")
        }
        self.init(validCode: code, reasonPhrase: reasonPhrase ?? Self.standardReasonPhrase(for: code) ?? "Unknown")
    }

    private init(validCode: Int, reasonPhrase: String) {
        self.code = validCode
        self.reasonPhrase = reasonPhrase
    }

    private init(_ code: Int) {
        self.init(validCode: code, reasonPhrase: Self.standardReasonPhrase(for: code) ?? "Unknown")
    }

    /// "404 Not Found".
    public var description: String { "\(code) \(reasonPhrase)" }

    /// 100 Continue
    public static let `continue` = HTTPStatus(100)
    /// 101 Switching Protocols
    public static let switchingProtocols = HTTPStatus(101)
    /// 200 OK
    public static let ok = HTTPStatus(200)
    /// 201 Created
    public static let created = HTTPStatus(201)
    /// 202 Accepted
    public static let accepted = HTTPStatus(202)
    /// 204 No Content
    public static let noContent = HTTPStatus(204)
    /// 206 Partial Content
    public static let partialContent = HTTPStatus(206)
    /// 301 Moved Permanently
    public static let movedPermanently = HTTPStatus(301)
    /// 302 Found
    public static let found = HTTPStatus(302)
    /// 303 See Other
    public static let seeOther = HTTPStatus(303)
    /// 304 Not Modified
    public static let notModified = HTTPStatus(304)
    /// 307 Temporary Redirect
    public static let temporaryRedirect = HTTPStatus(307)
    /// 308 Permanent Redirect
    public static let permanentRedirect = HTTPStatus(308)
    /// 400 Bad Request
    public static let badRequest = HTTPStatus(400)
    /// 401 Unauthorized
    public static let unauthorized = HTTPStatus(401)
    /// 403 Forbidden
    public static let forbidden = HTTPStatus(403)
    /// 404 Not Found
    public static let notFound = HTTPStatus(404)
    /// 405 Method Not Allowed
    public static let methodNotAllowed = HTTPStatus(405)
    /// 408 Request Timeout
    public static let requestTimeout = HTTPStatus(408)
    /// 411 Length Required
    public static let lengthRequired = HTTPStatus(411)
    /// 412 Precondition Failed
    public static let preconditionFailed = HTTPStatus(412)
    /// 413 Content Too Large
    public static let contentTooLarge = HTTPStatus(413)
    /// 414 URI Too Long
    public static let uriTooLong = HTTPStatus(414)
    /// 415 Unsupported Media Type
    public static let unsupportedMediaType = HTTPStatus(415)
    /// 416 Range Not Satisfiable
    public static let rangeNotSatisfiable = HTTPStatus(416)
    /// 417 Expectation Failed
    public static let expectationFailed = HTTPStatus(417)
    /// 426 Upgrade Required
    public static let upgradeRequired = HTTPStatus(426)
    /// 429 Too Many Requests
    public static let tooManyRequests = HTTPStatus(429)
    /// 431 Request Header Fields Too Large
    public static let requestHeaderFieldsTooLarge = HTTPStatus(431)
    /// 500 Internal Server Error
    public static let internalServerError = HTTPStatus(500)
    /// 501 Not Implemented
    public static let notImplemented = HTTPStatus(501)
    /// 502 Bad Gateway
    public static let badGateway = HTTPStatus(502)
    /// 503 Service Unavailable
    public static let serviceUnavailable = HTTPStatus(503)
    /// 504 Gateway Timeout
    public static let gatewayTimeout = HTTPStatus(504)
    /// 505 HTTP Version Not Supported
    public static let httpVersionNotSupported = HTTPStatus(505)
}
