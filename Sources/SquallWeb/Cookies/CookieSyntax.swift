// Cookie name and value syntax shared by `CookieHeader` and `SetCookie`.
//
// Mirrors Python's `http.cookies`, which Tornado uses on both sides: the set
// of legal name characters, the attribute names that cannot be cookie names,
// and the double-quote/backslash-octal quoting of values. Matching it
// exactly keeps cookies interchangeable with Tornado applications.

enum CookieSyntax {
    /// Attribute names (lowercased) that `http.cookies` refuses as cookie names.
    static let reservedNames: Set<String> = [
        "expires", "path", "comment", "domain", "max-age", "secure", "httponly", "version", "samesite",
    ]

    /// Characters a name (and an unquoted value) may contain: letters, digits, ``!#$%&'*+-.^_`|~:``.
    static func isLegalNameCharacter(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "a"..."z", "A"..."Z", "0"..."9": true
        case "!", "#", "$", "%", "&", "'", "*", "+", "-", ".", "^", "_", "`", "|", "~", ":": true
        default: false
        }
    }

    /// True for a non-empty string made only of legal name characters.
    static func isLegalName(_ text: some StringProtocol) -> Bool {
        !text.isEmpty && text.unicodeScalars.allSatisfy(isLegalNameCharacter)
    }

    /// True when a request cookie with this (UTF-8) name is kept: a legal,
    /// non-reserved name, the test `http.cookies.SimpleCookie` applies.
    static func isAcceptedName(_ name: some Collection<UInt8>) -> Bool {
        guard !name.isEmpty, name.allSatisfy({ $0 < 0x80 && isLegalNameCharacter(Unicode.Scalar($0)) }) else { return false }
        // Only names of reserved-name lengths need the (allocating) lowercase lookup.
        guard (4...8).contains(name.count) else { return true }
        return !reservedNames.contains(String(decoding: name, as: UTF8.self).lowercased())
    }

    /// Characters `http.cookies` leaves unescaped inside a quoted value.
    private static func isUnescapedInQuotes(_ scalar: Unicode.Scalar) -> Bool {
        isLegalNameCharacter(scalar) || " ()/<=>?@[]{}".unicodeScalars.contains(scalar)
    }

    /// Python's `http.cookies._quote`: a value made only of legal name
    /// characters is written as is; anything else (including the empty
    /// string) is double-quoted, with `"` and `\` backslash-escaped and other
    /// characters up to U+00FF written as `\ooo` octal. Callers have already
    /// refused characters beyond U+00FF.
    static func quote(_ value: String) -> String {
        if isLegalName(value) { return value }
        var quoted: [UInt8] = [UInt8(ascii: "\"")]
        quoted.reserveCapacity(value.utf8.count + 8)
        for scalar in value.unicodeScalars {
            if scalar == "\"" || scalar == "\\" {
                quoted += [UInt8(ascii: "\\"), UInt8(scalar.value)]
            } else if isUnescapedInQuotes(scalar) {
                quoted.append(UInt8(scalar.value))
            } else {
                let code = UInt8(truncatingIfNeeded: scalar.value)
                quoted += [UInt8(ascii: "\\"), 0x30 + code >> 6, 0x30 + (code >> 3) & 7, 0x30 + code & 7]
            }
        }
        quoted.append(UInt8(ascii: "\""))
        return String(decoding: quoted, as: UTF8.self)
    }

    /// Python's `http.cookies._unquote`: if `value` is wrapped in double
    /// quotes, removes them and decodes `\ooo` (first digit 0–3) octal
    /// escapes and `\x` escapes of any other character except a line feed;
    /// otherwise returns `value` unchanged.
    static func unquote(_ value: String) -> String {
        let bytes = value.utf8
        guard bytes.count >= 2, bytes.first == UInt8(ascii: "\""), bytes.last == UInt8(ascii: "\"") else { return value }
        let inner = Array(bytes.dropFirst().dropLast())
        var result: [UInt8] = []
        result.reserveCapacity(inner.count)
        var i = 0
        // Working on UTF-8 is safe: `\`, digits and `\n` never occur inside a multi-byte character.
        while i < inner.count {
            let byte = inner[i]
            guard byte == UInt8(ascii: "\\"), i + 1 < inner.count else {
                result.append(byte)
                i += 1
                continue
            }
            if let code = octalEscape(inner, at: i + 1) {
                result += Array(String(Unicode.Scalar(code)).utf8)
                i += 4
            } else if inner[i + 1] != UInt8(ascii: "\n") {
                // Python's `(.)` matches any character but a newline.
                result.append(inner[i + 1])
                i += 2
            } else {
                result.append(byte)
                i += 1
            }
        }
        return String(decoding: result, as: UTF8.self)
    }

    /// The value of three octal digits `[0-3][0-7][0-7]` starting at `start`, if present.
    private static func octalEscape(_ bytes: [UInt8], at start: Int) -> UInt8? {
        guard start + 3 <= bytes.count else { return nil }
        var code: UInt8 = 0
        for (offset, digit) in bytes[start..<start + 3].enumerated() {
            let highest = UInt8(ascii: offset == 0 ? "3" : "7")
            guard digit >= UInt8(ascii: "0"), digit <= highest else { return nil }
            code = code * 8 + (digit - UInt8(ascii: "0"))
        }
        return code
    }
}
