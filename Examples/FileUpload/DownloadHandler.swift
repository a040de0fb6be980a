// DownloadHandler: stored files served back by StaticFileHandler, always as
// downloads.
import Squall

/// `/files/<name>`: a stored file, served by StaticFileHandler (ETag, ranges,
/// streaming) but always as a download: an uploaded `.html` or `.svg` shown
/// inline would run its scripts with this site's cookies. Hidden files (uploads
/// still being written) are not served.
final class DownloadHandler: StaticFileHandler {
    override func get() async throws {
        let name = pathArgs[0] ?? ""
        guard !name.isEmpty, !name.hasPrefix("."), !name.contains("/") else {
            throw HTTPError(404, "no file \(name.debugDescription)")
        }
        // RFC 6266 with RFC 8187 encoding: any name, including non-ASCII, arrives intact.
        let encodedName = PercentEncoding.encode(name, plusForSpace: false)
        try setHeader("Content-Disposition", "attachment; filename*=UTF-8''" + encodedName)
        try setHeader("Content-Security-Policy", "sandbox")
        try await super.get()
    }
}
