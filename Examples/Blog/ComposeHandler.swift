// ComposeHandler: writing and editing entries (`/compose`, `/compose?id=3`). Only
// the logged-in author may use it: a GET without login is redirected to the login
// page, a POST without login is refused with 403 (Tornado's `@authenticated`).
import Squall

/// The new-entry / edit-entry form and its submission.
final class ComposeHandler: BlogHandler {
    override class var requiresAuthentication: Bool { true }

    /// The form, empty or holding entry `id`.
    override func get() throws {
        let entry = try editedEntry()
        try render("compose.html", ["entry": entry as Any, "title": entry?.title ?? "",
                                    "markdown": entry?.markdown ?? "", "error": ""])
    }

    /// Saves the form (XSRF-checked by the application) and shows the entry.
    /// An empty title shows the form again with the text kept and status 400.
    override func post() throws {
        let entry = try editedEntry()
        let title = try getArgument("title")
        let markdown = try getArgument("markdown", strip: false)
        guard !title.isEmpty else {
            try setStatus(400)
            try render("compose.html", ["entry": entry as Any, "title": title, "markdown": markdown,
                                        "error": "Every entry needs a title."])
            return
        }
        let saved = entry.flatMap { blog.entries.update(id: $0.id, title: title, markdown: markdown) }
            ?? blog.entries.create(title: title, markdown: markdown)
        try redirect(application.reverseURL("entry", saved.slug))
    }

    /// The entry named by the `id` argument; nil when there is none.
    ///
    /// - Throws: `HTTPError(404)` for an id that names no entry, 400 for one that
    ///   is not a number.
    private func editedEntry() throws -> Entry? {
        guard let text = try getArgument("id", default: nil), !text.isEmpty else { return nil }
        guard let id = Int(text) else { throw HTTPError(400, "id \(text.debugDescription) is not a number") }
        guard let entry = blog.entries.entry(id: id) else { throw HTTPError(404, "no entry \(id)") }
        return entry
    }
}
