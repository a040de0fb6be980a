// Adding, replacing, removing and serializing header fields. Every name and
// value is validated on the way in (RFC 9110 token names; no CR, LF, NUL or other
// control bytes in values), so serialized headers can never be split or smuggled.
//
// Fields added here are stored in wire format, `Name: value\r\n`, back to back, so
// writing a response's headers is a single memcpy of the storage.

extension HTTPHeaders {
    /// Appends a field, keeping existing fields of the same name (like Tornado's
    /// `HTTPHeaders.add`; use it for `Set-Cookie`).
    /// - Throws: `HTTPValidationError.Kind.invalidHeaderName` when `name` is empty or
    ///   not an RFC 9110 token; `.invalidHeaderValue` when `value` holds a control
    ///   byte other than HTAB (CR, LF and NUL included). Nothing is added then.
    public mutating func add(_ name: String, _ value: String) throws(HTTPValidationError) {
        try insert(name, value, replacing: false)
    }

    /// Replaces every field called `name` (any case) by one `name: value` field,
    /// appended at the end (like assigning `headers[name]` in Tornado).
    /// - Throws: as `add(_:_:)`; the headers are unchanged when it throws.
    public mutating func set(_ name: String, _ value: String) throws(HTTPValidationError) {
        try insert(name, value, replacing: true)
    }

    /// Validates, optionally removes the old fields of that name, and appends.
    private mutating func insert(_ name: String, _ value: String, replacing: Bool) throws(HTTPValidationError) {
        var name = name
        var value = value
        let error = name.withUTF8 { nameBytes in
            value.withUTF8 { valueBytes -> HTTPValidationError? in
                let name = UnsafeRawBufferPointer(nameBytes)
                let value = UnsafeRawBufferPointer(valueBytes)
                if let error = Self.validationError(name: name, value: value) { return error }
                if replacing { remove(name) }
                appendField(name, value)
                return nil
            }
        }
        if let error { throw error }
    }

    /// Removes every field called `name` (any case).
    /// - Returns: how many fields were removed.
    @discardableResult
    public mutating func remove(_ name: String) -> Int {
        var name = name
        return name.withUTF8 { remove(UnsafeRawBufferPointer($0)) }
    }

    @discardableResult
    private mutating func remove(_ name: UnsafeRawBufferPointer) -> Int {
        let before = fields.count
        bytes.withUnsafeBytes { storage in
            fields.removeAll { field in
                HTTPBytes.equalsIgnoringCase(UnsafeRawBufferPointer(rebasing: storage[field.name]), name)
            }
        }
        // Header sets are small: repacking right away keeps storage in wire format
        // and bounded however often a field is replaced.
        if fields.count != before { repack() }
        return before - fields.count
    }

    /// Appends `Name: value\r\n` for every field, in order, to `buffer` (no final
    /// empty line). One memcpy for headers built with `add`/`set`.
    public func write(into buffer: inout [UInt8]) {
        bytes.withUnsafeBytes { storage in
            if isWireFormat {
                buffer.append(contentsOf: storage)
                return
            }
            for field in fields {
                buffer.append(contentsOf: UnsafeRawBufferPointer(rebasing: storage[field.name]))
                buffer.append(contentsOf: Self.separator)
                buffer.append(contentsOf: UnsafeRawBufferPointer(rebasing: storage[field.value]))
                buffer.append(contentsOf: Self.lineEnd)
            }
        }
    }

    /// The serialized size `write(into:)` appends, for reserving capacity.
    public var serializedByteCount: Int {
        isWireFormat ? bytes.count : fields.reduce(0) { $0 + $1.name.count + $1.value.count + 4 }
    }

    /// Appends a field whose name and value the caller has already validated.
    mutating func append(validatedName name: String, value: String) {
        var name = name
        var value = value
        name.withUTF8 { name in
            value.withUTF8 { value in appendField(UnsafeRawBufferPointer(name), UnsafeRawBufferPointer(value)) }
        }
    }

    /// Appends `name: value\r\n` to the storage and records the field.
    private mutating func appendField(_ name: UnsafeRawBufferPointer, _ value: UnsafeRawBufferPointer) {
        // Most header sets stay under these sizes: one allocation each instead of growth steps.
        if bytes.capacity == 0 { bytes.reserveCapacity(256) }
        if fields.capacity == 0 { fields.reserveCapacity(8) }
        let nameStart = bytes.count
        bytes.append(contentsOf: name)
        let nameEnd = bytes.count
        bytes.append(contentsOf: Self.separator)
        let valueStart = bytes.count
        bytes.append(contentsOf: value)
        fields.append(Field(name: nameStart..<nameEnd, value: valueStart..<bytes.count))
        bytes.append(contentsOf: Self.lineEnd)
    }

    /// Rewrites `bytes` to hold exactly the live fields, in wire format.
    private mutating func repack() {
        let old = self
        self = HTTPHeaders()
        bytes.reserveCapacity(old.serializedByteCount)
        fields.reserveCapacity(old.fields.count)
        old.bytes.withUnsafeBytes { storage in
            for field in old.fields {
                appendField(.init(rebasing: storage[field.name]), .init(rebasing: storage[field.value]))
            }
        }
    }

    private static var separator: UnsafeRawBufferPointer { HTTPBytes.raw(": ") }
    private static var lineEnd: UnsafeRawBufferPointer { HTTPBytes.raw("\r\n") }

    /// Why a name/value pair may not be stored, or nil when it may.
    private static func validationError(name: UnsafeRawBufferPointer, value: UnsafeRawBufferPointer) -> HTTPValidationError? {
        if name.isEmpty || HTTPBytes.tokenEnd(name, from: 0, to: name.count) != name.count {
            return HTTPValidationError(
                .invalidHeaderName,
                "Invalid header name \"\(HTTPBytes.printable(name))\": must be a non-empty RFC 9110 token")
        }
        if !HTTPBytes.isFieldValue(value) {
            return HTTPValidationError(
                .invalidHeaderValue,
                "Invalid value for header \(HTTPBytes.printable(name)): \"\(HTTPBytes.printable(value))\" "
                    + "contains a control character (CR, LF, NUL…)")
        }
        return nil
    }
}
