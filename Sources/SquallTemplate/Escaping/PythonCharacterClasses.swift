// Python's Unicode character classes, as Tornado's regular expressions see
// them: `\s` / `str.isspace()` and `\w` (letters, digits, numerics and `_`).

extension Unicode.Scalar {
    /// Python's `str.isspace()` (and regex `\s` on `str` patterns): Unicode
    /// bidi classes WS, B, S plus category Zs.
    var isPythonWhitespace: Bool {
        switch value {
        case 0x09...0x0D, 0x1C...0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000:
            return true
        default:
            return false
        }
    }

    /// Python's regex `\w` on `str` patterns: alphanumeric (any script) or `_`.
    var isPythonWordCharacter: Bool {
        if value < 0x80 { return isASCIIWordByte(UInt8(truncatingIfNeeded: value)) }
        switch properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter:
            return true
        default:
            return properties.numericType != nil
        }
    }
}

/// Python's `str.strip()` with no argument: trims `isspace()` characters.
func pythonStrip(_ text: Substring, leading: Bool = true, trailing: Bool = true) -> Substring {
    var scalars = text.unicodeScalars[...]
    if leading {
        while let first = scalars.first, first.isPythonWhitespace { scalars.removeFirst() }
    }
    if trailing {
        while let last = scalars.last, last.isPythonWhitespace { scalars.removeLast() }
    }
    return Substring(scalars)
}

/// Whether `byte` is in the ASCII set given as two 64-bit masks (bytes
/// 0–63 in `low`, 64–127 in `high`). Plain integer constants, so the masks
/// need no lazy global initialization on the hot path.
@inline(__always)
func asciiSet(_ low: UInt64, _ high: UInt64, contains byte: UInt8) -> Bool {
    byte < 64 ? (low >> byte) & 1 != 0 : byte < 128 && (high >> (byte &- 64)) & 1 != 0
}

/// ASCII `\w`: digits, letters and `_`.
@inline(__always)
func isASCIIWordByte(_ byte: UInt8) -> Bool {
    asciiSet(0x03FF_0000_0000_0000, 0x07FF_FFFE_87FF_FFFE, contains: byte)
}
