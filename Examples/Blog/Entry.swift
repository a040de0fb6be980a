// Entry: one blog post, as the templates see it (Tornado's blog demo keeps the
// same columns in MySQL: id, slug, title, markdown, html, published, updated).
import Foundation

/// A blog post. Templates read its properties by name (`entry.title`,
/// `entry.published.strftime(...)`), through `Encodable`.
struct Entry: Encodable, Sendable {
    /// Stable number, used by the edit link (`/compose?id=3`).
    let id: Int
    /// The URL name (`/entry/<slug>`), unique, derived from the first title.
    let slug: String
    /// Plain text; templates escape it.
    var title: String
    /// What the author typed, shown again in the edit form.
    var markdown: String
    /// `markdown` rendered by `BlogMarkup`: already escaped, safe to emit raw.
    var html: String
    /// When the entry was first saved.
    let published: Date
    /// When the entry was last saved.
    var updated: Date
}
