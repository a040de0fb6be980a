// The secret key(s) that sign cookies, like Tornado's `cookie_secret`.
//
// Either one key, or several numbered keys with one of them current: new
// values are signed with the current key and carry its number, while values
// signed with the older keys still verify. This lets a deployment rotate its
// secret without logging everybody out (Tornado's `key_version`).

import SquallCore

/// One signing key, or a map of numbered keys with a current version.
///
/// Keys should be long random byte strings (32+ bytes). A `String` key is
/// used as its UTF-8 bytes, exactly as Tornado uses a `str` secret.
/// Each key is kept as a keyed HMAC-SHA256 state, so signing does not
/// re-derive the key pads every time.
public struct CookieSecret: Sendable {
    /// HMAC state per key version (versioned secrets only).
    private let signers: [Int: HMAC<SHA256>]
    /// True when built from a version map: only the listed versions verify.
    private let isVersioned: Bool
    /// The version whose key signs new values; written into each value.
    public let currentVersion: Int
    /// The HMAC state that signs new values.
    let currentSigner: HMAC<SHA256>

    /// A single key. Values it signs carry key version 0; when verifying,
    /// the key version written in a value is ignored (as in Tornado).
    /// Throws `SignedValueError.invalidSecret` for an empty key.
    public init(_ key: some Collection<UInt8>) throws(SignedValueError) {
        guard !key.isEmpty else { throw .invalidSecret }
        currentSigner = HMAC(key: key)
        signers = [:]
        isVersioned = false
        currentVersion = 0
    }

    /// A single key given as text, used as its UTF-8 bytes.
    public init(_ key: String) throws(SignedValueError) {
        try self.init(Array(key.utf8))
    }

    /// Numbered keys for rotation: new values are signed with
    /// `keys[current]`; values signed with any listed version verify, values
    /// naming an unlisted version do not. Throws `.invalidSecret` when
    /// `current` is not in `keys`, a version is negative, or a key is empty.
    public init(keys: [Int: String], current: Int) throws(SignedValueError) {
        guard let currentKey = keys[current], !keys.contains(where: { $0.key < 0 || $0.value.isEmpty }) else {
            throw .invalidSecret
        }
        signers = keys.mapValues { HMAC(key: $0.utf8) }
        currentSigner = HMAC(key: currentKey.utf8)
        isVersioned = true
        currentVersion = current
    }

    /// The HMAC state to verify a value that names `version`, or `nil` if a
    /// versioned secret has no such version.
    func signer(forVersion version: Int) -> HMAC<SHA256>? {
        isVersioned ? signers[version] : currentSigner
    }
}
