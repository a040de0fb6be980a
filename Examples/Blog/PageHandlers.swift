// The pages anyone may read: the latest entries, one entry, and the archive.
import Squall

/// `/`: the five latest entries.
final class HomeHandler: BlogHandler {
    override func get() throws {
        try render("home.html", ["entries": blog.entries.latest(5)])
    }
}

/// `/entry/<slug>`: one entry, or 404.
final class EntryHandler: BlogHandler {
    override func get() throws {
        let slug = pathArgs[0] ?? ""
        guard let entry = blog.entries.entry(slug: slug) else { throw HTTPError(404, "no entry \(slug.debugDescription)") }
        try render("entry.html", ["entry": entry])
    }
}

/// `/archive`: every entry's title and date, newest first.
final class ArchiveHandler: BlogHandler {
    override func get() throws {
        try render("archive.html", ["entries": blog.entries.all])
    }
}
