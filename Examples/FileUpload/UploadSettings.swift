// UploadSettings: what the upload pages share — where files go and how large one
// may be — and the base class that receives it from the route.
import Squall

/// What the upload pages share; handed to each handler by its route.
struct UploadSettings: Sendable {
    /// Where files are stored.
    let directory: UploadDirectory
    /// The largest file accepted, in bytes (the whole request is limited by the
    /// server's `maxBodySize`).
    let maxFileSize: Int
}

/// A page of the upload app.
class UploadPageHandler: RequestHandler {
    /// Set by the route before any method runs.
    var uploads: UploadSettings!
}
