// The SameSite cookie attribute (RFC 6265bis §4.1.2.7).
//
// Tells the browser whether to send the cookie on cross-site requests:
// `strict` never, `lax` only on top-level navigations, `noRestriction` always (and
// browsers then insist on `Secure`).

/// A `SameSite` attribute value for `SetCookie`.
public struct SameSite: Sendable, Hashable, CustomStringConvertible {
    private enum Value: String, Sendable {
        case strict = "Strict", lax = "Lax", none = "None"
    }
    private let value: Value

    /// `SameSite=Strict`: only sent with same-site requests.
    public static let strict = SameSite(value: .strict)
    /// `SameSite=Lax`: also sent on top-level cross-site navigations (the
    /// browser default when the attribute is absent).
    public static let lax = SameSite(value: .lax)
    /// `SameSite=None`: sent with all requests; `SetCookie` requires `secure: true`.
    /// Named after Chromium's `NO_RESTRICTION` because `.none` would be read
    /// as `Optional.none` (no attribute at all) where a `SameSite?` is expected.
    public static let noRestriction = SameSite(value: .none)

    /// The attribute value as written in the header: `Strict`, `Lax` or `None`.
    public var description: String { value.rawValue }
}
