// SafeFilename: turning the name a client sent with an upload into a name that
// is safe to create in the upload directory. The client's name is never trusted:
// browsers on Windows send whole paths (`C:\Users\ann\report.pdf`), and an
// attacker sends `../../etc/passwd`, NUL bytes, or names like `.htaccess`.
import Foundation

/// Makes upload names safe to use as file names.
enum SafeFilename {
    /// The longest name kept, in UTF-8 bytes (file systems allow 255).
    static let maximumLength = 120

    /// `clientName` reduced to a plain file name, or nil when nothing usable is
    /// left (then the upload is refused).
    ///
    /// - Only the last component after any `/` or `\` is kept.
    /// - Letters and digits (any script, NFC-normalized) and `. _ - + ( )` are
    ///   kept; every other character (spaces, controls, `%`, `:` …) becomes `_`.
    /// - Leading dots are removed (no hidden files, no `.` or `..`), as are
    ///   trailing dots.
    /// - Names longer than `maximumLength` bytes are shortened, keeping the
    ///   extension.
    static func make(from clientName: String) -> String? {
        let lastComponent = clientName.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last ?? ""
        var name = ""
        for scalar in String(lastComponent).precomposedStringWithCanonicalMapping.unicodeScalars {
            let properties = scalar.properties
            let isWordCharacter = properties.isAlphabetic || properties.numericType != nil
                || properties.generalCategory == .nonspacingMark || "._-+()".unicodeScalars.contains(scalar)
            name.unicodeScalars.append(isWordCharacter ? scalar : "_")
        }
        var trimmed = Substring(name).drop(while: { $0 == "." })
        while trimmed.last == "." { trimmed.removeLast() }
        let cleaned = shortened(String(trimmed))
        return cleaned.contains(where: { $0 != "_" }) ? cleaned : nil
    }

    /// `name` cut to `maximumLength` UTF-8 bytes at a character boundary, keeping
    /// a short extension (up to 16 bytes) such as `.tar.gz`'s `.gz`.
    private static func shortened(_ name: String) -> String {
        guard name.utf8.count > maximumLength else { return name }
        let dot = name.lastIndex(of: ".")
        let suffix = dot.map { String(name[$0...]) }.flatMap { $0.utf8.count <= 16 ? $0 : nil } ?? ""
        var stem = ""
        let stemText = suffix.isEmpty ? name : String(name[..<dot!])
        for character in stemText {
            guard stem.utf8.count + character.utf8.count + suffix.utf8.count <= maximumLength else { break }
            stem.append(character)
        }
        return stem + suffix
    }

    /// `name` with `-2`, `-3`, … before its extension: the candidates tried when
    /// `name` is taken (`report.pdf` → `report-2.pdf`).
    static func numbered(_ name: String, _ number: Int) -> String {
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return "\(name)-\(number)" }
        return "\(name[..<dot])-\(number)\(name[dot...])"
    }
}
