// LinkifyScanner: finds URLs in HTML-escaped text exactly where Tornado's
// `_URL_RE` would, without a regular expression engine:
//
//   \b((?:([\w-]+):(/{1,3})|www[.])
//      (?:(?:(?:[^\s&()]|&amp;|&quot;)*(?:[^!"#$%&'()*+,.:;<=>?@\[\]^`{|}~\s]))
//        |(?:\((?:[^\s&()]|&amp;|&quot;)*\)))+)
//
// The body is a repetition of two alternatives: A, a run of URL characters
// (`&amp;`/`&quot;` count as one) cut back to its last character that is not
// punctuation; and B, a parenthesised run. Greedy matching of that regex never
// needs to revisit an earlier repetition, so one forward pass reproduces it.
import Glibc

/// A URL found by `LinkifyScanner`: byte offsets into the escaped text.
struct LinkifyMatch {
    var start: Int
    var end: Int
    /// End of the scheme (`http`), `nil` for `www.` links.
    var schemeEnd: Int?
    /// How many slashes followed `scheme:` (1–3).
    var slashes: Int
}

/// Scans UTF-8 bytes of already-escaped text for linkable URLs.
///
/// A match can only start where a `[\w-]` run reaches a `:` or where `www.`
/// begins, so instead of trying the pattern at every position the scanner
/// jumps between those candidates: linear time, and character-class lookups
/// only at candidate positions.
struct LinkifyScanner {
    let bytes: UnsafeBufferPointer<UInt8>
    /// Candidates found by an earlier search; still the leftmost ones for any
    /// later search position that has not passed them, so scans stay linear.
    private var schemeCache: (start: Int, colon: Int)?
    private var wwwCache: Int?
    /// Whether the caches hold a search result (`nil` then means "none left").
    private var searched = false

    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    /// The leftmost match starting at or after `position`, as `re.sub` finds them.
    mutating func nextMatch(from position: Int) -> LinkifyMatch? {
        var position = position
        while position < bytes.count {
            if !searched || schemeCache.map({ $0.start < position }) == true { schemeCache = schemeCandidate(from: position) }
            if !searched || wwwCache.map({ $0 < position }) == true { wwwCache = wwwCandidate(from: position) }
            searched = true
            let scheme = schemeCache
            let www = wwwCache
            if let scheme, scheme.start < www ?? Int.max {
                // A `[\w-]` run cannot contain `www.`, so no other start
                // shares this run; later starts in it would fail the same way.
                if let match = schemeMatch(at: scheme.start, colon: scheme.colon) { return match }
                position = scheme.colon + 1
            } else if let www {
                if let end = body(from: www + 4) {
                    return LinkifyMatch(start: www, end: end, schemeEnd: nil, slashes: 0)
                }
                position = www + 1
            } else {
                return nil
            }
        }
        return nil
    }

    /// The leftmost `\b[\w-]+:` at or after `position`: where the scheme starts
    /// and where its colon is.
    private func schemeCandidate(from position: Int) -> (start: Int, colon: Int)? {
        var searchFrom = position
        while let colon = find(UInt8(ascii: ":"), from: searchFrom) {
            var runStart = colon
            while runStart > position {
                let previous = scalarStart(before: runStart)
                guard isSchemeCharacter(at: previous) else { break }
                runStart = previous
            }
            var start = runStart
            while start < colon, !isBoundary(start) { start += scalar(at: start).length }
            if start < colon { return (start, colon) }
            searchFrom = colon + 1
        }
        return nil
    }

    /// The next `www.` at or after `position` that starts at a word boundary.
    private func wwwCandidate(from position: Int) -> Int? {
        var searchFrom = position
        while searchFrom + 4 <= bytes.count, let found = find(UInt8(ascii: "w"), from: searchFrom), found + 4 <= bytes.count {
            if bytes[found + 1] == UInt8(ascii: "w"), bytes[found + 2] == UInt8(ascii: "w"), bytes[found + 3] == UInt8(ascii: "."),
               !previousIsWord(found) {
                return found
            }
            searchFrom = found + 1
        }
        return nil
    }

    /// `:(/{1,3})` followed by a body; `/{1,3}` backs off one slash when the
    /// body cannot start after all of them.
    private func schemeMatch(at start: Int, colon: Int) -> LinkifyMatch? {
        var slashes = 0
        while slashes < 3, colon + 1 + slashes < bytes.count, bytes[colon + 1 + slashes] == UInt8(ascii: "/") {
            slashes += 1
        }
        guard slashes > 0 else { return nil }
        if let end = body(from: colon + 1 + slashes) {
            return LinkifyMatch(start: start, end: end, schemeEnd: colon, slashes: slashes)
        }
        if slashes > 1, let end = body(from: colon + slashes) {
            return LinkifyMatch(start: start, end: end, schemeEnd: colon, slashes: slashes - 1)
        }
        return nil
    }

    /// The first `byte` at or after `start` (memchr: vectorized by libc).
    private func find(_ byte: UInt8, from start: Int) -> Int? {
        guard start < bytes.count, let base = bytes.baseAddress else { return nil }
        guard let found = memchr(base + start, Int32(byte), bytes.count - start) else { return nil }
        return base.distance(to: found.assumingMemoryBound(to: UInt8.self))
    }

    /// `\b`: word and non-word characters meet at `position`.
    private func isBoundary(_ position: Int) -> Bool {
        isWord(at: position) != previousIsWord(position)
    }

    /// `[\w-]` at `position`.
    private func isSchemeCharacter(at position: Int) -> Bool {
        bytes[position] == UInt8(ascii: "-") || isWord(at: position)
    }

    /// `\w` at `position`, without decoding ASCII.
    @inline(__always)
    private func isWord(at position: Int) -> Bool {
        let byte = bytes[position]
        if byte < 0x80 { return isASCIIWordByte(byte) }
        return scalar(at: position).scalar.isPythonWordCharacter
    }

    /// One or more repetitions of alternative A or B; the end of the last one.
    private func body(from start: Int) -> Int? {
        var position = start
        var matched = false
        while position < bytes.count {
            if let lastEnding = urlRun(from: position).lastEnding {
                position = lastEnding
            } else if bytes[position] == UInt8(ascii: "(") {
                let closing = urlRun(from: position + 1).end
                guard closing < bytes.count, bytes[closing] == UInt8(ascii: ")") else { break }
                position = closing + 1
            } else {
                break
            }
            matched = true
        }
        return matched ? position : nil
    }

    /// The run of `[^\s&()]|&amp;|&quot;` items from `start`: where it ends,
    /// and the end of its last item that may end a URL (not punctuation).
    private func urlRun(from start: Int) -> (end: Int, lastEnding: Int?) {
        var position = start
        var lastEnding: Int?
        while position < bytes.count {
            let byte = bytes[position]
            if byte == UInt8(ascii: "&") {
                if hasPrefix("&amp;", at: position) {
                    position += 5
                } else if hasPrefix("&quot;", at: position) {
                    position += 6
                } else {
                    break
                }
                continue
            }
            if byte < 0x80 {
                // ASCII: whitespace and parentheses end the run; punctuation
                // cannot end a URL.
                if isRunBreak(byte) { break }
                position += 1
                if !isURLPunctuation(byte) { lastEnding = position }
                continue
            }
            let (scalar, length) = scalar(at: position)
            if scalar.isPythonWhitespace { break }
            position += length
            lastEnding = position
        }
        return (position, lastEnding)
    }

    private func hasPrefix(_ literal: StaticString, at position: Int) -> Bool {
        let count = literal.utf8CodeUnitCount
        guard position + count <= bytes.count else { return false }
        for offset in 0..<count where bytes[position + offset] != literal.utf8Start[offset] {
            return false
        }
        return true
    }

    private func previousIsWord(_ position: Int) -> Bool {
        position > 0 && isWord(at: scalarStart(before: position))
    }

    /// Where the scalar ending just before `position` starts.
    private func scalarStart(before position: Int) -> Int {
        var start = position - 1
        while start > 0, isContinuationByte(bytes[start]) { start -= 1 }
        return start
    }

    /// The scalar starting at `position` (a lead byte of valid UTF-8) and its length.
    private func scalar(at position: Int) -> (scalar: Unicode.Scalar, length: Int) {
        let lead = bytes[position]
        if lead < 0x80 { return (Unicode.Scalar(lead), 1) }
        let length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2
        var value = UInt32(lead) & (0xFF >> (length + 1))
        for offset in 1..<length where position + offset < bytes.count {
            value = value << 6 | UInt32(bytes[position + offset] & 0x3F)
        }
        return (Unicode.Scalar(value) ?? "\u{FFFD}", length)
    }
}

@inline(__always)
private func isContinuationByte(_ byte: UInt8) -> Bool {
    byte & 0xC0 == 0x80
}

/// Bytes ending a run of URL characters: ASCII whitespace as Python's `\s`
/// sees it (0x09–0x0D, 0x1C–0x20) and `(`, `)`.
@inline(__always)
private func isRunBreak(_ byte: UInt8) -> Bool {
    asciiSet(0x0000_0301_F000_3E00, 0, contains: byte)
}

/// ASCII characters that cannot end a URL: `!"#$%&'()*+,.:;<=>?@[\]^`{|}~`.
@inline(__always)
private func isURLPunctuation(_ byte: UInt8) -> Bool {
    asciiSet(0xFC00_5FFE_0000_0000, 0x7800_0001_7800_0001, contains: byte)
}
