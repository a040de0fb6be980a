// HTTPFieldLine: parsing of `name: value` lines (RFC 9112 §5) into HTTPHeaders.
// Shared by request heads, chunked trailers and multipart part headers. Strict
// where leniency enables smuggling: no whitespace before the colon, no obs-fold,
// no control bytes (bare CR included) in values.
//
// One pass per line: the name loop checks tchar up to the colon, the value loop
// checks field-value bytes eight at a time and stops at the first control byte,
// which must be the line ending. No separate search for LF is needed.

/// Field-line parsing over raw bytes.
enum HTTPFieldLine {
    /// Parses one line starting at `start`, which must end in CRLF or LF before `end`.
    /// - Returns: the name range, the value range with surrounding whitespace
    ///   trimmed, and the index after the line ending.
    /// - Throws: `.invalidHeader` for obs-fold, an empty or non-token name, whitespace
    ///   before the colon, a missing colon, or a control byte (CR, NUL, …) in the value.
    @inline(__always)
    static func parse(_ buffer: UnsafeRawBufferPointer, from start: Int, to end: Int) throws(HTTPParseError) -> (
        name: Range<Int>, value: Range<Int>, next: Int
    ) {
        var index = HTTPBytes.tokenEnd(buffer, from: start, to: end)
        guard index < end, buffer[index] == HTTPBytes.colon, index > start else {
            throw invalid(buffer, start, end, reason: nameProblem(buffer, start, end, at: index))
        }
        let name = start..<index
        index += 1
        let valueStart = index
        while end - index >= 8 && !HTTPBytes.hasControlByte(buffer.loadUnaligned(fromByteOffset: index, as: UInt64.self)) {
            index += 8
        }
        while index < end {
            let byte = buffer[index]
            guard byte >= 0x20 && byte != 0x7F || byte == HTTPBytes.tab else { break }
            index += 1
        }
        let valueEnd = index
        if index < end && buffer[index] == HTTPBytes.cr { index += 1 }
        guard index < end, buffer[index] == HTTPBytes.lf else {
            let position = valueEnd < end ? valueEnd : end - 1
            throw invalid(buffer, start, end, reason: "control character 0x\(String(buffer[position], radix: 16)) in value")
        }
        return (name, HTTPBytes.trimmingWhitespace(buffer, valueStart..<valueEnd), index + 1)
    }

    /// Parses every line of `buffer[range]` (CRLF- or LF-terminated lines, no empty
    /// line) into headers that copy the bytes once.
    /// - Parameters:
    ///   - lineCount: the number of lines, used to check `maxCount` and size storage.
    ///   - onField: sees each field's name and value bytes, e.g. to note framing headers.
    /// - Throws: `.tooManyHeaders` when `lineCount > maxCount`; errors of `parse`.
    static func parseBlock(
        _ buffer: UnsafeRawBufferPointer, _ range: Range<Int>, lineCount: Int, maxCount: Int,
        onField: (_ name: UnsafeRawBufferPointer, _ value: UnsafeRawBufferPointer) throws(HTTPParseError) -> Void
    ) throws(HTTPParseError) -> HTTPHeaders {
        guard lineCount <= maxCount else {
            throw HTTPParseError(.tooManyHeaders, "Too many header fields: \(lineCount) (limit \(maxCount))")
        }
        var fields: [HTTPHeaders.Field] = []
        fields.reserveCapacity(lineCount)
        let base = range.lowerBound
        var start = base
        while start < range.upperBound {
            let field = try parse(buffer, from: start, to: range.upperBound)
            try onField(.init(rebasing: buffer[field.name]), .init(rebasing: buffer[field.value]))
            fields.append(.init(name: (field.name.lowerBound - base)..<(field.name.upperBound - base),
                                value: (field.value.lowerBound - base)..<(field.value.upperBound - base)))
            start = field.next
        }
        return HTTPHeaders(receivedBytes: Array(UnsafeRawBufferPointer(rebasing: buffer[range])), fields: fields)
    }

    private static func nameProblem(_ buffer: UnsafeRawBufferPointer, _ start: Int, _ end: Int, at index: Int) -> String {
        if index == start, index < end, HTTPBytes.isWhitespace(buffer[index]) {
            return "obsolete line folding is not supported"
        }
        if index == end || buffer[index] == HTTPBytes.cr || buffer[index] == HTTPBytes.lf { return "missing colon" }
        if index == start && buffer[index] == HTTPBytes.colon { return "empty field name" }
        if HTTPBytes.isWhitespace(buffer[index]) { return "whitespace between field name and colon" }
        return "invalid character 0x\(String(buffer[index], radix: 16)) in field name"
    }

    /// An `.invalidHeader` error quoting the line that starts at `start`.
    private static func invalid(_ buffer: UnsafeRawBufferPointer, _ start: Int, _ end: Int, reason: String)
        -> HTTPParseError
    {
        var lineEnd = HTTPBytes.firstIndex(of: HTTPBytes.lf, in: buffer, from: start, to: end) ?? end
        if lineEnd > start && buffer[lineEnd - 1] == HTTPBytes.cr { lineEnd -= 1 }
        let line = HTTPBytes.printable(.init(rebasing: buffer[start..<lineEnd]))
        return HTTPParseError(.invalidHeader, "Invalid header line: \"\(line)\": \(reason)")
    }
}
