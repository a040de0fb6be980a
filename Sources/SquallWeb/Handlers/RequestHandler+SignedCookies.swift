// Signed cookies: values the browser stores but cannot forge (Tornado's
// `set_signed_cookie`, `get_signed_cookie`, `create_signed_value`).
//
// The value is timestamped and signed with HMAC-SHA256 under
// `settings.cookieSecret` in Tornado's version-2 format, so Squall and Tornado
// applications sharing a secret read each other's cookies. Signing prevents
// tampering; it does not hide the value, which the browser can read.
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import SquallCore
import SquallIO

@IOLoopActor
extension RequestHandler {
    /// Signs `value` under `name` with the current key of `settings.cookieSecret`,
    /// timestamped now. For signed values outside cookies (e.g. in a URL);
    /// read them back with `getSignedCookie(_:value:maxAgeDays:)`.
    ///
    /// - Throws: `HTTPError(500)` when `settings.cookieSecret` is not set.
    public func createSignedValue(_ name: String, _ value: some Collection<UInt8>) throws -> String {
        SignedValue.create(secret: try cookieSecret(), name: name, value: value)
    }

    /// Sets cookie `name` to `value`, signed and timestamped (see
    /// `createSignedValue`). The value may hold any bytes.
    ///
    /// - Parameters:
    ///   - expiresDays: the cookie's lifetime in the browser, default 30 days;
    ///     nil makes a session cookie. Independent of `getSignedCookie`'s
    ///     `maxAgeDays`, which bounds the signature's age.
    ///   - others: as `setCookie`.
    /// - Throws: `HTTPError(500)` when `settings.cookieSecret` is not set;
    ///   `CookieError` as `setCookie`.
    public func setSignedCookie(
        _ name: String, _ value: some Collection<UInt8>, expiresDays: Double? = 30, domain: String? = nil,
        path: String? = "/", maxAge: Int? = nil, secure: Bool = false, httpOnly: Bool = false,
        sameSite: SameSite? = nil
    ) throws {
        try setCookie(
            name, createSignedValue(name, value), domain: domain, path: path, expiresDays: expiresDays,
            maxAge: maxAge, secure: secure, httpOnly: httpOnly, sameSite: sameSite)
    }

    /// Sets cookie `name` to the UTF-8 text `value`, signed; see the bytes form.
    public func setSignedCookie(
        _ name: String, _ value: String, expiresDays: Double? = 30, domain: String? = nil,
        path: String? = "/", maxAge: Int? = nil, secure: Bool = false, httpOnly: Bool = false,
        sameSite: SameSite? = nil
    ) throws {
        try setSignedCookie(
            name, value.utf8, expiresDays: expiresDays, domain: domain, path: path, maxAge: maxAge,
            secure: secure, httpOnly: httpOnly, sameSite: sameSite)
    }

    /// The verified bytes of signed cookie `name` (or of `value`, when given,
    /// instead of the request's cookie); nil when absent, tampered with, signed
    /// for another name or with an unknown key, older than `maxAgeDays` (default
    /// 31, fractions allowed), or dated more than 31 days ahead. The reason is
    /// logged: a bad signature as a warning, the rest at debug level.
    ///
    /// - Throws: `HTTPError(500)` when `settings.cookieSecret` is not set.
    public func getSignedCookieBytes(_ name: String, value: String? = nil, maxAgeDays: Double = 31) throws -> [UInt8]? {
        let secret = try cookieSecret()
        guard let signed = value ?? getCookie(name) else { return nil }
        do {
            return try SignedValue.decode(secret: secret, name: name, value: signed, maxAgeDays: maxAgeDays)
        } catch {
            Log.general.log(error == .badSignature ? .warning : .debug, "signed cookie \(name) rejected: \(error)")
            return nil
        }
    }

    /// `getSignedCookieBytes` decoded as UTF-8; also nil when the bytes are not
    /// valid UTF-8.
    ///
    /// - Throws: `HTTPError(500)` when `settings.cookieSecret` is not set.
    public func getSignedCookie(_ name: String, value: String? = nil, maxAgeDays: Double = 31) throws -> String? {
        try getSignedCookieBytes(name, value: value, maxAgeDays: maxAgeDays).flatMap { String(validating: $0, as: UTF8.self) }
    }

    private func cookieSecret() throws -> CookieSecret {
        guard let secret = application.settings.cookieSecret else {
            throw HTTPError(500, "cookieSecret must be set to use signed cookies")
        }
        return secret
    }
}
