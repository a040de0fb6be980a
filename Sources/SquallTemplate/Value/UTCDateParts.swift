// UTCDateParts: calendar fields of a `Date` in UTC, for `{{ date }}`,
// `date.year` and `date.strftime("%Y-%m-%d")` — computed with integer
// arithmetic (no Calendar, no locale, no allocation).
import FoundationEssentials

/// The proleptic-Gregorian UTC fields of a date, Python `datetime`-style.
struct UTCDateParts {
    var year = 1970, month = 1, day = 1
    var hour = 0, minute = 0, second = 0, microsecond = 0
    /// Monday = 0 … Sunday = 6, like Python's `weekday()`.
    var weekday = 3
    /// 1-based day of the year.
    var dayOfYear = 1

    /// Python's datetime range (years 1–9999); dates outside are clamped so
    /// that formatting never traps on an absurd `Date`.
    private static let secondsRange = -62_135_596_800.0 ... 253_402_300_799.0

    init(_ date: Date) {
        var interval = date.timeIntervalSince1970
        if interval.isNaN { interval = 0 }
        interval = min(max(interval, Self.secondsRange.lowerBound), Self.secondsRange.upperBound)
        let wholeSeconds = interval.rounded(.down)
        let seconds = Int(wholeSeconds)
        microsecond = min(999_999, Int(((interval - wholeSeconds) * 1_000_000).rounded()))
        let days = floorDivide(seconds, 86_400)
        let secondOfDay = seconds - days * 86_400
        hour = secondOfDay / 3600
        minute = secondOfDay % 3600 / 60
        second = secondOfDay % 60
        weekday = floorModulo(days + 3, 7)
        (year, month, day) = Self.civil(fromDays: days)
        dayOfYear = days - Self.days(year: year, month: 1, day: 1) + 1
    }

    /// Howard Hinnant's civil-from-days algorithm.
    private static func civil(fromDays count: Int) -> (Int, Int, Int) {
        let z = count + 719_468
        let era = floorDivide(z, 146_097)
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let shiftedMonth = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * shiftedMonth + 2) / 5 + 1
        let month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    /// Days since 1970-01-01 of a civil date (inverse of `civil(fromDays:)`).
    private static func days(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = floorDivide(y, 400)
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// `2024-01-02 03:04:05` (plus `.ffffff` when there are microseconds), as
    /// Python's `str(datetime)`.
    var pythonText: String {
        var text = strftime("%Y-%m-%d %H:%M:%S")
        if microsecond != 0 { text += "." + padded(microsecond, 6) }
        return text
    }

    /// `datetime.datetime(2024, 1, 2, 3, 4, 5)`, as Python's `repr`.
    var pythonRepr: String {
        var fields = [year, month, day, hour, minute]
        if second != 0 || microsecond != 0 { fields.append(second) }
        if microsecond != 0 { fields.append(microsecond) }
        return "datetime.datetime(" + fields.map(String.init).joined(separator: ", ") + ")"
    }

    /// ISO 8601 with a `+00:00` offset, as `datetime.isoformat()` on an aware UTC datetime.
    var isoText: String {
        var text = strftime("%Y-%m-%dT%H:%M:%S")
        if microsecond != 0 { text += "." + padded(microsecond, 6) }
        return text + "+00:00"
    }

    /// C-locale `strftime`, as Python's `datetime.strftime` on Linux.
    /// Unknown directives are copied through unchanged, like glibc does.
    func strftime(_ format: String) -> String {
        var result = ""
        var iterator = format.makeIterator()
        while let character = iterator.next() {
            guard character == "%" else {
                result.append(character)
                continue
            }
            guard let directive = iterator.next() else {
                result.append("%")
                break
            }
            result += expand(directive)
        }
        return result
    }

    private static let dayNames = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
    private static let monthNames = ["January", "February", "March", "April", "May", "June", "July",
                                     "August", "September", "October", "November", "December"]

    private func expand(_ directive: Character) -> String {
        switch directive {
        case "a": return String(Self.dayNames[weekday].prefix(3))
        case "A": return Self.dayNames[weekday]
        case "b", "h": return String(Self.monthNames[month - 1].prefix(3))
        case "B": return Self.monthNames[month - 1]
        case "c": return strftime("%a %b %e %H:%M:%S %Y")
        case "d": return padded(day, 2)
        case "e": return day < 10 ? " \(day)" : String(day)
        case "f": return padded(microsecond, 6)
        case "F": return strftime("%Y-%m-%d")
        case "H": return padded(hour, 2)
        case "I": return padded(hour % 12 == 0 ? 12 : hour % 12, 2)
        case "j": return padded(dayOfYear, 3)
        case "m": return padded(month, 2)
        case "M": return padded(minute, 2)
        case "p": return hour < 12 ? "AM" : "PM"
        case "S": return padded(second, 2)
        case "T", "X": return strftime("%H:%M:%S")
        case "u": return String(weekday + 1)
        case "w": return String((weekday + 1) % 7)
        case "x": return strftime("%m/%d/%y")
        case "y": return padded(year % 100, 2)
        case "Y": return String(year)
        case "z": return "+0000"
        case "Z": return "UTC"
        case "%": return "%"
        default: return "%" + String(directive)
        }
    }
}

/// Decimal digits left-padded with zeros to `width`.
func padded(_ value: Int, _ width: Int) -> String {
    let digits = String(value)
    return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
}

/// Python's `//` on integers: rounds toward negative infinity. `divisor` must
/// not be zero (callers check).
func floorDivide(_ dividend: Int, _ divisor: Int) -> Int {
    let quotient = dividend / divisor
    return (dividend % divisor != 0 && (dividend < 0) != (divisor < 0)) ? quotient - 1 : quotient
}

/// Python's `%` on integers: the result takes the divisor's sign. `divisor`
/// must not be zero (callers check).
func floorModulo(_ dividend: Int, _ divisor: Int) -> Int {
    let remainder = dividend % divisor
    return (remainder != 0 && (remainder < 0) != (divisor < 0)) ? remainder + divisor : remainder
}
