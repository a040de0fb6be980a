// Where the chat's templates/ and static/ folders are: at the root of the
// checkout this file was compiled in (so `swift run ChatDemo` works from any
// directory of it), else in the working directory (a copied binary run next to
// its files).
import Foundation

/// The directories the demo serves from.
struct ChatPaths {
    /// The folder of index.html and message.html.
    let templates: String
    /// The folder of chat.js and chat.css.
    let `static`: String

    /// The first of `roots(sourceFile:)` that holds both
    /// `templates/index.html` and `static/chat.js`; nil when none does.
    static func locate(sourceFile: String = #filePath) -> ChatPaths? {
        roots(sourceFile: sourceFile).lazy.map { root in
            ChatPaths(templates: root + "/templates", static: root + "/static")
        }.first { paths in
            FileManager.default.fileExists(atPath: paths.templates + "/index.html")
                && FileManager.default.fileExists(atPath: paths.static + "/chat.js")
        }
    }

    /// The places searched, in order: the checkout root, then the working directory.
    static func roots(sourceFile: String = #filePath) -> [String] {
        let checkoutRoot = URL(fileURLWithPath: sourceFile).resolvingSymlinksInPath()
            .deletingLastPathComponent()   // Examples/ChatDemo
            .deletingLastPathComponent()   // Examples
            .deletingLastPathComponent().path
        return [checkoutRoot, FileManager.default.currentDirectoryPath]
    }
}
