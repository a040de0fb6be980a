// Slugs: the URL name of an entry, made from its title the way Tornado's blog
// demo does it (NFKD-normalize, words joined by "-", lowercased, ASCII only).
import Foundation

/// Turns titles into URL names such as `hello-world`.
enum Slug {
    /// `title` as a slug of `[a-z0-9_-]`: accents are dropped ("Café" → "cafe"),
    /// every run of other characters becomes one "-", and a title with nothing
    /// left becomes `"entry"`. Safe in a path segment without escaping.
    static func make(from title: String) -> String {
        var words: [String] = []
        var word = ""
        for scalar in title.decomposedStringWithCompatibilityMapping.unicodeScalars {
            if scalar.isASCII, scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || scalar == "_" {
                word.unicodeScalars.append(scalar)
            } else if !scalar.isASCII, scalar.properties.isAlphabetic || scalar.properties.numericType != nil
                        || scalar.properties.generalCategory == .nonspacingMark {
                // Letters, digits and accents outside ASCII are dropped without
                // splitting the word, as Python's `encode("ascii", "ignore")` does
                // (Tornado splits at accents: "Cafés" → "cafe-s"; this gives "cafes").
                continue
            } else if !word.isEmpty {
                words.append(word)
                word = ""
            }
        }
        if !word.isEmpty { words.append(word) }
        let slug = words.joined(separator: "-").lowercased()
        return slug.isEmpty ? "entry" : slug
    }
}
