// TemplateStore: where template text comes from — a directory on disk
// (Tornado's `Loader`) or an in-memory dictionary (Tornado's `DictLoader`).
// File reads use plain POSIX calls and re-check, after resolving symlinks,
// that the file is still inside the root.
import Glibc

enum TemplateStore: Sendable {
    /// Files below `root`, an absolute path without symlinks.
    case directory(root: String)
    /// Templates given as strings, keyed by normalized name.
    case dictionary([String: String])

    /// A store for a directory, resolving the root once.
    /// - Throws: `TemplateError` (`.io`) if the directory does not exist.
    static func directory(_ path: String) throws(TemplateError) -> TemplateStore {
        guard let resolved = realPath(path) else {
            throw TemplateError(kind: .io, templateName: path, line: 0, message: "template directory \(pythonQuoted(path)) does not exist")
        }
        return .directory(root: resolved)
    }

    /// The bytes of the template with normalized name `name`.
    func read(_ name: String) throws(TemplateError) -> [UInt8] {
        switch self {
        case .dictionary(let templates):
            guard let text = templates[name] else { throw notFound(name, "in the template dictionary") }
            return Array(text.utf8)
        case .directory(let root):
            guard let resolved = Self.realPath(root + "/" + name) else { throw notFound(name, "in \(root)") }
            guard resolved.hasPrefix(root == "/" ? "/" : root + "/") else {
                throw TemplateError(kind: .invalidName, templateName: name, line: 0,
                                    message: "refusing template \(pythonQuoted(name)): it resolves outside the template root (symlink)")
            }
            return try Self.readFile(resolved, name: name)
        }
    }

    private func notFound(_ name: String, _ place: String) -> TemplateError {
        TemplateError(kind: .notFound, templateName: name, line: 0, message: "no template named \(pythonQuoted(name)) \(place)")
    }

    private static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    private static func readFile(_ path: String, name: String) throws(TemplateError) -> [UInt8] {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw ioError(name, "cannot open: \(String(cString: strerror(errno)))") }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG else {
            throw ioError(name, "not a regular file")
        }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let count = chunk.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress, $0.count) }
            if count == 0 { return bytes }
            if count < 0 {
                if errno == EINTR { continue }
                throw ioError(name, "read failed: \(String(cString: strerror(errno)))")
            }
            bytes.append(contentsOf: chunk[..<count])
        }
    }

    private static func ioError(_ name: String, _ reason: String) -> TemplateError {
        TemplateError(kind: .io, templateName: name, line: 0, message: "template \(pythonQuoted(name)): \(reason)")
    }
}
