// Constant-time comparison for secrets.
//
// Comparing a received MAC or token with `==` stops at the first differing
// byte, so response timing tells an attacker how many leading bytes they
// guessed right. These comparisons always touch every byte.

/// Comparisons whose running time does not depend on the bytes' contents.
public enum ConstantTime {
    /// True when `a` and `b` have the same length and the same bytes.
    ///
    /// Time depends only on the lengths, never on where the first difference
    /// is. Like Python's `hmac.compare_digest`, a length mismatch returns
    /// `false` at once: lengths of MACs and tokens are public anyway.
    /// Inlinable so that each caller gets a loop specialised for its
    /// collection types instead of a generic per-byte dispatch.
    @inlinable
    public static func equals(_ a: some Collection<UInt8>, _ b: some Collection<UInt8>) -> Bool {
        guard a.count == b.count else { return false }
        var difference: UInt8 = 0
        for (x, y) in zip(a, b) {
            difference |= x ^ y
        }
        return difference == 0
    }
}
