// Why a signed value (signed cookie) was rejected.
//
// Tornado answers every failure with `None`; Squall says which check failed
// so that logs can tell tampering from expiry from a misconfigured secret.

/// A rejected signed value or an unusable `CookieSecret`. Compare with the
/// static members (`error == .expired`); `description` explains it.
public struct SignedValueError: Error, Sendable, Hashable, CustomStringConvertible {
    private enum Reason: String, Sendable {
        case invalidSecret = "the cookie secret is unusable: empty key, negative version, or no key for the current version"
        case unsupportedVersion = "not a version-2 signed value (version-1 and unknown versions are refused)"
        case malformed = "the signed value is malformed (field lengths, delimiters, numbers or Base64)"
        case unknownKeyVersion = "the signed value names a key version the cookie secret does not have"
        case badSignature = "the signed value's signature is invalid (tampered with, or signed with another secret)"
        case wrongName = "the signed value was signed for a different name"
        case expired = "the signed value is older than the allowed maximum age"
        case futureTimestamp = "the signed value is dated more than 31 days in the future"
    }
    private let reason: Reason

    /// The `CookieSecret` itself is unusable (empty key, negative version, missing current version).
    public static let invalidSecret = SignedValueError(reason: .invalidSecret)
    /// Not a version-2 value: version-1 (pre-Tornado 3.2) values and unknown versions are refused.
    public static let unsupportedVersion = SignedValueError(reason: .unsupportedVersion)
    /// The fields do not follow the `2|len:field|…|signature` layout, or
    /// the key version, timestamp or Base64 payload cannot be read.
    public static let malformed = SignedValueError(reason: .malformed)
    /// The value names a key version the versioned secret does not have.
    public static let unknownKeyVersion = SignedValueError(reason: .unknownKeyVersion)
    /// The HMAC does not match: tampered with, or signed with another secret.
    public static let badSignature = SignedValueError(reason: .badSignature)
    /// Correctly signed, but for a different name (e.g. another cookie).
    public static let wrongName = SignedValueError(reason: .wrongName)
    /// Older than the allowed maximum age.
    public static let expired = SignedValueError(reason: .expired)
    /// Dated more than 31 days in the future.
    public static let futureTimestamp = SignedValueError(reason: .futureTimestamp)

    /// A sentence saying which check failed.
    public var description: String { reason.rawValue }
}
