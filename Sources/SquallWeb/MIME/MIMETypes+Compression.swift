// Which responses are worth gzip-compressing (Tornado's `GZipContentEncoding.CONTENT_TYPES`
// plus every `text/*` type), extended with other types that are text or uncompressed binary.

extension MIMETypes {
    /// Tornado's compressible types, plus types it misses that compress well
    /// (WebAssembly, icons, uncompressed fonts, YAML, web manifests).
    private static let compressibleTypes: Set<String> = [
        // Tornado's list.
        "application/javascript", "application/x-javascript", "application/xml", "application/atom+xml",
        "application/json", "application/xhtml+xml", "image/svg+xml",
        // Additions.
        "application/wasm", "application/yaml", "application/rss+xml", "application/ld+json",
        "application/manifest+json", "image/vnd.microsoft.icon", "image/x-icon", "image/bmp",
        "font/ttf", "font/otf", "application/vnd.ms-fontobject",
    ]

    /// Whether a response with this Content-Type benefits from gzip. Parameters (`;
    /// charset=…`) and surrounding whitespace are ignored and case does not matter.
    /// True for `text/*`, for any `+json` or `+xml` structured type, and for the list above;
    /// false for already-compressed formats (PNG, JPEG, WOFF2, ZIP, video, …) and empty input.
    public static func isCompressible(_ contentType: String) -> Bool {
        let mediaType = contentType.prefix(while: { $0 != ";" }).drop(while: \.isWhitespace)
        let end = mediaType.lastIndex(where: { !$0.isWhitespace }).map(mediaType.index(after:)) ?? mediaType.startIndex
        let essence = mediaType[..<end].lowercased()
        return essence.hasPrefix("text/") || essence.hasSuffix("+json") || essence.hasSuffix("+xml")
            || compressibleTypes.contains(essence)
    }
}
