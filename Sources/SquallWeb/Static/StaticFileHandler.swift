// StaticFileHandler: serves the files below a directory (Tornado's
// `tornado.web.StaticFileHandler`).
//
//     URLSpec("/static/(.*)", StaticFileHandler.self, initialize: { $0.root = "static" })
//
// The route's first group (or a group named `path`) is the file's path below
// `root`. GET and HEAD are served with ETag (the quoted content version, as in
// `staticURL`), Last-Modified, Accept-Ranges, Content-Type by extension and
// `X-Content-Type-Options: nosniff`; conditional requests get 304, a single byte
// range 206 (see ByteRangeSelection for ranges that are ignored or unsatisfiable),
// and `?v=` URLs a year of caching.
// Files larger than `chunkSize` are streamed with back-pressure and never held in
// memory whole. Paths leaving the root are refused with 403 (see StaticPath).
// Settings `staticPath` and `staticURLPrefix` install this handler automatically.
import SquallHTTP
import SquallIO

/// Serves static files below `root`. Subclass it to change `contentType(forPath:)`
/// or `cacheMaxAge(forPath:)`.
open class StaticFileHandler: RequestHandler {
    /// The directory served, absolute or relative to the working directory. Must be
    /// set (in the route's `initialize`); an empty root answers 500 with a logged reason.
    public var root = ""
    /// The file served for a directory (Tornado's `default_filename`, e.g.
    /// `"index.html"`); a directory URL without a trailing slash is first redirected
    /// (301) to the URL with one. Nil (the default): directories answer 403.
    public var defaultFilename: String?
    /// The resolved, symlink-free path of the file being served, set once it passed
    /// every check (Tornado's `absolute_path`).
    public private(set) var absolutePath: String?

    /// Bytes read and sent per step (64 KiB, Tornado's `get_content` chunk size).
    /// Smaller files are sent in one response with a single read.
    public static let chunkSize = 64 * 1024
    /// The max-age, in seconds, of versioned (`?v=`) requests: one year.
    public static let versionedMaxAge = 365 * 24 * 3600

    /// Serves the file named by the first path group (GET; HEAD runs this too and
    /// sends no body).
    ///
    /// - Throws: `HTTPError` 403 (outside the root, not a file, unreadable), 404
    ///   (missing), 500 (root not set, read failure before the headers went out).
    override open func get() async throws {
        guard !root.isEmpty else {
            throw HTTPError(500, "StaticFileHandler.root is not set; route it with initialize: { $0.root = \"static\" }")
        }
        guard let opened = try openRequestedFile(pathArgs[0] ?? pathArgs["path"] ?? "") else { return }
        let (file, path, relative) = opened
        absolutePath = path
        let version = await StaticContentVersion.versionForResponse(of: file, path: path)
        let etag = version.map { "\"\($0)\"" }
        try setFileHeaders(relative: relative, file: file, etag: etag)
        if isNotModified(etag: etag, modified: file.modifiedTime) {
            try setStatus(304)
            // A 304 describes no body (RFC 9110 §15.4.5); validators and caching stay.
            clearHeader("Content-Type")
            return
        }
        try await sendContent(of: file, selection: rangeSelection(size: file.size, etag: etag, modified: file.modifiedTime))
    }

    /// The Content-Type for the file at `path` (relative to the root): by extension
    /// (`MIMETypes.standard`), with `; charset=UTF-8` for `text/*` types.
    open func contentType(forPath path: String) -> String {
        let type = MIMETypes.standard.contentType(forPath: path)
        return type.hasPrefix("text/") ? type + "; charset=UTF-8" : type
    }

    /// Seconds a client may cache the file at `path` (Tornado's `get_cache_time`):
    /// `versionedMaxAge` when the query has a `v` argument, else 0 (no Cache-Control
    /// or Expires header is sent, clients revalidate).
    open func cacheMaxAge(forPath path: String) -> Int {
        parseQueryString(request.query).contains { $0.name == "v" } ? Self.versionedMaxAge : 0
    }

    /// Opens the requested file, or its `defaultFilename` for a directory. Returns
    /// nil after redirecting a directory URL to its slash form.
    private func openRequestedFile(_ requested: String) throws -> (StaticFile, String, String)? {
        var relative = requested
        var path = try StaticPath.resolve(relative, in: root)
        var file = try StaticFile(path: path, displayPath: relative)
        if file.kind == .directory, let defaultFilename {
            guard request.path.hasSuffix("/") else {
                try redirectToDirectory()
                return nil
            }
            relative = relative.isEmpty ? defaultFilename : relative + "/" + defaultFilename
            path = try StaticPath.resolve(relative, in: root)
            file = try StaticFile(path: path, displayPath: relative)
        }
        guard file.kind == .regular else { throw StaticPath.notAFile(relative) }
        return (file, path, relative)
    }

    /// 301 to the request path plus "/", query kept. A path starting with "//" would
    /// make the Location a protocol-relative URL to another host, so it is refused.
    private func redirectToDirectory() throws {
        guard !request.path.hasPrefix("//") else { throw StaticPath.outsideRoot(request.path) }
        try redirect(request.path + "/" + (request.query.isEmpty ? "" : "?" + request.query), permanent: true)
    }
}
