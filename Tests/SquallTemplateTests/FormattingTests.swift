// Number, string and date formatting (`%`, `str.format`, `format()`,
// `strftime`) against Python's output, rendered unescaped with `{% raw %}`
// (expected strings recorded from Tornado 6.6.1 / CPython).
import FoundationEssentials
import Testing
@testable import SquallTemplate

@Suite struct FormattingTests {
    static let cases: [(String, String)] = [
        ("'{:=+8.2f}'.format(3.14159)", "+   3.14"),
        ("'{:_}'.format(1234567)", "1_234_567"),
        ("'{:c}'.format(65)", "A"),
        ("'{:o}'.format(8)", "10"),
        ("'{:X}'.format(255)", "FF"),
        ("'{:e}'.format(1234.5)", "1.234500e+03"),
        ("'{:g}'.format(0.0001)", "0.0001"),
        ("format(3.5)", "3.5"),
        ("format(True)", "True"),
        ("format(True, 'd')", "1"),
        ("format(42, '>6')", "    42"),
        ("'{:,.2f}'.format(1234567.891)", "1,234,567.89"),
        ("'{:.3}'.format(3.14159)", "3.14"),
        ("'{:#o}'.format(8)", "0o10"),
        ("'{:#b}'.format(5)", "0b101"),
        ("'{: d}'.format(5)", " 5"),
        ("'{:-^10}'.format('x')", "----x-----"),
        ("'%#o %#x %#X' % (8, 255, 255)", "0o10 0xff 0XFF"),
        ("'% d' % 5", " 5"),
        ("'%5s|%-5s|' % ('a', 'b')", "    a|b    |"),
        ("'%.3e' % 0.000123", "1.230e-04"),
        ("'%G' % 1e-10", "1E-10"),
        ("'%i' % 3.9", "3"),
        ("'%u' % 7", "7"),
        ("'%r' % [1, 'a']", "[1, 'a']"),
        ("'%a' % 'é'", "'\\xe9'"),
        ("when.strftime('%Y-%m-%d %H:%M:%S %I%p %j %a %A %b %B %y %e %w %u %f %%')", "2024-03-05 07:08:09 07AM 065 Tue Tuesday Mar March 24  5 2 2 000123 %"),
        ("when.strftime('%c|%x|%X|%F|%T')", "Tue Mar  5 07:08:09 2024|03/05/24|07:08:09|2024-03-05|07:08:09"),
    ]

    @Test(arguments: cases)
    func matchesPython(expression: String, expected: String) throws {
        let when = Date(timeIntervalSince1970: 1_709_622_489.000123)
        #expect(try render("{% raw " + expression + " %}", ["when": when]) == expected)
    }
}
