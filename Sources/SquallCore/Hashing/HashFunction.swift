// Hash functions: the common shape of Squall's message digests (SHA-256, SHA-1).
//
// A hash function consumes a message in pieces (`update`) and produces a
// fixed-size digest (`finalize`). HMAC is written once, generically, over this
// protocol, so any conforming digest gets a keyed MAC for free.

/// A streaming cryptographic hash function with a fixed block and digest size.
///
/// Conforming types are value types: copying a half-fed hasher forks the
/// computation, which HMAC and callers hashing a shared prefix rely on.
public protocol HashFunction: Sendable {
    /// Bytes per compression block (64 for SHA-1 and SHA-256). HMAC pads or
    /// hashes keys to exactly this many bytes.
    static var blockSize: Int { get }

    /// Bytes in a finished digest (32 for SHA-256, 20 for SHA-1).
    static var digestSize: Int { get }

    /// Creates a hasher in its initial state, as if no bytes had been fed.
    init()

    /// Feeds the next part of the message. Can be called any number of times
    /// with pieces of any size, including empty ones.
    mutating func update(_ bytes: UnsafeRawBufferPointer)

    /// Returns the digest of every byte fed so far, `digestSize` bytes long.
    /// Does not change the hasher, so feeding may continue afterwards.
    func finalize() -> [UInt8]
}

extension HashFunction {
    /// Feeds the next part of the message from any byte sequence
    /// (`[UInt8]`, `ArraySlice<UInt8>`, `String.UTF8View`, …). Contiguous
    /// storage is hashed in place; other sequences are copied once.
    public mutating func update(_ bytes: some Sequence<UInt8>) {
        let done: Void? = bytes.withContiguousStorageIfAvailable { update(UnsafeRawBufferPointer($0)) }
        if done == nil {
            Array(bytes).withUnsafeBytes { update($0) }
        }
    }

    /// One-shot digest of a complete message, `digestSize` bytes long.
    public static func hash(_ bytes: some Sequence<UInt8>) -> [UInt8] {
        var hasher = Self()
        hasher.update(bytes)
        return hasher.finalize()
    }
}
