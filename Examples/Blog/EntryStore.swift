// EntryStore: the blog's entries, kept in memory (the demo's MySQL table). Every
// handler runs on the loop, so the store is isolated to it and needs no lock.
import Foundation
import Squall

/// The entries of the blog, newest first by publication date.
@IOLoopActor
final class EntryStore {
    private var entries: [Entry] = []
    private var lastID = 0

    /// An empty store; callable from `main` before the loop starts.
    nonisolated init() {}

    /// The `count` most recently published entries, newest first.
    func latest(_ count: Int) -> [Entry] { Array(entries.prefix(count)) }

    /// Every entry, newest first.
    var all: [Entry] { entries }

    /// The entry with URL name `slug`, or nil.
    func entry(slug: String) -> Entry? { entries.first { $0.slug == slug } }

    /// The entry numbered `id`, or nil.
    func entry(id: Int) -> Entry? { entries.first { $0.id == id } }

    /// Publishes a new entry; its slug comes from the title, made unique.
    func create(title: String, markdown: String) -> Entry {
        let now = Date()
        lastID += 1
        let entry = Entry(id: lastID, slug: uniqueSlug(for: title), title: title,
                          markdown: markdown, html: BlogMarkup.html(markdown), published: now, updated: now)
        entries.insert(entry, at: 0)
        return entry
    }

    /// Replaces the title and text of entry `id`; its slug stays, so links keep
    /// working. Returns nil when there is no such entry.
    func update(id: Int, title: String, markdown: String) -> Entry? {
        guard let index = entries.firstIndex(where: { $0.id == id }) else { return nil }
        entries[index].title = title
        entries[index].markdown = markdown
        entries[index].html = BlogMarkup.html(markdown)
        entries[index].updated = Date()
        return entries[index]
    }

    /// The demo's slug rule: `slugify(title)`, then "-2" appended until unused.
    private func uniqueSlug(for title: String) -> String {
        var slug = Slug.make(from: title)
        while entry(slug: slug) != nil { slug += "-2" }
        return slug
    }
}
