// HTTPBlockScanner: finds where a header block (request head or chunked trailer
// section) ends — the first empty line — resumably across calls. It only looks
// for LF bytes with memchr; validating the lines is HTTPHeadDecoder's job once
// the whole block is present, so every head byte is visited by memchr plus one
// validating pass and never again.

/// Resumable search for the empty line that ends a block of lines.
///
/// The caller re-presents the same unconsumed bytes (plus new ones) on every call,
/// so positions are offsets from the block start and scanning resumes where the
/// previous call stopped.
struct HTTPBlockScanner: Sendable {
    /// Whether a lone LF ends a line (RFC 9112 §2.2 allows it in the head); when false,
    /// every line must end in CRLF.
    let allowsBareLF: Bool
    /// Start of the line not yet terminated.
    private var lineStart = 0
    /// Bytes already searched for LF.
    private var scanned = 0
    /// Complete non-empty lines seen so far.
    private(set) var lineCount = 0
    /// Length of the first line including its line ending, once complete.
    private(set) var firstLineLength: Int?

    init(allowsBareLF: Bool) {
        self.allowsBareLF = allowsBareLF
    }

    /// Whether nothing has been scanned yet.
    var isFresh: Bool { scanned == 0 }

    /// Searches `block[..<min(block.count, limit)]` for the terminating empty line.
    /// - Returns: the block length through the empty line's LF, or nil if not yet seen.
    /// - Throws: `kind` when `allowsBareLF` is false and a line ends in a lone LF.
    mutating func scan(
        _ block: UnsafeRawBufferPointer, limit: Int, bareLFError kind: HTTPParseError.Kind
    ) throws(HTTPParseError) -> Int? {
        let end = min(block.count, limit)
        if scanned > end {
            // The caller broke the re-presentation contract; start over safely.
            self = HTTPBlockScanner(allowsBareLF: allowsBareLF)
        }
        while let lf = HTTPBytes.firstIndex(of: HTTPBytes.lf, in: block, from: scanned, to: end) {
            let crTerminated = lf > lineStart && block[lf - 1] == HTTPBytes.cr
            if !allowsBareLF && !crTerminated {
                throw HTTPParseError(
                    kind, "Line not terminated by CRLF: \"\(HTTPBytes.printable(.init(rebasing: block[lineStart..<lf])))\"")
            }
            if lf - lineStart == (crTerminated ? 1 : 0) { return lf + 1 }
            if firstLineLength == nil { firstLineLength = lf + 1 }
            lineCount += 1
            lineStart = lf + 1
            scanned = lf + 1
        }
        scanned = end
        return nil
    }
}
