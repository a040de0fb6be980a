// SHA-256 (FIPS 180-4 §6.2): the 256-bit member of the SHA-2 family.
//
// Used by Squall for HMAC-SHA256 signed cookies. Pure Swift, no allocation
// beyond the returned digest: state and the partial block live inline in the
// value. Block buffering and padding come from `MerkleDamgard`; this file
// holds only SHA-256's state and compression function.

/// An incremental SHA-256 hasher.
///
/// Feed the message with `update(_:)` in pieces of any size, then call
/// `finalize()`; or use `SHA256.hash(_:)` for a whole message at once.
/// A value type: copies hash independently. Messages up to 2^61 − 1 bytes.
public struct SHA256: HashFunction {
    /// 64: SHA-256 compresses 512-bit blocks.
    public static let blockSize = 64
    /// 32: SHA-256 digests are 256 bits.
    public static let digestSize = 32

    private var engine = MerkleDamgard(SHA256Compressor())

    /// Creates a hasher for a new, empty message.
    public init() {}

    /// Feeds the next part of the message; any size, including empty.
    public mutating func update(_ bytes: UnsafeRawBufferPointer) {
        engine.update(bytes)
    }

    /// Returns the 32-byte digest of everything fed so far; the hasher itself
    /// is unchanged, so feeding may continue.
    public func finalize() -> [UInt8] {
        engine.finalize()
    }
}

/// SHA-256's chaining state and compression function (FIPS 180-4 §6.2).
private struct SHA256Compressor: BlockCompressor {
    /// Round constants: first 32 bits of the fractional parts of the cube
    /// roots of the first 64 primes (FIPS 180-4 §4.2.2).
    private static let roundConstants: InlineArray<64, UInt32> = [
        0x428a_2f98, 0x7137_4491, 0xb5c0_fbcf, 0xe9b5_dba5, 0x3956_c25b, 0x59f1_11f1, 0x923f_82a4, 0xab1c_5ed5,
        0xd807_aa98, 0x1283_5b01, 0x2431_85be, 0x550c_7dc3, 0x72be_5d74, 0x80de_b1fe, 0x9bdc_06a7, 0xc19b_f174,
        0xe49b_69c1, 0xefbe_4786, 0x0fc1_9dc6, 0x240c_a1cc, 0x2de9_2c6f, 0x4a74_84aa, 0x5cb0_a9dc, 0x76f9_88da,
        0x983e_5152, 0xa831_c66d, 0xb003_27c8, 0xbf59_7fc7, 0xc6e0_0bf3, 0xd5a7_9147, 0x06ca_6351, 0x1429_2967,
        0x27b7_0a85, 0x2e1b_2138, 0x4d2c_6dfc, 0x5338_0d13, 0x650a_7354, 0x766a_0abb, 0x81c2_c92e, 0x9272_2c85,
        0xa2bf_e8a1, 0xa81a_664b, 0xc24b_8b70, 0xc76c_51a3, 0xd192_e819, 0xd699_0624, 0xf40e_3585, 0x106a_a070,
        0x19a4_c116, 0x1e37_6c08, 0x2748_774c, 0x34b0_bcb5, 0x391c_0cb3, 0x4ed8_aa4a, 0x5b9c_ca4f, 0x682e_6ff3,
        0x748f_82ee, 0x78a5_636f, 0x84c8_7814, 0x8cc7_0208, 0x90be_fffa, 0xa450_6ceb, 0xbef9_a3f7, 0xc671_78f2,
    ]

    /// Running hash value H(i), initialised per FIPS 180-4 §5.3.3.
    private var state: InlineArray<8, UInt32> = [
        0x6a09_e667, 0xbb67_ae85, 0x3c6e_f372, 0xa54f_f53a, 0x510e_527f, 0x9b05_688c, 0x1f83_d9ab, 0x5be0_cd19,
    ]

    /// H(N) written out big-endian: the digest once the padding is in.
    var digest: [UInt8] { state.bigEndianBytes }

    /// The SHA-256 compression function over one 64-byte block (FIPS 180-4 §6.2.2).
    mutating func compress(_ chunk: UnsafeRawBufferPointer) {
        var w = InlineArray<64, UInt32>(repeating: 0)
        for t in 0..<16 {
            w[t] = UInt32(chunk[4 * t]) << 24 | UInt32(chunk[4 * t + 1]) << 16
                | UInt32(chunk[4 * t + 2]) << 8 | UInt32(chunk[4 * t + 3])
        }
        for t in 16..<64 {
            let s0 = rotr(w[t - 15], 7) ^ rotr(w[t - 15], 18) ^ (w[t - 15] >> 3)
            let s1 = rotr(w[t - 2], 17) ^ rotr(w[t - 2], 19) ^ (w[t - 2] >> 10)
            w[t] = w[t - 16] &+ s0 &+ w[t - 7] &+ s1
        }
        var a = state[0], b = state[1], c = state[2], d = state[3]
        var e = state[4], f = state[5], g = state[6], h = state[7]
        for t in 0..<64 {
            let sigma1 = rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)
            let choose = (e & f) ^ (~e & g)
            let t1 = h &+ sigma1 &+ choose &+ Self.roundConstants[t] &+ w[t]
            let sigma0 = rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)
            let majority = (a & b) ^ (a & c) ^ (b & c)
            let t2 = sigma0 &+ majority
            h = g; g = f; f = e; e = d &+ t1
            d = c; c = b; b = a; a = t1 &+ t2
        }
        state[0] &+= a; state[1] &+= b; state[2] &+= c; state[3] &+= d
        state[4] &+= e; state[5] &+= f; state[6] &+= g; state[7] &+= h
    }

    @inline(__always)
    private func rotr(_ x: UInt32, _ n: UInt32) -> UInt32 {
        (x >> n) | (x << (32 - n))
    }
}
