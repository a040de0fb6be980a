// multipart/form-data bodies (RFC 7578 over RFC 2046 §5.1): a preamble, parts
// separated by `CRLF--boundary`, a closing `--boundary--` and an epilogue. Part
// bodies are binary-safe: only a delimiter that starts a line and is followed by
// "--" or by optional whitespace and CRLF ends a part.

import Glibc

/// Parses a multipart/form-data body into fields and files (Tornado's
/// `parse_multipart_form_data`). Preamble and epilogue are ignored; a part with a
/// non-empty `filename` (or `filename*`) is a file, any other part a field.
/// - Parameters:
///   - boundary: the Content-Type `boundary` parameter (surrounding quotes are removed).
///   - maxPartHeaderSize: the largest header section of one part, in bytes. Default 16 KiB.
/// - Throws: `HTTPFormError` (400) when no boundary is found, the final boundary is
///   missing, a boundary line or part header is malformed or too large, or a part
///   lacks `Content-Disposition: form-data; name=…`. Tornado logs and skips these;
///   reporting them avoids silently dropping data.
public func parseMultipartFormData(
    boundary: String, body: [UInt8], maxPartHeaderSize: Int = 16_384
) throws(HTTPFormError) -> HTTPFormData {
    var boundary = Substring(boundary)
    if boundary.count >= 2 && boundary.hasPrefix("\"") && boundary.hasSuffix("\"") {
        boundary = boundary.dropFirst().dropLast()
    }
    guard !boundary.isEmpty, !boundary.utf8.contains(where: { $0 == HTTPBytes.cr || $0 == HTTPBytes.lf }) else {
        throw HTTPFormError("Invalid multipart/form-data: empty or invalid boundary")
    }
    let delimiter = Array("\r\n--\(boundary)".utf8)
    // withUnsafeBytes is not typed-throws; carry the typed error out in a Result.
    let result = body.withUnsafeBytes { data in
        delimiter.withUnsafeBytes { delimiter in
            let reader = MultipartReader(data: data, delimiter: delimiter, maxPartHeaderSize: maxPartHeaderSize)
            return Result { () throws(HTTPFormError) in try reader.read() }
        }
    }
    return try result.get()
}

/// Walks the parts of one body.
private struct MultipartReader {
    let data: UnsafeRawBufferPointer
    /// `CRLF--boundary`.
    let delimiter: UnsafeRawBufferPointer
    let maxPartHeaderSize: Int

    func read() throws(HTTPFormError) -> HTTPFormData {
        // The first delimiter may open the body, without the CRLF that precedes later ones.
        let opening = UnsafeRawBufferPointer(rebasing: delimiter[2...])
        var position: Int
        if data.starts(with: opening) && isDelimiterEnd(at: opening.count) {
            position = opening.count
        } else if let found = nextDelimiter(from: 0) {
            position = found + delimiter.count
        } else {
            throw HTTPFormError("Invalid multipart/form-data: no boundary found")
        }
        var form = HTTPFormData()
        while true {
            if data.count - position >= 2 && data[position] == UInt8(ascii: "-") && data[position + 1] == UInt8(ascii: "-") {
                return form
            }
            while position < data.count && HTTPBytes.isWhitespace(data[position]) { position += 1 }
            position += 2  // CRLF, guaranteed by isDelimiterEnd
            let (headers, bodyStart) = try partHeaders(from: position)
            guard let bodyEnd = nextDelimiter(from: bodyStart) else {
                throw HTTPFormError("Invalid multipart/form-data: missing final boundary")
            }
            try add(headers: headers, body: UnsafeRawBufferPointer(rebasing: data[bodyStart..<bodyEnd]), to: &form)
            position = bodyEnd + delimiter.count
        }
    }

    /// Parses the header section starting at `start`; returns it and where the body starts.
    private func partHeaders(from start: Int) throws(HTTPFormError) -> (HTTPHeaders, Int) {
        if data.count - start >= 2 && data[start] == HTTPBytes.cr && data[start + 1] == HTTPBytes.lf {
            return (HTTPHeaders(), start + 2)
        }
        let searchEnd = min(data.count, start + maxPartHeaderSize + 4)
        guard let blankLine = find(Self.blankLine, from: start, to: searchEnd) else {
            throw HTTPFormError(
                searchEnd == data.count
                    ? "Invalid multipart/form-data: part headers are not terminated"
                    : "Invalid multipart/form-data: part headers exceed \(maxPartHeaderSize) bytes")
        }
        let range = start..<(blankLine + 2)
        let lineCount = data[range].reduce(0) { $0 + ($1 == HTTPBytes.lf ? 1 : 0) }
        do {
            let headers = try HTTPFieldLine.parseBlock(data, range, lineCount: lineCount, maxCount: lineCount) { _, _ in }
            return (headers, blankLine + 4)
        } catch {
            throw HTTPFormError("Invalid multipart/form-data part header: \(error.message)")
        }
    }

    /// Files a part under `form` according to its Content-Disposition.
    private func add(headers: HTTPHeaders, body: UnsafeRawBufferPointer, to form: inout HTTPFormData)
        throws(HTTPFormError)
    {
        guard let dispositionHeader = headers["Content-Disposition"] else {
            throw HTTPFormError("Invalid multipart/form-data: part without Content-Disposition")
        }
        let disposition = parseContentType(dispositionHeader)
        guard disposition.value == "form-data" else {
            throw HTTPFormError("Invalid multipart/form-data: Content-Disposition is \"\(disposition.value)\", not form-data")
        }
        guard let name = disposition[parameter: "name"], !name.isEmpty else {
            throw HTTPFormError("Invalid multipart/form-data: part without a name")
        }
        if let filename = disposition[parameter: "filename"], !filename.isEmpty {
            let contentType = headers["Content-Type"] ?? "application/unknown"
            form.files.append((name, HTTPFile(filename: filename, contentType: contentType, body: Array(body))))
        } else {
            form.arguments.append((name, String(decoding: body, as: UTF8.self)))
        }
    }

    /// The start of the next `CRLF--boundary` at or after `start` that is a real
    /// delimiter (followed by "--" or by whitespace and CRLF).
    private func nextDelimiter(from start: Int) -> Int? {
        var from = start
        while let candidate = find(delimiter, from: from, to: data.count) {
            if isDelimiterEnd(at: candidate + delimiter.count) { return candidate }
            from = candidate + 1
        }
        return nil
    }

    /// Whether the bytes at `index` close a delimiter: "--", or SP/HTAB* CRLF.
    private func isDelimiterEnd(at index: Int) -> Bool {
        var index = index
        if data.count - index >= 2 && data[index] == UInt8(ascii: "-") && data[index + 1] == UInt8(ascii: "-") {
            return true
        }
        while index < data.count && HTTPBytes.isWhitespace(data[index]) { index += 1 }
        return data.count - index >= 2 && data[index] == HTTPBytes.cr && data[index + 1] == HTTPBytes.lf
    }

    private static var blankLine: UnsafeRawBufferPointer { HTTPBytes.raw("\r\n\r\n") }

    /// First occurrence of `needle` in `data[from..<to]` (memchr for its first byte,
    /// then memcmp).
    private func find(_ needle: UnsafeRawBufferPointer, from: Int, to: Int) -> Int? {
        var index = from
        while to - index >= needle.count,
            let hit = HTTPBytes.firstIndex(of: needle[0], in: data, from: index, to: to - needle.count + 1)
        {
            if memcmp(data.baseAddress! + hit, needle.baseAddress!, needle.count) == 0 { return hit }
            index = hit + 1
        }
        return nil
    }
}
