// The request's arguments (Tornado's `query_arguments`, `body_arguments`,
// `arguments` and `files`), parsed on first use and kept for the request.
import SquallIO

@IOLoopActor
extension HTTPServerRequest {
    /// The query-string arguments in order (`+` and `%XX` decoded; blank values kept).
    public var queryArguments: [(name: String, value: String)] {
        if let cached = parsedQuery { return cached }
        let parsed = parseQueryString(query)
        parsedQuery = parsed
        return parsed
    }

    /// The form fields and uploaded files of an urlencoded or multipart body (empty
    /// for other content types).
    ///
    /// - Throws: `HTTPFormError` (400 or 415) for a malformed form body.
    public func formData() throws(HTTPFormError) -> HTTPFormData {
        if let cached = parsedForm { return cached }
        let parsed = try parseBodyArguments(headers: headers, body: body)
        parsedForm = parsed
        return parsed
    }
}
