// Header values of the form `value; name=token; name="quoted string"` —
// Content-Type and Content-Disposition — as Tornado's `_parse_header` reads them,
// including RFC 2231/5987 extended parameters such as `filename*=UTF-8''%E2%82%AC.txt`.

/// A header value split into its main value and its parameters.
public struct HTTPParameterizedValue: Sendable {
    /// The main value, trimmed and lower-cased, e.g. "multipart/form-data" or "form-data".
    public var value: String
    /// The parameters in order, names lower-cased, quotes and escapes removed.
    /// An extended `name*` parameter is decoded and stored under `name`, replacing
    /// a plain `name` (RFC 6266 §4.3).
    public var parameters: [(name: String, value: String)]

    /// The value of parameter `name` (ASCII case ignored), or nil.
    public subscript(parameter name: String) -> String? {
        let name = name.lowercased()
        return parameters.first { $0.name == name }?.value
    }
}

/// Parses a Content-Type (or any `value; name=value` header) leniently: parameters
/// without "=" are skipped and an unterminated quoted string runs to the end. The
/// media type is lower-cased; parameter values keep their case. Inside quotes only
/// `\"` and `\\` are unescaped, so Windows paths sent by old browsers
/// (`filename="C:\dir\a.txt"`) survive, as in Tornado.
public func parseContentType(_ header: String) -> HTTPParameterizedValue {
    var header = header
    return header.withUTF8 { utf8 in
        let bytes = UnsafeRawBufferPointer(utf8)
        let firstSemicolon = HTTPBytes.firstIndex(of: HTTPBytes.semicolon, in: bytes, from: 0, to: bytes.count)
        let main = HTTPBytes.trimmingWhitespace(bytes, 0..<(firstSemicolon ?? bytes.count))
        var result = HTTPParameterizedValue(
            value: String(decoding: UnsafeRawBufferPointer(rebasing: bytes[main]), as: UTF8.self).lowercased(),
            parameters: [])
        var index = firstSemicolon.map { $0 + 1 } ?? bytes.count
        while index < bytes.count {
            let (parameter, next) = parseParameter(bytes, from: index)
            index = next
            guard let (name, value) = parameter else { continue }
            if name.hasSuffix("*") {
                let baseName = String(name.dropLast())
                guard let decoded = decodeExtendedValue(value) else { continue }
                result.parameters.removeAll { $0.name == baseName }
                result.parameters.append((baseName, decoded))
            } else if !result.parameters.contains(where: { $0.name == name }) {
                result.parameters.append((name, value))
            }
        }
        return result
    }
}

/// Reads one `name=value` parameter starting at `start` and returns it with the
/// index after its terminating ";".
private func parseParameter(_ bytes: UnsafeRawBufferPointer, from start: Int) -> (
    parameter: (String, String)?, next: Int
) {
    var index = start
    while index < bytes.count && bytes[index] != HTTPBytes.equals && bytes[index] != HTTPBytes.semicolon {
        index += 1
    }
    let nameRange = HTTPBytes.trimmingWhitespace(bytes, start..<index)
    guard index < bytes.count, bytes[index] == HTTPBytes.equals else { return (nil, index + 1) }
    index += 1
    while index < bytes.count && HTTPBytes.isWhitespace(bytes[index]) { index += 1 }
    var value: [UInt8] = []
    if index < bytes.count && bytes[index] == HTTPBytes.quote {
        index += 1
        while index < bytes.count && bytes[index] != HTTPBytes.quote {
            if bytes[index] == HTTPBytes.backslash, index + 1 < bytes.count,
                bytes[index + 1] == HTTPBytes.quote || bytes[index + 1] == HTTPBytes.backslash
            {
                index += 1
            }
            value.append(bytes[index])
            index += 1
        }
        while index < bytes.count && bytes[index] != HTTPBytes.semicolon { index += 1 }
    } else {
        let valueStart = index
        while index < bytes.count && bytes[index] != HTTPBytes.semicolon { index += 1 }
        value.append(contentsOf: UnsafeRawBufferPointer(rebasing: bytes[HTTPBytes.trimmingWhitespace(bytes, valueStart..<index)]))
    }
    let name = String(decoding: UnsafeRawBufferPointer(rebasing: bytes[nameRange]), as: UTF8.self).lowercased()
    guard !name.isEmpty else { return (nil, index + 1) }
    return ((name, String(decoding: value, as: UTF8.self)), index + 1)
}

/// RFC 5987 `charset'language'percent-encoded`; UTF-8, ISO-8859-1 and US-ASCII only.
private func decodeExtendedValue(_ value: String) -> String? {
    let pieces = value.split(separator: "'", maxSplits: 2, omittingEmptySubsequences: false)
    guard pieces.count == 3 else { return nil }
    let bytes = PercentEncoding.decodeBytes(String(pieces[2]))
    switch pieces[0].lowercased() {
    case "utf-8", "us-ascii":
        return String(validating: bytes, as: UTF8.self)
    case "iso-8859-1":
        return String(String.UnicodeScalarView(bytes.map { Unicode.Scalar($0) }))
    default:
        return nil
    }
}
