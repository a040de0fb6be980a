// HTTPHeaders: the ordered header fields of a request, response or multipart
// part, like Tornado's `httputil.HTTPHeaders`. Lookups ignore ASCII case.
//
// Storage is one byte buffer plus an array of (name, value) ranges into it, so a
// parsed head costs two allocations whatever its field count, lookups compare
// bytes without building Strings, and headers built with `add`/`set` are kept in
// wire format so serializing them is one memcpy.

/// Ordered, case-insensitive HTTP header fields.
///
/// Names and values are validated whenever they are added (see `add(_:_:)`), so a
/// value containing CR, LF or NUL can never reach the wire. Values are exposed as
/// UTF-8 Strings; bytes that are not valid UTF-8 (legal `obs-text` in HTTP) read as
/// U+FFFD. A value type: copies are independent (copy-on-write), `Sendable`.
public struct HTTPHeaders: Sendable {
    /// One field: byte ranges of its name and value in `bytes`.
    struct Field: Sendable {
        var name: Range<Int>
        var value: Range<Int>
    }

    var bytes: [UInt8]
    var fields: [Field]
    /// Whether `bytes` is exactly the fields as `Name: value\r\n` lines, in order —
    /// true when built by `add`/`set`/`remove`, false for a received head, whose
    /// whitespace and line endings are kept as sent.
    var isWireFormat = true

    /// Creates an empty header set. Does not allocate.
    public init() {
        bytes = []
        fields = []
    }

    /// Creates headers from `(name, value)` pairs in order.
    /// - Throws: `HTTPValidationError` for the first invalid name or value.
    public init(_ pairs: [(String, String)]) throws(HTTPValidationError) {
        self.init()
        for (name, value) in pairs { try add(name, value) }
    }

    /// Adopts already-validated storage; used by the parsers.
    init(receivedBytes bytes: [UInt8], fields: [Field]) {
        self.bytes = bytes
        self.fields = fields
        self.isWireFormat = fields.isEmpty
    }

    /// The number of fields (a repeated name counts once per line).
    public var count: Int { fields.count }

    /// Whether there are no fields.
    public var isEmpty: Bool { fields.isEmpty }

    /// The value for `name` (any case), or nil if absent. When the name occurs several
    /// times the values are joined with "," as Tornado does (RFC 9110 §5.3); use
    /// `values(for:)` for `Set-Cookie`, whose values must not be joined.
    public subscript(name: String) -> String? {
        var result: String?
        forEachValue(named: name) { value in
            let text = String(decoding: value, as: UTF8.self)
            result = result.map { $0 + "," + text } ?? text
            return true
        }
        return result
    }

    /// Every value for `name` (any case), in order; empty if absent.
    public func values(for name: String) -> [String] {
        var result: [String] = []
        forEachValue(named: name) { value in
            result.append(String(decoding: value, as: UTF8.self))
            return true
        }
        return result
    }

    /// Whether a field called `name` (any case) is present.
    public func contains(_ name: String) -> Bool {
        var found = false
        forEachValue(named: name) { _ in
            found = true
            return false
        }
        return found
    }

    /// Whether any `name` field's comma-separated list holds `token` (ASCII case
    /// ignored, whitespace around elements ignored), e.g.
    /// `containsToken("close", forName: "Connection")`.
    public func containsToken(_ token: String, forName name: String) -> Bool {
        var token = token
        var name = name
        return token.withUTF8 { token in
            name.withUTF8 { name in containsToken(UnsafeRawBufferPointer(token), forName: UnsafeRawBufferPointer(name)) }
        }
    }

    /// `containsToken` for constant names, without String bridging (hot path).
    func containsToken(_ token: StaticString, forName name: StaticString) -> Bool {
        containsToken(HTTPBytes.raw(token), forName: HTTPBytes.raw(name))
    }

    private func containsToken(_ token: UnsafeRawBufferPointer, forName name: UnsafeRawBufferPointer) -> Bool {
        var found = false
        forEachValue(named: name) { value in
            found = Self.listContains(value, token: token)
            return !found
        }
        return found
    }

    /// Calls `body` with each value whose field name equals `name` ignoring case,
    /// until it returns false.
    func forEachValue(named name: String, _ body: (UnsafeRawBufferPointer) -> Bool) {
        var name = name
        name.withUTF8 { forEachValue(named: UnsafeRawBufferPointer($0), body) }
    }

    private func forEachValue(named name: UnsafeRawBufferPointer, _ body: (UnsafeRawBufferPointer) -> Bool) {
        bytes.withUnsafeBytes { storage in
            for field in fields
            where HTTPBytes.equalsIgnoringCase(UnsafeRawBufferPointer(rebasing: storage[field.name]), name) {
                if !body(UnsafeRawBufferPointer(rebasing: storage[field.value])) { return }
            }
        }
    }

    /// Whether the comma-separated `list` has an element equal to `token` ignoring case.
    static func listContains(_ list: UnsafeRawBufferPointer, token: UnsafeRawBufferPointer) -> Bool {
        var start = 0
        while start <= list.count {
            let end = HTTPBytes.firstIndex(of: HTTPBytes.comma, in: list, from: start, to: list.count) ?? list.count
            let element = HTTPBytes.trimmingWhitespace(list, start..<end)
            if HTTPBytes.equalsIgnoringCase(UnsafeRawBufferPointer(rebasing: list[element]), token) { return true }
            start = end + 1
        }
        return false
    }
}

extension HTTPHeaders: Sequence {
    /// Iterates `(name, value)` pairs in order, names as received or added.
    public struct Iterator: IteratorProtocol {
        let headers: HTTPHeaders
        var index = 0

        /// The next field, or nil at the end.
        public mutating func next() -> (name: String, value: String)? {
            guard index < headers.fields.count else { return nil }
            let field = headers.fields[index]
            index += 1
            return headers.bytes.withUnsafeBytes { storage in
                (String(decoding: UnsafeRawBufferPointer(rebasing: storage[field.name]), as: UTF8.self),
                 String(decoding: UnsafeRawBufferPointer(rebasing: storage[field.value]), as: UTF8.self))
            }
        }
    }

    /// An iterator over the fields in order.
    public func makeIterator() -> Iterator { Iterator(headers: self) }

    /// The number of fields; iteration never yields more.
    public var underestimatedCount: Int { fields.count }
}

extension HTTPHeaders: Equatable {
    /// Equal when both hold the same fields in the same order, byte for byte
    /// (name case included).
    public static func == (lhs: HTTPHeaders, rhs: HTTPHeaders) -> Bool {
        guard lhs.fields.count == rhs.fields.count else { return false }
        return lhs.bytes.withUnsafeBytes { left in
            rhs.bytes.withUnsafeBytes { right in
                zip(lhs.fields, rhs.fields).allSatisfy { pair in
                    left[pair.0.name].elementsEqual(right[pair.1.name])
                        && left[pair.0.value].elementsEqual(right[pair.1.value])
                }
            }
        }
    }
}

extension HTTPHeaders: CustomStringConvertible {
    /// The fields as `Name: value` lines, for logs and debugging.
    public var description: String {
        map { "\($0.name): \($0.value)" }.joined(separator: "\n")
    }
}
