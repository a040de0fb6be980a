// HTTPDate: HTTP timestamps (RFC 9110 §5.6.7) for Date, Last-Modified, Expires and
// If-Modified-Since. Formatting is hand-written civil-from-days arithmetic
// (Howard Hinnant's algorithms) instead of a DateFormatter, so a Date header costs
// a few integer divisions. Parsing lives in HTTPDate+Parsing.swift.

/// IMF-fixdate formatting (`Sun, 06 Nov 1994 08:49:37 GMT`) and parsing of all
/// three HTTP date formats. Times are whole seconds since the UNIX epoch, UTC.
public enum HTTPDate {
    /// The first second representable with a four-digit year (0001-01-01T00:00:00Z).
    public static let earliest = -62_135_596_800
    /// The last second representable with a four-digit year (9999-12-31T23:59:59Z).
    public static let latest = 253_402_300_799

    /// Three-letter day names from Sunday and month names from January, back to back.
    static let dayNames: StaticString = "SunMonTueWedThuFriSat"
    static let monthNames: StaticString = "JanFebMarAprMayJunJulAugSepOctNovDec"

    /// The IMF-fixdate for `unixTime`, e.g. `HTTPDate.string(fromUnixTime: 784111777)`
    /// is "Sun, 06 Nov 1994 08:49:37 GMT". Times outside `earliest...latest` are clamped.
    public static func string(fromUnixTime unixTime: Int) -> String {
        var bytes: [UInt8] = []
        write(unixTime: unixTime, into: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends the 29-byte IMF-fixdate for `unixTime` (clamped to
    /// `earliest...latest`) to `buffer`. Allocation-free apart from buffer growth.
    public static func write(unixTime: Int, into buffer: inout [UInt8]) {
        let time = min(max(unixTime, earliest), latest)
        let days = time.floorDivided(by: 86_400)
        let secondOfDay = time - days * 86_400
        let (year, month, day) = civil(fromDays: days)
        // Filled in place on the stack, then appended with one copy.
        var text: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
        withUnsafeMutableBytes(of: &text) { out in
            out.copyMemory(from: HTTPBytes.raw("Sun, 00 Jan 0000 00:00:00 GMT"))
            copyName(dayNames, index: (days + 4).floorModulo(7), to: out, at: 0)  // 1970-01-01 was a Thursday.
            putDigits(day, count: 2, to: out, at: 5)
            copyName(monthNames, index: month - 1, to: out, at: 8)
            putDigits(year, count: 4, to: out, at: 12)
            putDigits(secondOfDay / 3600, count: 2, to: out, at: 17)
            putDigits(secondOfDay / 60 % 60, count: 2, to: out, at: 20)
            putDigits(secondOfDay % 60, count: 2, to: out, at: 23)
            buffer.append(contentsOf: UnsafeRawBufferPointer(rebasing: out[..<29]))
        }
    }

    /// (year, month 1...12, day 1...31) for a count of days since 1970-01-01.
    static func civil(fromDays days: Int) -> (year: Int, month: Int, day: Int) {
        let shifted = days + 719_468  // days since 0000-03-01
        let era = shifted.floorDivided(by: 146_097)
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let shiftedMonth = (5 * dayOfYear + 2) / 153  // 0 = March
        let day = dayOfYear - (153 * shiftedMonth + 2) / 5 + 1
        let month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    /// Days since 1970-01-01 for a proleptic Gregorian date (the inverse of `civil`).
    static func days(year: Int, month: Int, day: Int) -> Int {
        let marchYear = month <= 2 ? year - 1 : year
        let era = marchYear.floorDivided(by: 400)
        let yearOfEra = marchYear - era * 400
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    private static func copyName(
        _ names: StaticString, index: Int, to out: UnsafeMutableRawBufferPointer, at offset: Int
    ) {
        UnsafeMutableRawBufferPointer(rebasing: out[offset..<(offset + 3)])
            .copyMemory(from: UnsafeRawBufferPointer(rebasing: HTTPBytes.raw(names)[(index * 3)..<(index * 3 + 3)]))
    }

    private static func putDigits(_ value: Int, count: Int, to out: UnsafeMutableRawBufferPointer, at offset: Int) {
        var value = value
        for position in stride(from: offset + count - 1, through: offset, by: -1) {
            out[position] = UInt8(ascii: "0") &+ UInt8(value % 10)
            value /= 10
        }
    }
}

extension Int {
    /// Division rounding toward negative infinity (dates before 1970 need it).
    func floorDivided(by divisor: Int) -> Int {
        let quotient = self / divisor
        return (self % divisor != 0 && (self < 0) != (divisor < 0)) ? quotient - 1 : quotient
    }

    /// The non-negative remainder for a positive divisor.
    func floorModulo(_ divisor: Int) -> Int {
        self - floorDivided(by: divisor) * divisor
    }
}
