// UploadError: an upload could not be stored, or the app could not start with the
// directory and limits it was given.

/// Something about storing uploads failed; the message says what and why.
struct UploadError: Error, CustomStringConvertible {
    /// What went wrong, for the log and the error page.
    let description: String
    init(_ description: String) { self.description = description }
}
