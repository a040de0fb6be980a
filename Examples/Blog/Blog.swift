// Blog: the state every page shares — the entries and the author — and the routes
// that hand it to each handler (Tornado's demo keeps the same in `self.application.db`).
import Squall

/// What every page of the blog shares; handed to each handler by its route.
@IOLoopActor
final class Blog {
    /// The entries.
    let entries = EntryStore()
    /// Who may log in and write.
    let author: AuthorCredentials

    /// A blog with no entries, written by `author`.
    nonisolated init(author: AuthorCredentials) {
        self.author = author
    }

    /// The route `pattern` → `handler`, with this blog handed to the handler.
    nonisolated func route<Handler: BlogHandler>(_ pattern: String, _ handler: Handler.Type,
                                                 name: String? = nil) -> URLSpec {
        URLSpec(pattern, handler, name: name, initialize: { $0.blog = self })
    }
}
