// Building `Set-Cookie` response header values.
//
// The output is byte-for-byte what Tornado's `RequestHandler.set_cookie`
// writes for the same arguments (Python `http.cookies` quoting and attribute
// order), so Squall and Tornado applications can share cookies. Unlike
// Tornado, every check happens here, at construction, with a typed error.

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import SquallHTTP

/// One validated outgoing cookie; `headerValue` is the `Set-Cookie` field value.
///
/// Construction throws `CookieError` for anything that could corrupt the
/// header or that browsers would silently drop:
/// - `name`: non-empty, only ``letters digits !#$%&'*+-.^_`|~:``, not an
///   attribute name (`path`, `expires`, `max-age`, … in any case);
/// - `value`: no control characters or spaces (U+0000–U+0020) and nothing
///   beyond Latin-1 (U+00FF); other characters such as `;` `,` `"` are
///   quoted as Python does (`"a\073b"`), and `CookieHeader.parse` undoes it;
/// - `domain`, `path`: printable ASCII without spaces or `;`;
/// - `expires`: a date in the years 1–9999;
/// - `SameSite=None` and the `__Secure-`/`__Host-` name prefixes require
///   `secure: true`; `__Host-` also requires no domain and path `/`.
public struct SetCookie: Sendable, Hashable {
    /// The cookie name.
    public let name: String
    /// The cookie value, unquoted.
    public let value: String
    /// `Domain` attribute; `nil` (or empty) omits it, scoping the cookie to the exact host.
    public let domain: String?
    /// `Path` attribute; `/` by default; `nil` (or empty) omits it.
    public let path: String?
    /// `expires` attribute, written as an IMF-fixdate with fractional seconds dropped.
    public let expires: Date?
    /// `Max-Age` attribute in seconds; 0 or negative tells the browser to delete the cookie now.
    public let maxAge: Int?
    /// `Secure` flag: only sent over HTTPS.
    public let secure: Bool
    /// `HttpOnly` flag: hidden from JavaScript.
    public let httpOnly: Bool
    /// `SameSite` attribute; `nil` omits it (browsers then default to `Lax`).
    public let sameSite: SameSite?
    /// The complete `Set-Cookie` field value, e.g. `sid=abc; HttpOnly; Path=/`.
    public let headerValue: String

    /// Validates a cookie and builds its header value; see the type
    /// documentation for the rules. Throws `CookieError` naming the bad part.
    public init(
        name: String, value: String, domain: String? = nil, path: String? = "/",
        expires: Date? = nil, maxAge: Int? = nil, secure: Bool = false, httpOnly: Bool = false,
        sameSite: SameSite? = nil
    ) throws(CookieError) {
        let domain = domain?.isEmpty == true ? nil : domain
        let path = path?.isEmpty == true ? nil : path
        try Self.validate(name: name, value: value)
        try Self.validate(attribute: "domain", domain, cookie: name)
        try Self.validate(attribute: "path", path, cookie: name)
        try Self.validateBrowserRules(name: name, domain: domain, path: path, secure: secure, sameSite: sameSite)
        var parts = ["\(name)=\(CookieSyntax.quote(value))"]
        // Attribute order and spelling follow Python's Morsel.OutputString (sorted keys).
        if let domain { parts.append("Domain=\(domain)") }
        if let expires {
            let text = try Self.format(expires, cookie: name)
            parts.append("expires=\(text)")
        }
        if httpOnly { parts.append("HttpOnly") }
        if let maxAge { parts.append("Max-Age=\(maxAge)") }
        if let path { parts.append("Path=\(path)") }
        if let sameSite { parts.append("SameSite=\(sameSite)") }
        if secure { parts.append("Secure") }
        self.name = name
        self.value = value
        self.domain = domain
        self.path = path
        self.expires = expires
        self.maxAge = maxAge
        self.secure = secure
        self.httpOnly = httpOnly
        self.sameSite = sameSite
        self.headerValue = parts.joined(separator: "; ")
    }

    /// A cookie that deletes `name` in the browser: empty value,
    /// `expires=Thu, 01 Jan 1970 00:00:00 GMT` and `Max-Age=0`.
    ///
    /// `domain` and `path` must equal those used to set the cookie, and for
    /// `SameSite=None` cookies so must `secure` and `sameSite`, or the browser
    /// keeps the original. Throws `CookieError` like `init`.
    public static func clearing(
        name: String, domain: String? = nil, path: String? = "/", secure: Bool = false,
        httpOnly: Bool = false, sameSite: SameSite? = nil
    ) throws(CookieError) -> SetCookie {
        try SetCookie(
            name: name, value: "", domain: domain, path: path, expires: Date(timeIntervalSince1970: 0),
            maxAge: 0, secure: secure, httpOnly: httpOnly, sameSite: sameSite)
    }

    private static func validate(name: String, value: String) throws(CookieError) {
        if let bad = name.unicodeScalars.first(where: { !CookieSyntax.isLegalNameCharacter($0) }) {
            throw CookieError(.invalidName, "invalid cookie name \(quoted(name)): \(describe(bad)) is not allowed; "
                + "names may only use letters, digits and !#$%&'*+-.^_`|~:")
        }
        if name.isEmpty {
            throw CookieError(.invalidName, "invalid cookie name \"\": names must not be empty")
        }
        if CookieSyntax.reservedNames.contains(name.lowercased()) {
            throw CookieError(.reservedName, "invalid cookie name \(quoted(name)): it is a cookie attribute name")
        }
        if let bad = value.unicodeScalars.first(where: { $0.value <= 0x20 || $0.value > 0xFF }) {
            throw CookieError(.invalidValue, "invalid value for cookie \(quoted(name)): \(describe(bad)) is not allowed; "
                + "values must not contain control characters or spaces and must be Latin-1 "
                + "(encode other data, e.g. with Base64)")
        }
    }

    private static func validate(attribute: String, _ text: String?, cookie: String) throws(CookieError) {
        guard let text, let bad = text.unicodeScalars.first(where: { $0.value <= 0x20 || $0.value >= 0x7F || $0 == ";" })
        else { return }
        throw CookieError(.invalidAttribute, "invalid \(attribute) \(quoted(text)) for cookie \(quoted(cookie)): "
            + "\(describe(bad)) is not allowed; use printable ASCII without spaces or ';' "
            + "(punycode domains, percent-encode paths)")
    }

    private static func validateBrowserRules(
        name: String, domain: String?, path: String?, secure: Bool, sameSite: SameSite?
    ) throws(CookieError) {
        let lowered = name.lowercased()
        let rule: String? =
            if sameSite == .noRestriction && !secure { "SameSite=None requires secure: true" }
            else if lowered.hasPrefix("__secure-") && !secure { "the __Secure- prefix requires secure: true" }
            else if lowered.hasPrefix("__host-") && (!secure || domain != nil || path != "/") {
                "the __Host- prefix requires secure: true, no domain and path \"/\""
            } else { nil }
        if let rule {
            throw CookieError(.insecureAttributes, "cookie \(quoted(name)) would be rejected by browsers: \(rule)")
        }
    }

    private static func format(_ date: Date, cookie: String) throws(CookieError) -> String {
        let seconds = Int(exactly: date.timeIntervalSince1970.rounded(.down))
        guard let seconds, (HTTPDate.earliest...HTTPDate.latest).contains(seconds) else {
            throw CookieError(.invalidAttribute, "invalid expires for cookie \(quoted(cookie)): "
                + "\(date.timeIntervalSince1970) seconds since 1970 is outside the years 1–9999")
        }
        return HTTPDate.string(fromUnixTime: seconds)
    }

    private static func quoted(_ text: String) -> String {
        "\"" + text.unicodeScalars.map { $0.escaped(asASCII: true) }.joined() + "\""
    }

    private static func describe(_ scalar: Unicode.Scalar) -> String {
        "'\(scalar.escaped(asASCII: true))' (U+\(String(scalar.value, radix: 16, uppercase: true)))"
    }
}
