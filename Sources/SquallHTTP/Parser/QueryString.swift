// Query strings and application/x-www-form-urlencoded bodies, parsed the way
// Tornado fills `request.query_arguments` / `body_arguments`: Python's
// parse_qsl with keep_blank_values=True and "&" as the only separator (";" has
// not separated fields since Python 3.9.2).

/// Splits a query string into `(name, value)` pairs in order.
///
/// `"a=1&b=&c&a=2"` gives `[("a","1"), ("b",""), ("c",""), ("a","2")]`: "+" means
/// space, `%XX` escapes are decoded as UTF-8 (invalid sequences become U+FFFD, see
/// `PercentEncoding`), a field without "=" has an empty value, and empty fields
/// ("a=1&&b=2") are skipped. Never fails.
public func parseQueryString(_ query: String) -> [(name: String, value: String)] {
    var query = query
    return query.withUTF8 { parseURLEncoded(UnsafeRawBufferPointer($0)) }
}

/// `parseQueryString` over raw bytes, e.g. a form body.
func parseURLEncoded(_ bytes: UnsafeRawBufferPointer) -> [(name: String, value: String)] {
    var pairs: [(name: String, value: String)] = []
    var start = 0
    while start < bytes.count {
        let end = HTTPBytes.firstIndex(of: HTTPBytes.ampersand, in: bytes, from: start, to: bytes.count) ?? bytes.count
        if end > start {
            let equals = HTTPBytes.firstIndex(of: HTTPBytes.equals, in: bytes, from: start, to: end)
            let name = UnsafeRawBufferPointer(rebasing: bytes[start..<(equals ?? end)])
            let value = equals.map { UnsafeRawBufferPointer(rebasing: bytes[($0 + 1)..<end]) }
            pairs.append((
                PercentEncoding.decodeString(name, plusAsSpace: true),
                value.map { PercentEncoding.decodeString($0, plusAsSpace: true) } ?? ""
            ))
        }
        start = end + 1
    }
    return pairs
}
