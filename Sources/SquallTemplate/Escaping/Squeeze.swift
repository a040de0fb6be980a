// Tornado's `squeeze`: collapse whitespace for compact inline text.

/// Replaces every run of ASCII control characters and spaces (U+0000–U+0020)
/// with one space, then trims leading and trailing whitespace, as Tornado's
/// `squeeze`.
public func squeeze(_ text: String) -> String {
    var out: [UInt8] = []
    out.reserveCapacity(text.utf8.count)
    var inRun = false
    for byte in text.utf8 {
        if byte <= 0x20 {
            if !inRun { out.append(UInt8(ascii: " ")) }
            inRun = true
        } else {
            out.append(byte)
            inRun = false
        }
    }
    return String(pythonStrip(Substring(String(decoding: out, as: UTF8.self))))
}
