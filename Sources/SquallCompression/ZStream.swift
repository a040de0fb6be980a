// The zlib stream both directions share: a `z_stream` at a fixed address
// (zlib keeps a pointer back to it, so it must never move) plus a scratch
// buffer zlib writes into, and the loop that drives deflate() or inflate()
// until the input is used up, copying output into the caller's array.
//
// The loop enforces an output limit *while* producing output: it never lets
// zlib write more than one byte past the limit, and never grows the caller's
// array beyond the limit, so a decompression bomb costs at most
// `limit` + one scratch chunk of memory before it is stopped.

import CZlib

/// Owns one zlib stream; ends it (freeing zlib's state) on deinit.
struct ZStream: ~Copyable {
    /// Which zlib engine the stream was initialised for.
    enum Direction {
        case deflate, inflate
    }

    /// Bytes zlib may write per call before the output is copied out.
    static let chunkSize = 16 * 1024

    let pointer: UnsafeMutablePointer<z_stream>
    private let scratch: UnsafeMutableRawBufferPointer
    private let direction: Direction

    /// Allocates a stream and initialises it with `initialise`, which gets
    /// the stream and must return zlib's init result.
    init(_ direction: Direction, initialise: (UnsafeMutablePointer<z_stream>) -> Int32) throws(CompressionError) {
        let pointer = UnsafeMutablePointer<z_stream>.allocate(capacity: 1)
        pointer.initialize(to: z_stream())
        let code = initialise(pointer)
        guard code == Z_OK else {
            pointer.deallocate()
            throw code == Z_MEM_ERROR
                ? CompressionError(.outOfMemory, "zlib could not allocate its stream state")
                : CompressionError(.invalidParameters, "zlib rejected the stream parameters (code \(code))")
        }
        self.pointer = pointer
        self.direction = direction
        scratch = UnsafeMutableRawBufferPointer.allocate(byteCount: Self.chunkSize, alignment: 8)
    }

    deinit {
        switch direction {
        case .deflate: _ = deflateEnd(pointer)
        case .inflate: _ = inflateEnd(pointer)
        }
        pointer.deallocate()
        scratch.deallocate()
    }

    /// Feeds `input` to `step` (a call of deflate() or inflate() on the
    /// stream; its Bool says whether this is the last piece of input) until
    /// the input is consumed and zlib has no more output for now, or the
    /// stream ends. Output is appended to `output`, whose count never exceeds
    /// `limit` (`outputLimitExceeded` is thrown instead).
    ///
    /// Returns zlib's last result (`Z_OK`, `Z_STREAM_END` or `Z_BUF_ERROR`,
    /// the latter meaning nothing was left to do) and how many input bytes
    /// were consumed (fewer than `input.count` only when the stream ended).
    func pump(_ input: UnsafeRawBufferPointer, into output: inout [UInt8], limit: Int,
              step: (UnsafeMutablePointer<z_stream>, Bool) -> Int32) throws(CompressionError) -> (code: Int32, consumed: Int) {
        var consumed = 0
        var code = Z_OK
        repeat {
            // zlib counts input in 32 bits; larger inputs go in pieces.
            let pieceCount = min(input.count - consumed, Int(UInt32.max))
            let isLastPiece = consumed + pieceCount == input.count
            pointer.pointee.next_in = input.baseAddress.map {
                UnsafeMutablePointer(mutating: ($0 + consumed).assumingMemoryBound(to: Bytef.self))
            }
            pointer.pointee.avail_in = UInt32(pieceCount)
            repeat {
                let allowance = limit - output.count
                let room = allowance >= scratch.count ? scratch.count : allowance + 1
                pointer.pointee.next_out = scratch.baseAddress!.assumingMemoryBound(to: Bytef.self)
                pointer.pointee.avail_out = UInt32(room)
                code = step(pointer, isLastPiece)
                if code == Z_NEED_DICT || (code < 0 && code != Z_BUF_ERROR) { throw error(for: code) }
                try append(count: room - Int(pointer.pointee.avail_out), to: &output, limit: limit)
            } while code == Z_OK && (pointer.pointee.avail_out == 0 || pointer.pointee.avail_in > 0)
            consumed += pieceCount - Int(pointer.pointee.avail_in)
        } while code == Z_OK && consumed < input.count
        return (code, consumed)
    }

    /// Copies `count` scratch bytes to `output`, growing it by doubling but
    /// never beyond `limit`.
    private func append(count: Int, to output: inout [UInt8], limit: Int) throws(CompressionError) {
        guard count > 0 else { return }
        let needed = output.count + count
        guard needed <= limit else {
            throw CompressionError(.outputLimitExceeded, "output exceeds the limit of \(limit) bytes")
        }
        if output.capacity < needed {
            output.reserveCapacity(min(limit, max(needed, output.capacity * 2)))
        }
        output.append(contentsOf: UnsafeRawBufferPointer(rebasing: scratch[0..<count]))
    }

    private func error(for code: Int32) -> CompressionError {
        let detail = pointer.pointee.msg.map { String(cString: $0) }
        switch code {
        case Z_MEM_ERROR: return CompressionError(.outOfMemory, "zlib ran out of memory")
        case Z_NEED_DICT: return CompressionError(.corruptData, "the stream needs a preset dictionary")
        case Z_DATA_ERROR: return CompressionError(.corruptData, detail ?? "invalid compressed data")
        default: return CompressionError(.invalidParameters, detail ?? "zlib stream error (code \(code))")
        }
    }
}
