// Signed values: data a client stores (usually in a cookie) but cannot forge.
//
// This is Tornado's version-2 format (`create_signed_value` /
// `decode_signed_value`), byte-for-byte, so Squall and Tornado applications
// sharing a secret can read each other's signed cookies:
//
//     2|1:0|10:1234567890|5:dummy|8:dGVzdA==|<64 hex digits>
//
// the format version, then `length:field` pairs separated by `|` — key
// version, Unix timestamp, name, Base64 payload — then the lowercase hex
// HMAC-SHA256 of everything before it, trailing `|` included. Lengths are in
// bytes. The payload is readable by the client: signing prevents tampering,
// it does not hide anything.

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import SquallCore

/// Creating and verifying Tornado-compatible version-2 signed values.
///
/// Only version 2 is supported: version-1 values (written by Tornado before
/// 3.2, signed with HMAC-SHA1 without field delimiters) are rejected with
/// `.unsupportedVersion`. Unlike Tornado, which accepts any future
/// timestamp in version 2, values dated more than 31 days ahead of `now` are
/// rejected (Tornado's own version-1 bound).
public enum SignedValue {
    /// How far in the future a timestamp may lie before the value is refused, in seconds.
    static let futureTolerance: Double = 31 * 86_400

    /// Signs `value` under `name` with `secret`'s current key, timestamped `now`.
    ///
    /// `name` ties the value to one use (usually the cookie name): a value
    /// signed for `"user"` does not verify as `"admin"`. The result is ASCII
    /// and contains `|` and `=`, so `SetCookie` quotes it (as Tornado does).
    public static func create(secret: CookieSecret, name: String, value: some Collection<UInt8>, now: Date = Date()) -> String {
        // Python's int(time.time()) truncates toward zero.
        let timestamp = Int(now.timeIntervalSince1970.rounded(.towardZero))
        let fields = [String(secret.currentVersion), String(timestamp), name, Base64.encode(value)]
        var signed = "2|"
        for field in fields {
            signed += "\(field.utf8.count):\(field)|"
        }
        return signed + signature(of: signed.utf8, signer: secret.currentSigner)
    }

    /// Signs the UTF-8 bytes of `value`; see `create(secret:name:value:now:)`.
    public static func create(secret: CookieSecret, name: String, value: String, now: Date = Date()) -> String {
        create(secret: secret, name: name, value: Array(value.utf8), now: now)
    }

    /// Verifies `value` and returns the payload bytes it carries.
    ///
    /// Checks, in this order: version 2; field layout; key version known to
    /// `secret`; HMAC (compared in constant time); `name`; timestamp not
    /// older than `maxAgeDays` days (default 31, fractions allowed) nor more
    /// than 31 days in the future; Base64 payload. Throws `SignedValueError`
    /// naming the first check that failed.
    public static func decode(
        secret: CookieSecret, name: String, value: String, maxAgeDays: Double = 31, now: Date = Date()
    ) throws(SignedValueError) -> [UInt8] {
        let bytes = Array(value.utf8)
        let fields = try SignedFields(parsing: bytes)
        guard let signer = secret.signer(forVersion: fields.keyVersion) else { throw .unknownKeyVersion }
        let expected = signature(of: bytes[..<fields.signatureStart], signer: signer)
        guard ConstantTime.equals(bytes[fields.signatureStart...], expected.utf8) else { throw .badSignature }
        guard fields.name.elementsEqual(name.utf8) else { throw .wrongName }
        let age = now.timeIntervalSince1970 - Double(fields.timestamp)
        guard age <= maxAgeDays * 86_400 else { throw .expired }
        guard -age <= futureTolerance else { throw .futureTimestamp }
        guard let payload = Base64.decode(String(decoding: fields.payload, as: UTF8.self)) else { throw .malformed }
        return payload
    }

    /// The key version written in a version-2 signed value, without
    /// verifying it; `nil` if `value` is not a well-formed version-2 value.
    /// Lets an application re-sign values made with a retired key.
    public static func keyVersion(of value: String) -> Int? {
        try? SignedFields(parsing: Array(value.utf8)).keyVersion
    }

    private static func signature(of message: some Sequence<UInt8>, signer: HMAC<SHA256>) -> String {
        var mac = signer
        mac.update(message)
        return Hex.encode(mac.finalize())
    }
}
