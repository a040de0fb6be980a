// SHA-1 (FIPS 180-4 §6.1, RFC 3174): the 160-bit message digest.
//
// SHA-1 is broken for collision resistance and must not be used for new
// security designs. Squall needs it because RFC 6455 defines the WebSocket
// handshake's `Sec-WebSocket-Accept` value as base64(SHA-1(key + GUID)).
// Pure Swift, no allocation beyond the returned digest.

/// An incremental SHA-1 hasher.
///
/// Feed the message with `update(_:)` in pieces of any size, then call
/// `finalize()`; or use `SHA1.hash(_:)` for a whole message at once.
/// A value type: copies hash independently. Messages up to 2^61 − 1 bytes.
public struct SHA1: HashFunction {
    /// 64: SHA-1 compresses 512-bit blocks.
    public static let blockSize = 64
    /// 20: SHA-1 digests are 160 bits.
    public static let digestSize = 20

    private var hasher = MerkleDamgard(SHA1Compressor())

    /// Creates a hasher for a new, empty message.
    public init() {}

    /// Feeds the next part of the message; any size, including empty.
    public mutating func update(_ bytes: UnsafeRawBufferPointer) {
        hasher.update(bytes)
    }

    /// Returns the 20-byte digest of everything fed so far; the hasher itself
    /// is unchanged.
    public func finalize() -> [UInt8] {
        hasher.finalize()
    }
}

/// SHA-1's chaining state and compression function (FIPS 180-4 §6.1.2).
private struct SHA1Compressor: BlockCompressor {
    /// Running hash value H(i), initialised per FIPS 180-4 §5.3.1.
    private var state: InlineArray<5, UInt32> = [0x6745_2301, 0xefcd_ab89, 0x98ba_dcfe, 0x1032_5476, 0xc3d2_e1f0]

    var digest: [UInt8] { state.bigEndianBytes }

    /// Folds one block in, keeping the message schedule as a rolling
    /// 16-word window instead of all 80 words.
    mutating func compress(_ block: UnsafeRawBufferPointer) {
        var w = InlineArray<16, UInt32>(repeating: 0)
        for t in 0..<16 { w[t] = block.bigEndianWord(t) }
        var a = state[0], b = state[1], c = state[2], d = state[3], e = state[4]
        for t in 0..<80 {
            let word: UInt32
            if t < 16 {
                word = w[t]
            } else {
                word = rotl(w[(t - 3) & 15] ^ w[(t - 8) & 15] ^ w[(t - 14) & 15] ^ w[t & 15], 1)
                w[t & 15] = word
            }
            let f: UInt32, k: UInt32
            switch t {
            case 0..<20: f = (b & c) | (~b & d); k = 0x5a82_7999
            case 20..<40: f = b ^ c ^ d; k = 0x6ed9_eba1
            case 40..<60: f = (b & c) | (b & d) | (c & d); k = 0x8f1b_bcdc
            default: f = b ^ c ^ d; k = 0xca62_c1d6
            }
            let temp = rotl(a, 5) &+ f &+ e &+ k &+ word
            e = d
            d = c
            c = rotl(b, 30)
            b = a
            a = temp
        }
        state[0] &+= a
        state[1] &+= b
        state[2] &+= c
        state[3] &+= d
        state[4] &+= e
    }

    @inline(__always)
    private func rotl(_ x: UInt32, _ n: UInt32) -> UInt32 { (x << n) | (x >> (32 - n)) }
}
