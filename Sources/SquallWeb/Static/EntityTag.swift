// Entity tags (RFC 9110 §8.8.3) and the two ways they are compared (§8.8.3.2):
// weak comparison for If-None-Match (a `W/` prefix is ignored on both sides) and
// strong comparison for If-Range (both must be strong and identical). Lists are
// read like Tornado's `check_etag_header`: every `"…"` or `W/"…"` is a tag, text
// between them is skipped, and a leading `*` matches any current representation.

/// Comparing a response's entity tag with the tags of a conditional request header.
public enum EntityTag {
    /// True when the `If-None-Match` value `header` matches `etag` (a quoted tag
    /// such as `"abc"`, or `W/"abc"`): the list starts with `*`, or one of its tags
    /// equals `etag` under weak comparison. A header with no tags matches nothing.
    public static func noneMatch(_ header: String, matches etag: String) -> Bool {
        let tags = tags(in: header)
        guard let first = tags.first else { return false }
        if first == "*" { return true }
        let wanted = opaque(etag)
        return tags.contains { opaque($0).utf8.elementsEqual(wanted.utf8) }
    }

    /// Strong comparison (`If-Range`): both tags are strong and character-for-character equal.
    public static func strongMatch(_ lhs: String, _ rhs: String) -> Bool {
        lhs.hasPrefix("\"") && rhs.hasPrefix("\"") && lhs.utf8.elementsEqual(rhs.utf8)
    }

    /// `*` and every `"…"` / `W/"…"` in `header`, in order.
    static func tags(in header: String) -> [Substring] {
        var tags: [Substring] = []
        var index = header.startIndex
        while index < header.endIndex {
            let rest = header[index...]
            if rest.hasPrefix("*") {
                tags.append(rest.prefix(1))
                index = header.index(after: index)
                continue
            }
            let quoteStart = rest.hasPrefix("W/\"") ? header.index(index, offsetBy: 2) : index
            guard header[quoteStart] == "\"",
                  let close = header[header.index(after: quoteStart)...].firstIndex(of: "\"")
            else {
                index = header.index(after: index)
                continue
            }
            tags.append(header[index...close])
            index = header.index(after: close)
        }
        return tags
    }

    /// The tag without its weakness indicator.
    private static func opaque<Tag: StringProtocol>(_ tag: Tag) -> Tag.SubSequence {
        tag.hasPrefix("W/") ? tag.dropFirst(2) : tag[...]
    }
}
