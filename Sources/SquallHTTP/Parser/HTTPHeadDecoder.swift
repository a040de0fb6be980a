// HTTPHeadDecoder: turns one complete request head (request line, field lines,
// empty line) into an HTTPRequestHead plus its body framing, enforcing RFC 9112
// request-line syntax, the Host rules of §3.2 and the framing rules of §6.

/// Decodes a complete, size-checked request head.
enum HTTPHeadDecoder {
    /// Decodes `block`, which ends with the empty line and holds `lineCount`
    /// non-empty lines, the first being `firstLineLength` bytes long with its ending.
    static func decode(
        _ block: UnsafeRawBufferPointer, lineCount: Int, firstLineLength: Int, configuration: HTTPParserConfiguration
    ) throws(HTTPParseError) -> (head: HTTPRequestHead, bodyLength: HTTPBodyLength) {
        var lineEnd = firstLineLength - 1
        if lineEnd > 0 && block[lineEnd - 1] == HTTPBytes.cr { lineEnd -= 1 }
        var authority: String?
        var head = try HTTPRequestLine.parse(UnsafeRawBufferPointer(rebasing: block[..<lineEnd]), authority: &authority)
        let version = head.version

        var framing = HTTPBodyFramingFields()
        var hostCount = 0
        // The field lines: everything after the request line, minus the empty line.
        let emptyLineLength = block[block.count - 2] == HTTPBytes.cr ? 2 : 1
        head.headers = try HTTPFieldLine.parseBlock(
            block, firstLineLength..<(block.count - emptyLineLength), lineCount: lineCount - 1,
            maxCount: configuration.maxHeaderCount
        ) { name, value throws(HTTPParseError) in
            // Only the few framing-relevant names are inspected; length first keeps it cheap.
            switch name.count {
            case 4 where HTTPBytes.equalsIgnoringCase(name, "host"):
                hostCount += 1
                try validateHost(value)
            case 14 where HTTPBytes.equalsIgnoringCase(name, "content-length"):
                try framing.addContentLength(value)
            case 17 where HTTPBytes.equalsIgnoringCase(name, "transfer-encoding"):
                try framing.addTransferEncoding(value)
            default:
                break
            }
        }
        if hostCount > 1 {
            throw HTTPParseError(.invalidHost, "Multiple Host headers")
        }
        if let authority {
            // RFC 9112 §3.2.2: the absolute-form authority replaces any Host field.
            head.headers.remove("Host")
            head.headers.append(validatedName: "Host", value: authority)
        } else if hostCount == 0 && version >= .http1_1 {
            throw HTTPParseError(.invalidHost, "Missing Host header")
        }
        let bodyLength = try framing.resolve(version: version)
        return (head, bodyLength)
    }

    /// RFC 9110 §7.2 Host: `uri-host [":" port]`, or empty. Refusing other bytes
    /// (space, "/", "@", "\") stops Host-header tricks before routing or URL building.
    static func validateHost(_ value: UnsafeRawBufferPointer) throws(HTTPParseError) {
        for byte in value where !isHostByte(byte) {
            throw HTTPParseError(.invalidHost, "Invalid Host header: \"\(HTTPBytes.printable(value))\"")
        }
    }

    /// unreserved / sub-delims / ":" / "[" / "]" / "%" (RFC 3986 host and port).
    @inline(__always)
    static func isHostByte(_ byte: UInt8) -> Bool {
        HTTPBytes.inBitmap(byte, low: 0x2FFF_7FF2_0000_0000, high: 0x47FF_FFFE_AFFF_FFFE)
    }
}
