// HTTPDate: IMF-fixdate formatting against known timestamps, parsing of all three
// RFC 9110 formats, rejection of invalid dates, and round trips.

import Testing
import SquallHTTP

@Suite("HTTPDate")
struct HTTPDateTests {
    @Test(arguments: [
        (784_111_777, "Sun, 06 Nov 1994 08:49:37 GMT"),
        (0, "Thu, 01 Jan 1970 00:00:00 GMT"),
        (-1, "Wed, 31 Dec 1969 23:59:59 GMT"),
        (951_782_400, "Tue, 29 Feb 2000 00:00:00 GMT"),
        (1_709_164_800, "Thu, 29 Feb 2024 00:00:00 GMT"),
        (1_700_000_000, "Tue, 14 Nov 2023 22:13:20 GMT"),
        (2_147_483_647, "Tue, 19 Jan 2038 03:14:07 GMT"),
        (4_102_444_800, "Fri, 01 Jan 2100 00:00:00 GMT"),
        (253_402_300_799, "Fri, 31 Dec 9999 23:59:59 GMT"),
        (-62_135_596_800, "Mon, 01 Jan 0001 00:00:00 GMT"),
    ])
    func formatsKnownTimestamps(_ time: Int, expected: String) {
        #expect(HTTPDate.string(fromUnixTime: time) == expected)
        #expect(HTTPDate.parse(expected) == time)
    }

    @Test func clampsOutOfRangeTimes() {
        #expect(HTTPDate.string(fromUnixTime: .max) == "Fri, 31 Dec 9999 23:59:59 GMT")
        #expect(HTTPDate.string(fromUnixTime: .min) == "Mon, 01 Jan 0001 00:00:00 GMT")
    }

    @Test func writeAppendsTwentyNineBytes() {
        var bytes: [UInt8] = Array("Date: ".utf8)
        HTTPDate.write(unixTime: 784_111_777, into: &bytes)
        #expect(String(decoding: bytes, as: UTF8.self) == "Date: Sun, 06 Nov 1994 08:49:37 GMT")
    }

    @Test(arguments: [
        "Sun, 06 Nov 1994 08:49:37 GMT",
        "Sunday, 06-Nov-94 08:49:37 GMT",
        "Sun Nov  6 08:49:37 1994",
        "Sun Nov 06 08:49:37 1994",
        "sun, 06 nov 1994 08:49:37 gmt",
        "  Sun, 06 Nov 1994 08:49:37 GMT \t",
    ])
    func parsesAllThreeFormats(_ text: String) {
        #expect(HTTPDate.parse(text, now: 1_700_000_000) == 784_111_777)
    }

    @Test(arguments: [
        ("Wednesday, 01-Jan-70 00:00:00 GMT", 3_155_760_000),
        ("Tuesday, 01-Jan-30 00:00:00 GMT", 1_893_456_000),
        ("Tuesday, 01-Jan-80 00:00:00 GMT", 315_532_800),
    ])
    func rfc850TwoDigitYearsFollowTheFiftyYearRule(_ text: String, expected: Int) {
        // Relative to 2023: "30" is 2030 and "70" is 2070 (≤ 50 years ahead), "80" is 1980
        // (2080 would be more than 50 years ahead).
        #expect(HTTPDate.parse(text, now: 1_700_000_000) == expected)
    }

    @Test(arguments: [
        "", "garbage", "Sun, 31 Feb 1994 08:49:37 GMT", "Sun, 29 Feb 1900 08:49:37 GMT",
        "Sun, 00 Nov 1994 08:49:37 GMT", "Sun, 06 Nov 1994 24:00:00 GMT", "Sun, 06 Nov 1994 08:60:00 GMT",
        "Sun, 06 Nov 1994 08:49:61 GMT", "Sun, 06 Nov 1994 08:49:37 UTC", "Sun, 06 Nov 94 08:49:37 GMT",
        "Sun, 06 Nov 1994 08:49:37 GMT junk", "Sun, 6 Nov 1994 08:49:37 GMT", "Xyz, 06 Nov 1994 08:49:37 GMT",
        "Sun, 06 Foo 1994 08:49:37 GMT", "Sunday, 06 Nov 1994 08:49:37 GMT", "Sundae, 06-Nov-94 08:49:37 GMT",
        "Sun Nov  6 08:49:37 94", "Sun Nov  6 8:49:37 1994", "Sun,06 Nov 1994 08:49:37 GMT",
        "Sun, 06 Nov 1994 08:49:37", "Sun, 06 Nov -994 08:49:37 GMT",
    ])
    func rejectsInvalidDates(_ text: String) {
        #expect(HTTPDate.parse(text, now: 1_700_000_000) == nil)
    }

    @Test func leapSecondIsAccepted() {
        #expect(HTTPDate.parse("Sat, 31 Dec 2016 23:59:60 GMT") == 1_483_228_800)
    }

    @Test func roundTripsAcrossCenturies() {
        var time = HTTPDate.earliest
        var mismatches = 0
        while time <= HTTPDate.latest {
            if HTTPDate.parse(HTTPDate.string(fromUnixTime: time)) != time { mismatches += 1 }
            time += 7_777_777_777 / 100  // ~900 days plus an odd number of seconds
        }
        #expect(mismatches == 0)
    }

    @Test func parseUsesTheCurrentTimeByDefault() {
        #expect(HTTPDate.parse("Sunday, 06-Nov-94 08:49:37 GMT") == 784_111_777)
    }
}
