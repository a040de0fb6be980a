// HTTPFormData: the fields and files of a form body, and `parseBodyArguments`,
// which picks the parser from Content-Type like Tornado's parse_body_arguments.

/// Form fields and uploaded files, in body order.
public struct HTTPFormData: Sendable {
    /// Plain fields (`request.body_arguments` in Tornado), values decoded as UTF-8
    /// (invalid bytes become U+FFFD).
    public var arguments: [(name: String, value: String)]
    /// Uploaded files keyed by field name (`request.files`).
    public var files: [(name: String, file: HTTPFile)]

    /// Creates an empty form.
    public init() {
        arguments = []
        files = []
    }

    /// Every value of argument `name`, in order.
    public func values(for name: String) -> [String] {
        arguments.filter { $0.name == name }.map(\.value)
    }

    /// Every file uploaded as field `name`, in order.
    public func files(for name: String) -> [HTTPFile] {
        files.filter { $0.name == name }.map(\.file)
    }
}

/// Parses a request body according to its Content-Type:
/// `application/x-www-form-urlencoded` (see `parseQueryString`) or
/// `multipart/form-data` (see `parseMultipartFormData`). Other types give an empty
/// form, as in Tornado.
/// - Throws: `HTTPFormError` with 415 when a form body has a Content-Encoding other
///   than identity (decompress first), 400 when the multipart boundary is missing or
///   the multipart body is malformed.
public func parseBodyArguments(headers: HTTPHeaders, body: [UInt8]) throws(HTTPFormError) -> HTTPFormData {
    let contentType = parseContentType(headers["Content-Type"] ?? "")
    let isURLEncoded = contentType.value == "application/x-www-form-urlencoded"
    guard isURLEncoded || contentType.value == "multipart/form-data" else { return HTTPFormData() }
    if let encoding = headers["Content-Encoding"], encoding.lowercased() != "identity" {
        throw HTTPFormError("Unsupported Content-Encoding: \(encoding)", status: .unsupportedMediaType)
    }
    if isURLEncoded {
        var form = HTTPFormData()
        form.arguments = body.withUnsafeBytes { parseURLEncoded($0) }
        return form
    }
    guard let boundary = contentType[parameter: "boundary"], !boundary.isEmpty else {
        throw HTTPFormError("Invalid multipart/form-data: boundary not found in Content-Type")
    }
    return try parseMultipartFormData(boundary: boundary, body: body)
}
