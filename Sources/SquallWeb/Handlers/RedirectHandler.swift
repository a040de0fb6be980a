// RedirectHandler: answers GET (and HEAD) with a redirect to a fixed or
// computed URL (Tornado's `RedirectHandler`).
//
//     URLSpec.redirect("/oldpath", to: "/newpath")
//     URLSpec.redirect(#"/(.*?)/(.*?)/(.*)"#, to: "/{1}/{0}/{2}")   // /a/b/c → /b/a/c
//
// The target is a Python format string: `{0}`, `{1}`, … (or `{}` in order)
// take the route's unnamed groups, `{name}` its named groups, `{{` and `}}` are
// literal braces. Substituted values are percent-encoded as `reverseURL`
// encodes them (all but letters, digits, `_ . - ~` and `/`). The request's query
// arguments are appended to the target, as Tornado does.
import SquallHTTP
import SquallIO

/// Redirects every GET and HEAD request to `url`; `permanent` (the default,
/// as in Tornado) sends 301, otherwise 302.
open class RedirectHandler: RequestHandler {
    /// The target: a URL or path, with `{0}` / `{name}` placeholders for the
    /// route's groups. Must be set (a 500 otherwise).
    public var url = ""
    /// 301 Moved Permanently when true (the default), else 302 Found.
    public var permanent = true

    /// Redirects to `url` with the path arguments filled in and the query appended.
    ///
    /// - Throws: `HTTPError(500)` when `url` is empty or names a group the route
    ///   does not have, or has an unmatched `{` / `}`.
    open override func get() throws {
        guard !url.isEmpty else { throw HTTPError(500, "RedirectHandler.url is not set") }
        var target = try Self.expand(url, with: pathArgs)
        let arguments = request.queryArguments
        if !arguments.isEmpty {
            let fragment = target.firstIndex(of: "#").map { String(target[$0...]) } ?? ""
            target.removeLast(fragment.count)
            target += (target.contains("?") ? "&" : "?") + PercentEncoding.encodeQuery(arguments) + fragment
        }
        try redirect(target, permanent: permanent)
    }

    /// `template` with each `{…}` field replaced by its path argument (an
    /// unmatched optional group gives ""), as Python's `str.format`.
    nonisolated static func expand(_ template: String, with arguments: PathArguments) throws -> String {
        var result = ""
        var nextIndex = 0
        var rest = Substring(template)
        while let brace = rest.firstIndex(where: { $0 == "{" || $0 == "}" }) {
            result += rest[..<brace]
            let after = rest.index(after: brace)
            if after < rest.endIndex, rest[after] == rest[brace] {
                result.append(rest[brace])
                rest = rest[rest.index(after: after)...]
                continue
            }
            guard rest[brace] == "{", let close = rest[after...].firstIndex(of: "}") else {
                throw HTTPError(500, "RedirectHandler url \(template.debugDescription) has an unmatched brace")
            }
            let field = rest[after..<close]
            guard let value = argument(field, autoIndex: nextIndex, in: arguments) else {
                throw HTTPError(500, "RedirectHandler url \(template.debugDescription) uses {\(field)}, "
                    + "which the route does not capture (\(arguments.positional.count) unnamed groups, "
                    + "named: \(arguments.named.keys.sorted()))")
            }
            if field.isEmpty { nextIndex += 1 }
            result += PathArgument.escape(value ?? "")
            rest = rest[rest.index(after: close)...]
        }
        return result + rest
    }

    /// The argument a format field names: nil when the route has no such group,
    /// `.some(nil)` for an optional group that did not match.
    private nonisolated static func argument(_ field: Substring, autoIndex: Int, in arguments: PathArguments) -> String?? {
        if let index = field.isEmpty ? autoIndex : Int(field) {
            guard arguments.positional.indices.contains(index) else { return nil }
            return arguments.positional[index]
        }
        guard let value = arguments.named[String(field)] else { return nil }
        return value
    }
}

extension URLSpec {
    /// A route answering GET and HEAD with a redirect to `url` (see
    /// `RedirectHandler` for the `{0}` / `{name}` placeholders); 301 when
    /// `permanent` (the default), else 302.
    public static func redirect(_ pattern: String, to url: String, permanent: Bool = true, name: String? = nil) -> URLSpec {
        URLSpec(pattern, RedirectHandler.self, name: name, initialize: { handler in
            handler.url = url
            handler.permanent = permanent
        })
    }
}
