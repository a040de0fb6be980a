// Static paths: turning the (already percent-decoded) path captured from a URL into
// a file below the static root, and refusing everything that could leave the root.
//
// Two independent defences (Tornado has only the second, on `abspath`):
// 1. the relative path itself is checked: no `..` segment, no backslash, no NUL
//    (a NUL would silently cut the C string handed to the kernel), not absolute;
// 2. the joined path is resolved with `realpath` (following every symlink) and must
//    lie inside the resolved root, compared byte-wise with a trailing slash so that
//    a sibling `/srv/static-evil` never passes for `/srv/static`.
import Glibc

/// Mapping a URL path below a static root to a resolved absolute file path.
enum StaticPath {
    /// Resolves `relative` inside `root` (both as given; `root` may be relative to
    /// the working directory). Returns the symlink-free absolute path.
    ///
    /// - Throws: `HTTPError(403)` when the path would leave the root,
    ///   `HTTPError(404)` when it (or the root) does not exist.
    static func resolve(_ relative: String, in root: String) throws(HTTPError) -> String {
        try checkSegments(relative)
        guard let resolvedRoot = realPath(root) else {
            throw HTTPError(404, "static root \(root.debugDescription) does not exist")
        }
        let joined = relative.isEmpty ? resolvedRoot : resolvedRoot + "/" + relative
        guard let resolved = realPath(joined) else {
            throw HTTPError(404, "\(relative.debugDescription) not found in static directory")
        }
        guard isInside(resolved, root: resolvedRoot) else {
            throw outsideRoot(relative)
        }
        return resolved
    }

    /// Refuses relative paths that are absolute or hold `..` segments, backslashes
    /// or NUL bytes, whatever the file system holds.
    static func checkSegments(_ relative: String) throws(HTTPError) {
        let bytes = relative.utf8
        if bytes.first == UInt8(ascii: "/") || bytes.contains(0) || bytes.contains(UInt8(ascii: "\\")) {
            throw outsideRoot(relative)
        }
        for segment in bytes.split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: true)
        where segment.elementsEqual("..".utf8) {
            throw outsideRoot(relative)
        }
    }

    /// True when `path` is `root` or below it. Byte-wise, because String comparison
    /// treats canonically equivalent Unicode spellings as equal while the kernel
    /// does not.
    static func isInside(_ path: String, root: String) -> Bool {
        if path.utf8.elementsEqual(root.utf8) { return true }
        let prefix = root.utf8.last == UInt8(ascii: "/") ? root : root + "/"
        return path.utf8.starts(with: prefix.utf8)
    }

    /// The canonical absolute path with every symlink resolved, or nil when some
    /// component does not exist or cannot be searched (or `path` holds a NUL, which
    /// would cut the C string short).
    static func realPath(_ path: String) -> String? {
        guard !path.utf8.contains(0), let resolved = Glibc.realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// Tornado's refusal: 403 "… is not in root static directory".
    static func outsideRoot(_ relative: String) -> HTTPError {
        HTTPError(403, "\(relative.debugDescription) is not in root static directory")
    }

    /// Tornado's refusal of directories and devices: 403 "… is not a file".
    static func notAFile(_ relative: String) -> HTTPError {
        HTTPError(403, "\(relative.debugDescription) is not a file")
    }
}
