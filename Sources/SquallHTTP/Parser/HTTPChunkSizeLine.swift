// HTTPChunkSizeLine: `chunk-size [ chunk-ext ] CRLF` (RFC 9112 §7.1). Extensions
// are validated and ignored. The line must end in CRLF: accepting a bare LF or
// odd bytes here is how "funky chunks" request smuggling works, so it is strict.

/// Parsing of one chunk-size line.
enum HTTPChunkSizeLine {
    /// Parses `line` (ending in CRLF) and returns the chunk size.
    /// - Parameter maxSize: the largest acceptable size; larger ones throw 413 before
    ///   any of the chunk's data is read.
    /// - Throws: `.invalidChunk` for a missing size, non-hex bytes, a bare LF, or
    ///   control bytes in extensions; `.bodyTooLarge` past `maxSize`.
    static func parse(_ line: UnsafeRawBufferPointer, maxSize: Int) throws(HTTPParseError) -> Int {
        guard line.count >= 2, line[line.count - 2] == HTTPBytes.cr else {
            throw invalid(line, "chunk size line must end with CRLF")
        }
        let end = line.count - 2
        var index = 0
        var size = 0
        while index < end, let digit = HTTPBytes.hexValue(line[index]) {
            // Saturate instead of overflowing: any huge size is rejected by the limit below.
            size = size <= (Int.max - 15) / 16 ? size * 16 + Int(digit) : Int.max
            index += 1
        }
        guard index > 0 else { throw invalid(line, "missing hexadecimal chunk size") }
        while index < end, HTTPBytes.isWhitespace(line[index]) { index += 1 }
        if index < end {
            guard line[index] == HTTPBytes.semicolon else { throw invalid(line, "unexpected character after size") }
            for position in index..<end where !HTTPBytes.isFieldValueByte(line[position]) {
                throw invalid(line, "control character in chunk extension")
            }
        }
        guard size <= maxSize else {
            throw HTTPParseError(.bodyTooLarge, "Chunked request body exceeds the limit of \(maxSize) bytes")
        }
        return size
    }

    private static func invalid(_ line: UnsafeRawBufferPointer, _ reason: String) -> HTTPParseError {
        HTTPParseError(.invalidChunk, "Invalid chunk size line \"\(HTTPBytes.printable(line))\": \(reason)")
    }
}
