// An open static file: one descriptor used for its metadata, its content hash and
// the bytes sent, so that the ETag describes the same file that is served even if
// the path is replaced meanwhile. Reads use `pread`, which is thread-safe on a
// shared descriptor, so the hash can be computed off the loop thread.
import Glibc
import SquallCore

/// Identifies one version of a file cheaply: if any of these change, the content
/// hash is recomputed.
struct FileStamp: Equatable, Sendable {
    let device: UInt
    let inode: UInt
    let size: Int
    let modifiedSeconds: Int
    let modifiedNanoseconds: Int
}

/// A file opened read-only; closed when the last reference goes away.
final class StaticFile: Sendable {
    /// What the path named.
    enum Kind: Sendable { case regular, directory, other }

    let descriptor: Int32
    let kind: Kind
    let stamp: FileStamp

    /// Size in bytes at open time.
    var size: Int { stamp.size }
    /// Whole seconds of the modification time (the precision of Last-Modified).
    var modifiedTime: Int { stamp.modifiedSeconds }

    /// Opens `path` (already resolved by `StaticPath`).
    ///
    /// `O_NONBLOCK` keeps a FIFO planted in the root from blocking the loop in
    /// `open`; it changes nothing for regular files. `O_NOFOLLOW` refuses a symlink
    /// swapped in after `realpath` resolved the path.
    ///
    /// - Throws: `HTTPError(404)` when the file vanished, `HTTPError(403)` when it
    ///   cannot be opened (permissions, symlink race).
    init(path: String, displayPath: String) throws(HTTPError) {
        let fd = Glibc.open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOFOLLOW)
        guard fd >= 0 else {
            let code = errno
            throw HTTPError(code == ENOENT ? 404 : 403,
                            "cannot open static file \(displayPath.debugDescription): errno \(code)")
        }
        var info = stat()
        guard fstat(fd, &info) == 0 else {
            let code = errno
            Glibc.close(fd)
            throw HTTPError(403, "cannot stat static file \(displayPath.debugDescription): errno \(code)")
        }
        descriptor = fd
        switch info.st_mode & S_IFMT {
        case S_IFREG: kind = .regular
        case S_IFDIR: kind = .directory
        default: kind = .other
        }
        stamp = FileStamp(device: UInt(info.st_dev), inode: UInt(info.st_ino), size: Int(info.st_size),
                          modifiedSeconds: Int(info.st_mtim.tv_sec), modifiedNanoseconds: Int(info.st_mtim.tv_nsec))
    }

    deinit { Glibc.close(descriptor) }

    /// Reads up to `buffer.count` bytes at `offset`, fewer only at the end of the file.
    ///
    /// - Throws: `StaticFileReadError` carrying errno.
    func read(at offset: Int, into buffer: UnsafeMutableRawBufferPointer) throws(StaticFileReadError) -> Int {
        var filled = 0
        while filled < buffer.count {
            let count = pread(descriptor, buffer.baseAddress! + filled, buffer.count - filled, off_t(offset + filled))
            if count == 0 { break }
            if count < 0 {
                if errno == EINTR { continue }
                throw StaticFileReadError(errno: errno)
            }
            filled += count
        }
        return filled
    }

    /// `count` bytes at `offset`; fewer when the file has shrunk since it was opened.
    ///
    /// - Throws: `StaticFileReadError` carrying errno.
    func read(at offset: Int, count: Int) throws(StaticFileReadError) -> [UInt8] {
        var failure: StaticFileReadError?
        let bytes = [UInt8](unsafeUninitializedCapacity: count) { buffer, initialized in
            do throws(StaticFileReadError) {
                initialized = try read(at: offset, into: UnsafeMutableRawBufferPointer(buffer))
            } catch {
                failure = error
                initialized = 0
            }
        }
        if let failure { throw failure }
        return bytes
    }

    /// Lowercase SHA-256 hex of the whole content, read in 64 KiB pieces; nil when
    /// reading fails. Safe to call off the loop thread.
    func contentHash() -> String? {
        var hasher = SHA256()
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 64 * 1024, alignment: 1)
        defer { buffer.deallocate() }
        var offset = 0
        while true {
            guard let count = try? read(at: offset, into: buffer) else { return nil }
            if count == 0 { break }
            hasher.update(UnsafeRawBufferPointer(rebasing: buffer[..<count]))
            offset += count
        }
        return Hex.encode(hasher.finalize())
    }
}

/// A failed read of a static file.
struct StaticFileReadError: Error, CustomStringConvertible {
    /// The `errno` of the failed `pread`.
    let errno: Int32
    /// `read failed: errno 5`.
    var description: String { "read failed: errno \(errno)" }
}
