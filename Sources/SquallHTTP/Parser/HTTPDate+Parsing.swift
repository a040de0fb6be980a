// Parsing HTTP dates. RFC 9110 §5.6.7 requires recipients to accept the preferred
// IMF-fixdate and the two obsolete forms still sent by old clients and caches:
//   IMF-fixdate  Sun, 06 Nov 1994 08:49:37 GMT
//   RFC 850      Sunday, 06-Nov-94 08:49:37 GMT
//   asctime      Sun Nov  6 08:49:37 1994

import Glibc

extension HTTPDate {
    /// Parses an HTTP date in any of the three RFC 9110 formats (names compared
    /// ignoring case, surrounding whitespace ignored).
    /// - Returns: seconds since the UNIX epoch, or nil when `text` is not a valid date
    ///   (callers treat an invalid If-Modified-Since as absent, RFC 9110 §13.1.3).
    public static func parse(_ text: String) -> Int? {
        parse(text, now: time(nil))
    }

    /// Parses like `parse(_:)`; `now` (UNIX seconds) resolves RFC 850 two-digit years:
    /// a year more than 50 years in the future means the same two digits a century
    /// earlier (RFC 9110 §5.6.7).
    public static func parse(_ text: String, now: Int) -> Int? {
        var text = text
        return text.withUTF8 { utf8 in
            let bytes = UnsafeRawBufferPointer(utf8)
            var cursor = DateCursor(bytes: bytes, range: HTTPBytes.trimmingWhitespace(bytes, 0..<bytes.count))
            return cursor.parseDate(now: now)
        }
    }
}

/// A forward-only reader over the bytes of a date.
private struct DateCursor {
    private static let fullDayNames: [StaticString] = [
        "Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday",
    ]
    let bytes: UnsafeRawBufferPointer
    var index: Int
    let end: Int

    init(bytes: UnsafeRawBufferPointer, range: Range<Int>) {
        self.bytes = bytes
        self.index = range.lowerBound
        self.end = range.upperBound
    }

    mutating func parseDate(now: Int) -> Int? {
        let dayNameStart = index
        while index < end, isLetter(bytes[index]) { index += 1 }
        let dayNameLength = index - dayNameStart
        guard dayNameLength >= 3, let weekday = nameIndex(HTTPDate.dayNames, at: dayNameStart),
            dayNameLength == 3
                || HTTPBytes.equalsIgnoringCase(.init(rebasing: bytes[dayNameStart..<index]), Self.fullDayNames[weekday])
        else { return nil }
        let result: (year: Int, month: Int, day: Int, seconds: Int)?
        if dayNameLength == 3 && skip(HTTPBytes.comma) {
            result = fixdate()
        } else if dayNameLength == 3 {
            result = asctime()
        } else {
            result = rfc850(now: now)
        }
        guard let result, index == end, result.day >= 1, result.day <= daysInMonth(result.year, result.month)
        else { return nil }
        return HTTPDate.days(year: result.year, month: result.month, day: result.day) * 86_400 + result.seconds
    }

    /// `SP 06 SP Nov SP 1994 SP 08:49:37 SP GMT` (after "Sun,").
    private mutating func fixdate() -> (Int, Int, Int, Int)? {
        guard skip(HTTPBytes.space), let day = digits(2), skip(HTTPBytes.space), let month = month(),
            skip(HTTPBytes.space), let year = digits(4), skip(HTTPBytes.space), let seconds = timeOfDay(),
            gmt()
        else { return nil }
        return (year, month, day, seconds)
    }

    /// `, 06-Nov-94 08:49:37 GMT` (after "Sunday").
    private mutating func rfc850(now: Int) -> (Int, Int, Int, Int)? {
        guard skip(HTTPBytes.comma), skip(HTTPBytes.space), let day = digits(2), skip(UInt8(ascii: "-")),
            let month = month(), skip(UInt8(ascii: "-")), let shortYear = digits(2), skip(HTTPBytes.space),
            let seconds = timeOfDay(), gmt()
        else { return nil }
        let currentYear = HTTPDate.civil(fromDays: now.floorDivided(by: 86_400)).year
        var year = currentYear - currentYear.floorModulo(100) + shortYear
        if year > currentYear + 50 { year -= 100 }
        return (year, month, day, seconds)
    }

    /// ` Nov  6 08:49:37 1994` (after "Sun"); the day is space- or zero-padded.
    private mutating func asctime() -> (Int, Int, Int, Int)? {
        guard skip(HTTPBytes.space), let month = month(), skip(HTTPBytes.space) else { return nil }
        if index < end && bytes[index] == HTTPBytes.space { index += 1 }
        guard let day = digits(index + 1 < end && bytes[index + 1] == HTTPBytes.space ? 1 : 2),
            skip(HTTPBytes.space), let seconds = timeOfDay(), skip(HTTPBytes.space), let year = digits(4)
        else { return nil }
        return (year, month, day, seconds)
    }

    /// `HH:MM:SS` as seconds of the day; second 60 (a leap second) is allowed.
    private mutating func timeOfDay() -> Int? {
        guard let hour = digits(2), hour < 24, skip(HTTPBytes.colon), let minute = digits(2), minute < 60,
            skip(HTTPBytes.colon), let second = digits(2), second <= 60
        else { return nil }
        return hour * 3600 + minute * 60 + second
    }

    private mutating func month() -> Int? {
        guard index + 3 <= end, let month = nameIndex(HTTPDate.monthNames, at: index) else { return nil }
        index += 3
        return month + 1
    }

    private mutating func gmt() -> Bool {
        skip(HTTPBytes.space) && skip(UInt8(ascii: "G")) && skip(UInt8(ascii: "M")) && skip(UInt8(ascii: "T"))
    }

    private mutating func digits(_ count: Int) -> Int? {
        guard index + count <= end else { return nil }
        var value = 0
        for _ in 0..<count {
            let digit = bytes[index] &- UInt8(ascii: "0")
            guard digit < 10 else { return nil }
            value = value * 10 + Int(digit)
            index += 1
        }
        return value
    }

    private mutating func skip(_ byte: UInt8) -> Bool {
        guard index < end, HTTPBytes.lowercased(bytes[index]) == HTTPBytes.lowercased(byte) else { return false }
        index += 1
        return true
    }

    /// The index of the 3-letter name at `position` in the concatenated `names`,
    /// ignoring case.
    private func nameIndex(_ names: StaticString, at position: Int) -> Int? {
        guard position + 3 <= end else { return nil }
        let candidate = UnsafeRawBufferPointer(rebasing: bytes[position..<(position + 3)])
        let table = HTTPBytes.raw(names)
        return (0..<(table.count / 3)).first { index in
            HTTPBytes.equalsIgnoringCase(candidate, UnsafeRawBufferPointer(rebasing: table[(index * 3)..<(index * 3 + 3)]))
        }
    }

    private func isLetter(_ byte: UInt8) -> Bool {
        HTTPBytes.lowercased(byte) &- UInt8(ascii: "a") < 26
    }

    private func daysInMonth(_ year: Int, _ month: Int) -> Int {
        switch month {
        case 2: year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }
}
