// Static URLs: `staticURL("css/site.css")` → "/static/css/site.css?v=3f2a…" (Tornado's
// `static_url`). The version is the content hash, so a changed file gets a new URL
// and versioned URLs can be cached for a year. Also the routes an Application adds
// for `settings.staticPath` (Tornado adds the same three).
import SquallCore
import SquallIO

@IOLoopActor
extension RequestHandler {
    /// The URL of the static file `path` (relative to `settings.staticPath`):
    /// `settings.staticURLPrefix` + `path` (percent-encoded, "/" kept) + `?v=` + the
    /// first 32 hex digits of the SHA-256 of its content. See
    /// `StaticFileHandler.makeStaticURL` for caching and the unversioned fallbacks.
    public func staticURL(_ path: String, includeVersion: Bool = true) -> String {
        StaticFileHandler.makeStaticURL(path, settings: application.settings, includeVersion: includeVersion)
    }
}

extension StaticFileHandler {
    /// `staticURL` without a handler, for templates and other code on the loop
    /// (Tornado's `make_static_url`).
    ///
    /// The version is computed on first use and cached for the process; with
    /// `settings.debug` the file is checked on every call and rehashed when its size
    /// or modification time changed. When `staticPath` is nil, or the file is
    /// missing, unreadable or outside the root, the URL has no `?v=` and a warning is
    /// logged (once per path outside debug mode), as Tornado does.
    @IOLoopActor
    public static func makeStaticURL(_ path: String, settings: ApplicationSettings,
                                     includeVersion: Bool = true) -> String {
        let url = settings.staticURLPrefix + PathArgument.escape(path)
        guard includeVersion else { return url }
        guard let root = settings.staticPath else {
            Log.general.warning("staticURL(\(path.debugDescription)) needs settings.staticPath; no version added")
            return url
        }
        guard let version = StaticContentVersion.version(ofURLPath: path, root: root, debug: settings.debug) else {
            return url
        }
        return url + "?v=" + version
    }

    /// The routes Application installs, in front of its own, when
    /// `settings.staticPath` is set: `staticURLPrefix + "(.*)"`, `/(favicon\.ico)` and
    /// `/(robots\.txt)`, each a StaticFileHandler rooted at `staticPath`. Empty when
    /// `staticPath` is nil. The prefix is regex-escaped, so `"/static.v1/"` is literal.
    public nonisolated static func applicationRoutes(for settings: ApplicationSettings) -> [URLSpec] {
        guard let root = settings.staticPath else { return [] }
        let patterns = [escapeRegex(settings.staticURLPrefix) + "(.*)", #"/(favicon\.ico)"#, #"/(robots\.txt)"#]
        return patterns.map { URLSpec($0, StaticFileHandler.self, initialize: { $0.root = root }) }
    }

    /// `text` with Python-regex metacharacters backslash-escaped.
    private nonisolated static func escapeRegex(_ text: String) -> String {
        var escaped = ""
        for character in text {
            if #"\.^$*+?{}[]|()"#.contains(character) { escaped.append("\\") }
            escaped.append(character)
        }
        return escaped
    }
}
