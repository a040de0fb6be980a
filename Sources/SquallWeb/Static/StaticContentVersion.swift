// Content versions: the hash that `staticURL` appends as `?v=` and that
// StaticFileHandler sends, quoted, as the ETag (Tornado's `get_version` /
// `compute_etag`). Tornado uses an MD5 (later SHA-512) hex digest; Squall uses the
// first 32 hex digits (128 bits) of the SHA-256 of the content.
//
// Hashes are cached process-wide in loop-isolated dictionaries (Tornado's
// `_static_hashes`): by resolved file path, validated against the file's
// device/inode/size/mtime stamp so an edited file is rehashed; and, for
// `staticURL` outside debug mode, by URL path without touching the disk at all.
import Dispatch
import SquallCore
import SquallIO

@IOLoopActor
enum StaticContentVersion {
    /// Hex digits kept from the SHA-256.
    static let length = 32

    /// Resolved path → the stamp the version was computed for, and the version.
    private static var byFile: [String: (stamp: FileStamp, version: String)] = [:]
    /// "root NUL relative path" → version, or nil for a file that could not be read
    /// (cached too, as Tornado does, so a missing file is reported once).
    private static var byURLPath: [String: String?] = [:]

    /// The version of `file`, opened from the resolved `path`; hashes on the
    /// calling (loop) thread when the cache has nothing current. Nil when the file
    /// cannot be read.
    static func version(of file: StaticFile, path: String) -> String? {
        cached(file, path: path) ?? store(file.contentHash(), of: file, path: path)
    }

    /// As `version(of:path:)`, but a miss on a file larger than `onLoopHashLimit`
    /// is hashed on `hashQueue`, so that a large file does not stall the loop's other
    /// connections. Smaller files are hashed in place (around a millisecond at most
    /// in release builds), which spares the two thread hops.
    static func versionForResponse(of file: StaticFile, path: String) async -> String? {
        if let known = cached(file, path: path) { return known }
        guard file.size > onLoopHashLimit else { return store(file.contentHash(), of: file, path: path) }
        let hash = await withCheckedContinuation { continuation in
            hashQueue.async { continuation.resume(returning: file.contentHash()) }
        }
        return store(hash, of: file, path: path)
    }

    /// Files up to this size (256 KiB) are hashed on the loop thread.
    static let onLoopHashLimit = 256 * 1024

    /// A private serial queue for hashing: one file at a time, and, unlike the
    /// cooperative pool (which `Task.detached` would use), it gets its own thread even
    /// when every pool thread is blocked, so a busy pool cannot stall a response.
    private nonisolated static let hashQueue = DispatchQueue(label: "squall.static-content-hash")

    /// The version of `relative` below the static root `root`, for `staticURL`.
    /// Outside debug mode the answer is computed once per path and kept; in debug
    /// mode the file is looked at every time and rehashed when it changed. Logs a
    /// warning and returns nil when the file cannot be served.
    static func version(ofURLPath relative: String, root: String, debug: Bool) -> String? {
        let key = root + "\u{0}" + relative
        if !debug, let memo = byURLPath[key] { return memo }
        var version: String?
        do throws(HTTPError) {
            let path = try StaticPath.resolve(relative, in: root)
            let file = try StaticFile(path: path, displayPath: relative)
            guard file.kind == .regular else { throw StaticPath.notAFile(relative) }
            version = self.version(of: file, path: path)
            if version == nil { throw HTTPError(500, "\(relative.debugDescription) could not be read") }
        } catch {
            Log.general.warning("Could not open static file in \(root.debugDescription): \(error.logMessage ?? error.description)")
        }
        if !debug { byURLPath[key] = .some(version) }
        return version
    }

    private static func cached(_ file: StaticFile, path: String) -> String? {
        guard let entry = byFile[path], entry.stamp == file.stamp else { return nil }
        return entry.version
    }

    private static func store(_ hash: String?, of file: StaticFile, path: String) -> String? {
        guard let hash else { return nil }
        let version = String(hash.prefix(length))
        byFile[path] = (file.stamp, version)
        return version
    }
}
