// HTTPFile: one file uploaded through multipart/form-data (Tornado's
// `httputil.HTTPFile`).

/// An uploaded file: its client-side name, declared type and content.
public struct HTTPFile: Sendable, Hashable {
    /// The filename the client sent (from `filename*` when present); never trust it
    /// as a path.
    public var filename: String
    /// The part's Content-Type, "application/unknown" when absent (as Tornado).
    public var contentType: String
    /// The file content, byte for byte.
    public var body: [UInt8]

    /// Creates a file value.
    public init(filename: String, contentType: String, body: [UInt8]) {
        self.filename = filename
        self.contentType = contentType
        self.body = body
    }
}
