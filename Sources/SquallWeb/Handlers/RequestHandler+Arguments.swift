// Reading arguments: from the query string, the form body, or both (Tornado's
// `get_argument` family). Values are stripped of surrounding whitespace by default
// and control characters other than tab/newline are removed, as in Tornado.
import SquallHTTP
import SquallIO

@IOLoopActor
extension RequestHandler {
    /// The last value of argument `name` from the query or the body.
    ///
    /// - Throws: `MissingArgumentError` (a 400) when absent; `HTTPError(400)` when
    ///   the body is a malformed form.
    public func getArgument(_ name: String, strip: Bool = true) throws -> String {
        guard let value = try getArguments(name, strip: strip).last else { throw MissingArgumentError(name: name) }
        return value
    }

    /// The last value of argument `name` from the query or the body, or `defaultValue`.
    ///
    /// - Throws: `HTTPError(400)` when the body is a malformed form.
    public func getArgument(_ name: String, default defaultValue: String?, strip: Bool = true) throws -> String? {
        try getArguments(name, strip: strip).last ?? defaultValue
    }

    /// Every value of argument `name`: query values first, then body values.
    ///
    /// - Throws: `HTTPError(400)` when the body is a malformed form.
    public func getArguments(_ name: String, strip: Bool = true) throws -> [String] {
        getQueryArguments(name, strip: strip) + (try getBodyArguments(name, strip: strip))
    }

    /// The last value of query argument `name`.
    ///
    /// - Throws: `MissingArgumentError` (a 400) when absent.
    public func getQueryArgument(_ name: String, strip: Bool = true) throws -> String {
        guard let value = getQueryArguments(name, strip: strip).last else { throw MissingArgumentError(name: name) }
        return value
    }

    /// The last value of query argument `name`, or `defaultValue`.
    public func getQueryArgument(_ name: String, default defaultValue: String?, strip: Bool = true) -> String? {
        getQueryArguments(name, strip: strip).last ?? defaultValue
    }

    /// Every value of query argument `name`.
    public func getQueryArguments(_ name: String, strip: Bool = true) -> [String] {
        request.queryArguments.compactMap { $0.name == name ? clean($0.value, strip: strip) : nil }
    }

    /// The last value of body argument `name`.
    ///
    /// - Throws: `MissingArgumentError` when absent; `HTTPError(400)` for a malformed body.
    public func getBodyArgument(_ name: String, strip: Bool = true) throws -> String {
        guard let value = try getBodyArguments(name, strip: strip).last else { throw MissingArgumentError(name: name) }
        return value
    }

    /// The last value of body argument `name`, or `defaultValue`.
    ///
    /// - Throws: `HTTPError(400)` for a malformed body.
    public func getBodyArgument(_ name: String, default defaultValue: String?, strip: Bool = true) throws -> String? {
        try getBodyArguments(name, strip: strip).last ?? defaultValue
    }

    /// Every value of body argument `name`.
    ///
    /// - Throws: `HTTPError(400)` (or 415) for a malformed body.
    public func getBodyArguments(_ name: String, strip: Bool = true) throws -> [String] {
        try form().arguments.compactMap { $0.name == name ? clean($0.value, strip: strip) : nil }
    }

    /// The files uploaded as field `name` (multipart/form-data), in order.
    ///
    /// - Throws: `HTTPError(400)` for a malformed body.
    public func getFiles(_ name: String) throws -> [HTTPFile] {
        try form().files(for: name)
    }

    private func form() throws -> HTTPFormData {
        do {
            return try request.formData()
        } catch {
            throw HTTPError(error.status.code, error.message)
        }
    }

    private func clean(_ value: String, strip: Bool) -> String {
        // Tornado removes control characters that have no business in form values.
        let filtered = value.unicodeScalars.contains { Self.isRemovedControl($0) }
            ? String(String.UnicodeScalarView(value.unicodeScalars.filter { !Self.isRemovedControl($0) }))
            : value
        return strip ? filtered.trimmingWhitespace() : filtered
    }

    private static func isRemovedControl(_ scalar: Unicode.Scalar) -> Bool {
        (scalar.value < 0x20 && scalar != "\t" && scalar != "\n" && scalar != "\r") || scalar.value == 0x7F
    }
}

extension String {
    /// The string without leading and trailing whitespace and newlines.
    func trimmingWhitespace() -> String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })!
        return String(scalars[first...last])
    }
}
