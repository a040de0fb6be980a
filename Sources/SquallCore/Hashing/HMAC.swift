// HMAC (RFC 2104): a keyed message authentication code built from a hash.
//
// HMAC(K, m) = H((K' ⊕ opad) ‖ H((K' ⊕ ipad) ‖ m)), where K' is the key
// zero-padded to the hash's block size (keys longer than a block are hashed
// first). Squall signs cookies and XSRF data with `HMAC<SHA256>`.

/// An incremental HMAC over any `HashFunction`, e.g. `HMAC<SHA256>`.
///
/// Create it with the key, feed the message with `update(_:)` in pieces of
/// any size, then `finalize()`. Compare received codes with
/// `ConstantTime.equals(_:_:)`, never `==`, so timing reveals nothing.
public struct HMAC<H: HashFunction>: Sendable {
    /// Hasher already fed `K' ⊕ ipad`; the message goes here.
    private var inner: H
    /// Hasher already fed `K' ⊕ opad`; receives the inner digest at the end.
    private let outer: H

    /// Starts a MAC computation with `key` (any length; empty is allowed).
    public init(key: some Sequence<UInt8>) {
        var block = Array(key)
        if block.count > H.blockSize {
            block = H.hash(block)
        }
        block += repeatElement(0, count: H.blockSize - block.count)
        var inner = H()
        inner.update(block.map { $0 ^ 0x36 })
        var outer = H()
        outer.update(block.map { $0 ^ 0x5c })
        self.inner = inner
        self.outer = outer
    }

    /// Feeds the next part of the message; any size, including empty.
    public mutating func update(_ bytes: UnsafeRawBufferPointer) {
        inner.update(bytes)
    }

    /// Feeds the next part of the message from any byte sequence.
    public mutating func update(_ bytes: some Sequence<UInt8>) {
        inner.update(bytes)
    }

    /// Returns the authentication code (`H.digestSize` bytes) of everything
    /// fed so far; the MAC state is unchanged.
    public func finalize() -> [UInt8] {
        var outer = self.outer
        outer.update(inner.finalize())
        return outer.finalize()
    }

    /// One-shot authentication code of `message` under `key`, `H.digestSize` bytes.
    public static func authenticationCode(key: some Sequence<UInt8>, message: some Sequence<UInt8>) -> [UInt8] {
        var mac = HMAC(key: key)
        mac.update(message)
        return mac.finalize()
    }
}
