// UploadDirectory: where uploads are stored, one file each. Saving is
// all-or-nothing: bytes go to a hidden temporary file first and appear under
// their name only when complete (`link` fails rather than replaces, so two
// uploads with one name never overwrite each other). All of it blocks, so
// handlers call it through `IOLoop.current.runInExecutor`.
import Foundation
import Glibc
import Squall

/// A directory of uploaded files.
struct UploadDirectory: Sendable {
    /// The directory, absolute.
    let path: String

    /// Uses `path`, creating it (and missing parents) when needed.
    ///
    /// - Throws: `UploadError` naming the directory when it cannot be created.
    init(path: String) throws(UploadError) {
        let absolute = URL(fileURLWithPath: path).standardizedFileURL.path
        do {
            try FileManager.default.createDirectory(atPath: absolute, withIntermediateDirectories: true)
        } catch {
            throw UploadError("cannot create the upload directory \(absolute): \(error.localizedDescription)")
        }
        self.path = absolute
    }

    /// Stores `bytes` as `name` (already made safe by `SafeFilename`), or as
    /// `name-2`, `name-3`, … when taken, and returns the name used.
    ///
    /// - Throws: `UploadError` when the file cannot be written.
    func save(_ bytes: [UInt8], as name: String) throws -> String {
        let temporary = path + "/.upload-" + Hex.encode((0..<8).map { _ in UInt8.random(in: .min ... .max) })
        try write(bytes, toNewFile: temporary)
        defer { unlink(temporary) }
        for number in 1...1000 {
            let candidate = number == 1 ? name : SafeFilename.numbered(name, number)
            if link(temporary, path + "/" + candidate) == 0 { return candidate }
            guard errno == EEXIST else { throw UploadError("cannot store \(candidate): \(String(cString: strerror(errno)))") }
        }
        throw UploadError("too many files are called \(name)")
    }

    /// The stored files, newest first; hidden files (uploads in progress) and
    /// anything but regular files are left out.
    ///
    /// - Throws: Foundation's error when the directory cannot be read.
    func files() throws -> [StoredFile] {
        let manager = FileManager.default
        let files = try manager.contentsOfDirectory(atPath: path).compactMap { name -> StoredFile? in
            guard !name.hasPrefix("."),
                  let attributes = try? manager.attributesOfItem(atPath: path + "/" + name),
                  attributes[.type] as? FileAttributeType == .typeRegular else { return nil }
            return StoredFile(name: name, size: (attributes[.size] as? Int) ?? 0,
                              modified: (attributes[.modificationDate] as? Date) ?? Date(timeIntervalSince1970: 0))
        }
        return files.sorted { ($0.modified, $0.name) > ($1.modified, $1.name) }
    }

    /// Creates `file` (which must not exist) holding `bytes`; removes it again
    /// when writing fails part-way, so no truncated file is left behind.
    private func write(_ bytes: [UInt8], toNewFile file: String) throws {
        let descriptor = open(file, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw UploadError("cannot create a file in \(path): \(String(cString: strerror(errno)))") }
        var written = 0
        while written < bytes.count {
            let count = bytes.withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress! + written, $0.count - written) }
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else {
                let reason = String(cString: strerror(errno))
                close(descriptor)
                unlink(file)
                throw UploadError("cannot write the upload: \(reason)")
            }
            written += count
        }
        guard close(descriptor) == 0 else {
            unlink(file)
            throw UploadError("cannot write the upload: \(String(cString: strerror(errno)))")
        }
    }
}
