// The Merkle–Damgård construction shared by SHA-1 and SHA-256 (FIPS 180-4
// §5.1.1, §5.2.1): the message is cut into 64-byte blocks, each folded into a
// fixed-size state by a compression function, and the last block is padded
// with 0x80, zeros and the 64-bit big-endian message length in bits.
//
// Only the compression function and the state differ between the two hashes,
// so the block buffering and padding live here once.

/// The part of a 64-byte-block hash that differs between algorithms: its
/// chaining state and how one block is folded into it.
protocol BlockCompressor: Sendable {
    /// Folds one 64-byte block into the state.
    mutating func compress(_ block: UnsafeRawBufferPointer)
    /// The state written out big-endian: the digest once the padding is in.
    var digest: [UInt8] { get }
}

/// Buffers a message into 64-byte blocks for a `BlockCompressor` and applies
/// the final padding. A value type: copies hash independently.
struct MerkleDamgard<Compressor: BlockCompressor>: Sendable {
    /// The algorithm's chaining state.
    private var compressor: Compressor
    /// Bytes of the current, not yet compressed block.
    private var block = InlineArray<64, UInt8>(repeating: 0)
    /// How many bytes of `block` are filled (0..<64).
    private var blockCount = 0
    /// Total message length in bytes, for the final length field.
    private var messageLength: UInt64 = 0

    /// Starts an empty message from the algorithm's initial state.
    init(_ initial: Compressor) { compressor = initial }

    /// Feeds the next part of the message; any size, including empty.
    mutating func update(_ bytes: UnsafeRawBufferPointer) {
        messageLength &+= UInt64(bytes.count)
        var offset = 0
        if blockCount > 0 {
            let take = min(64 - blockCount, bytes.count)
            for i in 0..<take { block[blockCount + i] = bytes[i] }
            blockCount += take
            offset = take
            guard blockCount == 64 else { return }
            let buffered = block
            withUnsafeBytes(of: buffered) { compressor.compress($0) }
            blockCount = 0
        }
        // Whole blocks are compressed straight from the caller's memory.
        while bytes.count - offset >= 64 {
            compressor.compress(UnsafeRawBufferPointer(rebasing: bytes[offset..<offset + 64]))
            offset += 64
        }
        for i in offset..<bytes.count { block[i - offset] = bytes[i] }
        blockCount = bytes.count - offset
    }

    /// The digest of everything fed so far; `self` is unchanged.
    func finalize() -> [UInt8] {
        var copy = self
        let bitLength = messageLength &* 8
        // 0x80, zeros up to 56 mod 64, then the 64-bit big-endian bit length.
        var padding = InlineArray<72, UInt8>(repeating: 0)
        let paddingCount = 1 + (64 + 55 - blockCount) % 64 + 8
        padding[0] = 0x80
        for i in 0..<8 { padding[paddingCount - 1 - i] = UInt8(truncatingIfNeeded: bitLength >> (8 * UInt64(i))) }
        withUnsafeBytes(of: padding) { copy.update(UnsafeRawBufferPointer(rebasing: $0[0..<paddingCount])) }
        return copy.compressor.digest
    }
}

extension InlineArray where Element == UInt32 {
    /// The words written out big-endian, as SHA digests are.
    var bigEndianBytes: [UInt8] {
        var bytes = [UInt8](repeating: 0, count: count * 4)
        for i in 0..<count {
            for j in 0..<4 { bytes[4 * i + j] = UInt8(truncatingIfNeeded: self[i] >> (24 - 8 * UInt32(j))) }
        }
        return bytes
    }
}

extension UnsafeRawBufferPointer {
    /// The `index`-th 32-bit big-endian word of a block (SHA message words).
    @inline(__always)
    func bigEndianWord(_ index: Int) -> UInt32 {
        UInt32(bigEndian: loadUnaligned(fromByteOffset: 4 * index, as: UInt32.self))
    }
}
