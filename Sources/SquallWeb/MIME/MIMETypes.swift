// File extension → Content-Type, following Tornado's `StaticFileHandler.get_content_type`
// (Python's `mimetypes.guess_type`): compressed files (`.gz`) are `application/gzip`, other
// encodings (`.bz2`, `.xz`, `.br`, `.Z`) are `application/octet-stream`, and so is any
// unknown extension. No charset is added, as in Tornado.

/// An extension-to-media-type table. Value type; safe to share across threads.
public struct MIMETypes: Sendable {
    /// Lower-case extension without the dot → media type.
    public let types: [String: String]

    /// The built-in table: common web, image, font, audio, video, document and archive types.
    public static let standard = MIMETypes(types: builtInTypes)

    /// The built-in table plus `overrides` (extension without the dot, any case → type);
    /// overrides win over built-in entries.
    public init(overrides: [String: String] = [:]) {
        var types = Self.builtInTypes
        for (ext, type) in overrides { types[ext.lowercased()] = type }
        self.types = types
    }

    private init(types: [String: String]) {
        self.types = types
    }

    /// The Content-Type for a file path or URL path, judged by its last extension
    /// (case-insensitive; a leading dot in the file name does not start an extension).
    /// `.gz`/`.tgz`/`.svgz` → `application/gzip`; `.bz2`, `.xz`, `.br`, `.Z`, `.tbz2`, `.txz`
    /// → `application/octet-stream`; unknown or missing extension → `application/octet-stream`.
    public func contentType(forPath path: String) -> String {
        guard let ext = Self.fileExtension(of: path) else { return "application/octet-stream" }
        switch ext {
        case "gz", "tgz", "taz", "tz", "svgz": return "application/gzip"
        case "bz2", "xz", "br", "z", "tbz2", "txz": return "application/octet-stream"
        default: return types[ext] ?? "application/octet-stream"
        }
    }

    /// The media type for a bare extension (with or without the leading dot, any case),
    /// or nil when the table has none.
    public func contentType(forExtension ext: String) -> String? {
        types[(ext.hasPrefix(".") ? String(ext.dropFirst()) : ext).lowercased()]
    }

    /// Lower-cased text after the last `.` of the last path component, ignoring leading
    /// dots (Python's `splitext`: `.bashrc` has no extension).
    static func fileExtension(of path: String) -> String? {
        let name = path.split(separator: "/", omittingEmptySubsequences: false).last ?? ""
        let stem = name.drop(while: { $0 == "." })
        guard let dot = stem.lastIndex(of: ".") else { return nil }
        let ext = stem[stem.index(after: dot)...]
        return ext.isEmpty ? nil : ext.lowercased()
    }

    private static let builtInTypes: [String: String] = [
        // Text and web documents.
        "html": "text/html", "htm": "text/html", "css": "text/css", "txt": "text/plain",
        "csv": "text/csv", "tsv": "text/tab-separated-values", "md": "text/markdown", "markdown": "text/markdown",
        "xml": "text/xml", "ics": "text/calendar", "vtt": "text/vtt",
        "js": "text/javascript", "mjs": "text/javascript", "cjs": "text/javascript",
        "json": "application/json", "map": "application/json", "jsonld": "application/ld+json",
        "webmanifest": "application/manifest+json", "xhtml": "application/xhtml+xml",
        "rss": "application/rss+xml", "atom": "application/atom+xml", "yaml": "application/yaml",
        "yml": "application/yaml", "wasm": "application/wasm", "pdf": "application/pdf",
        // Images.
        "png": "image/png", "apng": "image/apng", "jpg": "image/jpeg", "jpeg": "image/jpeg", "jpe": "image/jpeg",
        "gif": "image/gif", "webp": "image/webp", "avif": "image/avif", "svg": "image/svg+xml",
        "ico": "image/vnd.microsoft.icon", "bmp": "image/bmp", "tif": "image/tiff", "tiff": "image/tiff",
        "heic": "image/heic", "jxl": "image/jxl",
        // Fonts.
        "woff": "font/woff", "woff2": "font/woff2", "ttf": "font/ttf", "otf": "font/otf",
        "eot": "application/vnd.ms-fontobject",
        // Audio and video.
        "mp3": "audio/mpeg", "m4a": "audio/mp4", "aac": "audio/aac", "wav": "audio/wav", "flac": "audio/flac",
        "ogg": "audio/ogg", "oga": "audio/ogg", "opus": "audio/ogg", "weba": "audio/webm",
        "mp4": "video/mp4", "m4v": "video/mp4", "webm": "video/webm", "ogv": "video/ogg",
        "mov": "video/quicktime", "avi": "video/x-msvideo", "mpeg": "video/mpeg", "mpg": "video/mpeg",
        // Archives and documents.
        "zip": "application/zip", "tar": "application/x-tar", "7z": "application/x-7z-compressed",
        "rar": "application/vnd.rar", "epub": "application/epub+zip",
        "doc": "application/msword", "xls": "application/vnd.ms-excel", "ppt": "application/vnd.ms-powerpoint",
        "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
        "bin": "application/octet-stream",
    ]
}
