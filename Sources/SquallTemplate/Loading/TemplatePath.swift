// TemplatePath: turning a requested template name into a normalized path
// below the loader root. Names from `{% include %}` / `{% extends %}` are
// relative to the including template's directory, as in Tornado; anything
// that would leave the root is refused.

enum TemplatePath {
    /// The normalized name (`a/b.html`) for `name` requested from `parent`.
    ///
    /// - Throws: `TemplateError` (`.invalidName`) for empty or absolute names,
    ///   NUL bytes, and `..` components that climb above the root.
    static func resolve(_ name: String, relativeTo parent: String?) throws(TemplateError) -> String {
        guard !name.isEmpty else { throw invalid(name, "the name is empty") }
        guard !name.utf8.contains(0) else { throw invalid(name, "the name contains a NUL byte") }
        guard !name.hasPrefix("/") else { throw invalid(name, "absolute paths are not allowed; names are relative to the template root") }
        var components: [Substring] = []
        if let parent, !parent.hasPrefix("<") {
            components = parent.split(separator: "/", omittingEmptySubsequences: true).dropLast()
        }
        for component in name.split(separator: "/", omittingEmptySubsequences: true) {
            switch component {
            case ".":
                continue
            case "..":
                guard !components.isEmpty else { throw invalid(name, "'..' would leave the template root") }
                components.removeLast()
            default:
                components.append(component)
            }
        }
        guard !components.isEmpty else { throw invalid(name, "the name does not denote a file") }
        return components.joined(separator: "/")
    }

    private static func invalid(_ name: String, _ reason: String) -> TemplateError {
        TemplateError(kind: .invalidName, templateName: name, line: 0, message: "refusing template name \(pythonQuoted(name)): \(reason)")
    }
}
