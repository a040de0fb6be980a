// StoredFile: one file in the upload directory, as the index page lists it.
import Foundation

/// A stored upload. Templates read its properties by name (`file.name`, `file.sizeText`).
struct StoredFile: Encodable, Sendable {
    /// The file name in the upload directory.
    let name: String
    /// The size in bytes.
    let size: Int
    /// The last modification, i.e. when the upload finished.
    let modified: Date
    /// The size for people: `512 bytes`, `3.4 KiB`, `12.0 MiB`.
    let sizeText: String

    init(name: String, size: Int, modified: Date) {
        self.name = name
        self.size = size
        self.modified = modified
        sizeText = Self.describe(size: size)
    }

    /// `size` in bytes below 1 KiB, else in KiB, MiB or GiB with one decimal.
    static func describe(size: Int) -> String {
        guard size >= 1024 else { return size == 1 ? "1 byte" : "\(size) bytes" }
        let units = ["KiB", "MiB", "GiB"]
        var value = Double(size) / 1024
        var unit = 0
        while value >= 1024, unit < units.count - 1 {
            value /= 1024
            unit += 1
        }
        return "\((value * 10).rounded() / 10) \(units[unit])"
    }
}
