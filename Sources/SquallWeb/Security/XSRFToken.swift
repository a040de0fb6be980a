// XSRF tokens, as in Tornado's `xsrf_cookies` protection.
//
// The server keeps 16 random bytes in an `_xsrf` cookie and expects the same
// token back in every unsafe request's `_xsrf` field or `X-XSRFToken` header;
// another site can make a browser send the cookie but cannot read it to copy
// it into the form. The token is written masked — Tornado's version 2,
// `2|<mask hex>|<token XOR mask, hex>|<timestamp>` with a fresh 4-byte mask
// every time — so a page never shows the same bytes twice, which defeats
// compression side channels such as BREACH. Version-1 tokens (plain hex)
// are still accepted, as Tornado does.

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import SquallCore

/// An unmasked XSRF token: its secret bytes and when it was made.
public struct XSRFToken: Sendable, Hashable {
    /// The secret bytes (16 for tokens made by `generate`). Compare tokens
    /// with `matches(_:)`, not `==`, which is not constant-time.
    public let raw: [UInt8]
    /// Seconds since 1970 when the token was made; for a decoded version-1
    /// token (which has no timestamp) the `now` it was decoded at.
    public let timestamp: Int
    /// The format it was read from: 1 (plain hex or text) or 2 (masked);
    /// 2 for generated tokens.
    public let version: Int

    /// A token with the given parts; `raw` should come from a secure random source.
    public init(raw: [UInt8], timestamp: Int, version: Int = 2) {
        self.raw = raw
        self.timestamp = timestamp
        self.version = version
    }

    /// A new token of 16 bytes from the system's secure random source
    /// (`getrandom` on Linux), timestamped `now`.
    public static func generate(now: Date = Date()) -> XSRFToken {
        var random = SystemRandomNumberGenerator()
        let raw = randomBytes(16, using: &random)
        return XSRFToken(raw: raw, timestamp: Int(now.timeIntervalSince1970.rounded(.towardZero)))
    }

    /// Decodes a token from the `_xsrf` cookie or a submitted field/header,
    /// as Tornado's `_decode_xsrf_token` does, or returns `nil` if unusable.
    ///
    /// `2|mask|masked|timestamp` (exactly four parts, a 4-byte hex mask, hex
    /// token, decimal timestamp) is unmasked; any other leading `<number>|`
    /// is an unknown version (`nil`); anything else is version 1: hex if it
    /// decodes as hex, else the text's own UTF-8 bytes, timestamped `now`.
    /// An empty token is `nil`.
    public init?(decoding text: String, now: Date = Date()) {
        // At most 5 parts: enough to tell "exactly 4" from "more".
        let parts = text.split(separator: "|", maxSplits: 4, omittingEmptySubsequences: false)
        // Tornado's `^([1-9][0-9]*)\|`: a leading version number.
        if parts.count > 1, Self.isDigits(parts[0]), !parts[0].hasPrefix("0") {
            guard parts[0] == "2", parts.count == 4,
                  let mask = Hex.decode(parts[1]), mask.count == 4,
                  let masked = Hex.decode(parts[2]), !masked.isEmpty,
                  Self.isDigits(parts[3]), let timestamp = Int(parts[3])
            else { return nil }
            self.init(raw: Self.apply(mask: mask, to: masked), timestamp: timestamp, version: 2)
        } else {
            let raw = Hex.decode(text) ?? Array(text.utf8)
            guard !raw.isEmpty else { return nil }
            self.init(raw: raw, timestamp: Int(now.timeIntervalSince1970.rounded(.towardZero)), version: 1)
        }
    }

    /// The version-2 text `2|<mask>|<masked token>|<timestamp>` with a new
    /// random mask from the system's secure source. Use it as the `_xsrf`
    /// cookie value and in pages (`xsrf_form_html`); every call differs.
    public func masked() -> String {
        var random = SystemRandomNumberGenerator()
        return masked(using: &random)
    }

    /// `masked()` drawing the 4-byte mask from `generator`. Only pass a
    /// cryptographically secure generator outside of tests.
    public func masked(using generator: inout some RandomNumberGenerator) -> String {
        masked(withMask: Self.randomBytes(4, using: &generator))
    }

    /// The version-2 text for a given 4-byte mask.
    func masked(withMask mask: [UInt8]) -> String {
        "2|\(Hex.encode(mask))|\(Hex.encode(Self.apply(mask: mask, to: raw)))|\(timestamp)"
    }

    /// The version-1 form, the raw bytes in hex (Tornado's `xsrf_cookie_version=1`).
    public var unmasked: String { Hex.encode(raw) }

    /// True when both tokens have the same raw bytes, compared in constant
    /// time. Masks, versions and timestamps do not matter.
    public func matches(_ other: XSRFToken) -> Bool {
        ConstantTime.equals(raw, other.raw)
    }

    /// Tornado's `check_xsrf_cookie`: passes when `submitted` (the `_xsrf`
    /// field, else the `X-XSRFToken`, else the `X-CSRFToken` header) carries
    /// the same token as `cookie` (the `_xsrf` cookie). Empty strings count
    /// as missing. Throws `XSRFError`; the caller answers 403.
    public static func check(submitted: String?, cookie: String?, now: Date = Date()) throws(XSRFError) {
        guard let submitted, !submitted.isEmpty else {
            throw .missingArgument
        }
        guard let token = XSRFToken(decoding: submitted, now: now) else {
            throw .invalidArgument
        }
        guard let cookie, let expected = XSRFToken(decoding: cookie, now: now) else {
            throw .missingCookie
        }
        guard token.matches(expected) else {
            throw .mismatch
        }
    }

    /// RFC 6455-style masking, which Tornado reuses: byte i XOR mask[i % 4].
    private static func apply(mask: [UInt8], to bytes: [UInt8]) -> [UInt8] {
        bytes.enumerated().map { $1 ^ mask[$0 & 3] }
    }

    /// Non-empty and only ASCII digits (`Int(_:)` alone would also take `+`/`-` signs).
    private static func isDigits(_ text: Substring) -> Bool {
        !text.isEmpty && text.utf8.allSatisfy { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }
    }

    private static func randomBytes(_ count: Int, using generator: inout some RandomNumberGenerator) -> [UInt8] {
        (0..<count).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
    }
}
