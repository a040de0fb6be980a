// HTTPParseError: why a request could not be parsed, and which status to answer.
// After any parse error the request stream is out of sync (the parser cannot
// know where the next request starts), so the server answers `status` with
// `Connection: close` and closes the connection; the parser itself refuses all
// further input once it has thrown.

/// A malformed, oversized or unsupported request. `status` is the response to send
/// (400, 413, 414, 431, 501 or 505) before closing the connection; `message` says
/// what was wrong in words a client developer understands (untrusted bytes in it
/// are escaped as `\xNN` and cut short).
public struct HTTPParseError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The category of failure; each maps to one status code.
    public struct Kind: Hashable, Sendable, CustomStringConvertible {
        private enum Code: Hashable, Sendable {
            case requestLine, method, target, version, versionUnsupported, requestLineTooLong
            case headerLine, headersTooLarge, tooManyHeaders, host
            case contentLength, framing, transferEncoding, transferEncodingUnsupported
            case bodyTooLarge, chunk
        }
        private let code: Code

        /// 400: the request line is not `method SP target SP version`.
        public static let malformedRequestLine = Kind(code: .requestLine)
        /// 400: the method is not an RFC 9110 token.
        public static let invalidMethod = Kind(code: .method)
        /// 400: the request-target has invalid bytes or an unsupported form.
        public static let invalidTarget = Kind(code: .target)
        /// 400: the version is not `HTTP/DIGIT.DIGIT`.
        public static let malformedVersion = Kind(code: .version)
        /// 505: a well-formed version other than HTTP/1.0 or HTTP/1.1.
        public static let unsupportedVersion = Kind(code: .versionUnsupported)
        /// 414: the request line exceeds `maxRequestLineLength`.
        public static let requestLineTooLong = Kind(code: .requestLineTooLong)
        /// 400: a header or trailer line is malformed (bad name, control byte,
        /// whitespace before the colon, obs-fold, bare CR).
        public static let invalidHeader = Kind(code: .headerLine)
        /// 431: the head (or head plus trailers) exceeds `maxHeaderSize`.
        public static let headersTooLarge = Kind(code: .headersTooLarge)
        /// 431: more header (or trailer) fields than `maxHeaderCount`.
        public static let tooManyHeaders = Kind(code: .tooManyHeaders)
        /// 400: Host missing on HTTP/1.1, repeated, or not a valid host.
        public static let invalidHost = Kind(code: .host)
        /// 400: Content-Length is not digits, or values conflict.
        public static let invalidContentLength = Kind(code: .contentLength)
        /// 400: ambiguous framing (Content-Length with Transfer-Encoding, or
        /// Transfer-Encoding on HTTP/1.0), the request-smuggling shapes.
        public static let ambiguousFraming = Kind(code: .framing)
        /// 400: Transfer-Encoding whose final coding is not `chunked`, or chunked twice.
        public static let invalidTransferEncoding = Kind(code: .transferEncoding)
        /// 501: a transfer coding other than `chunked` (e.g. gzip, chunked).
        public static let unsupportedTransferEncoding = Kind(code: .transferEncodingUnsupported)
        /// 413: the body exceeds the body size limit.
        public static let bodyTooLarge = Kind(code: .bodyTooLarge)
        /// 400: a chunk-size line or chunk delimiter is malformed.
        public static let invalidChunk = Kind(code: .chunk)

        /// The response status for this kind of failure.
        public var status: HTTPStatus {
            switch code {
            case .versionUnsupported: .httpVersionNotSupported
            case .requestLineTooLong: .uriTooLong
            case .headersTooLarge, .tooManyHeaders: .requestHeaderFieldsTooLarge
            case .transferEncodingUnsupported: .notImplemented
            case .bodyTooLarge: .contentTooLarge
            default: .badRequest
            }
        }

        /// A short name for logs, e.g. `invalidHeader`.
        public var description: String {
            switch code {
            case .requestLine: "malformedRequestLine"
            case .method: "invalidMethod"
            case .target: "invalidTarget"
            case .version: "malformedVersion"
            case .versionUnsupported: "unsupportedVersion"
            case .requestLineTooLong: "requestLineTooLong"
            case .headerLine: "invalidHeader"
            case .headersTooLarge: "headersTooLarge"
            case .tooManyHeaders: "tooManyHeaders"
            case .host: "invalidHost"
            case .contentLength: "invalidContentLength"
            case .framing: "ambiguousFraming"
            case .transferEncoding: "invalidTransferEncoding"
            case .transferEncodingUnsupported: "unsupportedTransferEncoding"
            case .bodyTooLarge: "bodyTooLarge"
            case .chunk: "invalidChunk"
            }
        }
    }

    /// The category of failure.
    public let kind: Kind
    /// A readable explanation, e.g. `Invalid header line: "X Y: z"`.
    public let message: String

    /// Creates an error of `kind` with `message`.
    public init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }

    /// The status code to answer with before closing the connection.
    public var status: HTTPStatus { kind.status }

    /// "400 Bad Request: <message>".
    public var description: String { "\(status): \(message)" }
}
