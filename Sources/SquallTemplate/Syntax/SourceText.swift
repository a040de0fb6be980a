// SourceText: a template's UTF-8 text plus what is needed to turn byte
// offsets into the line and column numbers that errors report.

/// The text of one template file, as UTF-8 bytes.
struct SourceText: Sendable {
    /// The template name errors report (`base.html`, `<string>`).
    let name: String
    let bytes: [UInt8]
    /// Offset of the first byte of each line, for line/column lookups.
    private let lineStarts: [Int]

    init(name: String, bytes: [UInt8]) {
        self.name = name
        // A UTF-8 byte order mark is an editor artefact, not template text.
        let text = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? Array(bytes.dropFirst(3)) : bytes
        self.bytes = text
        var starts = [0]
        for (offset, byte) in text.enumerated() where byte == UInt8(ascii: "\n") { starts.append(offset + 1) }
        lineStarts = starts
    }

    /// 1-based line and column (counted in Unicode scalars) of a byte offset.
    func location(of offset: Int) -> (line: Int, column: Int) {
        let clamped = min(max(offset, 0), bytes.count)
        var low = 0, high = lineStarts.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if lineStarts[middle] <= clamped { low = middle } else { high = middle - 1 }
        }
        let column = bytes[lineStarts[low]..<clamped].reduce(1) { count, byte in byte & 0xC0 == 0x80 ? count : count + 1 }
        return (low + 1, column)
    }

    /// A syntax error at `offset`.
    func syntaxError(_ message: String, at offset: Int) -> TemplateError {
        let (line, column) = location(of: offset)
        return TemplateError(kind: .syntax, templateName: name, line: line, column: column, message: message)
    }

    /// The position of `offset`, for errors raised while rendering.
    func position(of offset: Int) -> TemplatePosition {
        let (line, column) = location(of: offset)
        return TemplatePosition(templateName: name, line: line, column: column)
    }

    /// The text between two offsets.
    func text(_ range: Range<Int>) -> String {
        String(decoding: bytes[range], as: UTF8.self)
    }
}

/// Where a compiled construct came from; attached to runtime errors.
struct TemplatePosition: Sendable {
    let templateName: String
    let line: Int
    let column: Int

    /// A runtime error at this location.
    func error(_ message: String) -> TemplateError {
        TemplateError(kind: .runtime, templateName: templateName, line: line, column: column, message: message)
    }

    /// `error` with this location filled in if it has none yet (errors from
    /// nested templates keep their own, more precise position).
    func locate(_ error: TemplateError) -> TemplateError {
        guard !error.isLocated else { return error }
        var located = error
        located.templateName = templateName
        located.line = line
        located.column = column
        return located
    }
}
