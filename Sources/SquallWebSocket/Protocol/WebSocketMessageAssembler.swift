// Reassembly of data messages from frames (RFC 6455 §5.4) with the checks
// that need the whole message in view: the size limit (checked against each
// frame's declared length before its bytes are buffered), UTF-8 validity of
// text (checked as each piece arrives, so an invalid byte fails the
// connection at once, even mid-frame), and permessage-deflate decompression
// (RFC 7692 §6.2), which is capped at the limit as it inflates.

import SquallCore
import SquallCompression

/// Accumulates the current data message. Internal to `WebSocketStateMachine`.
struct WebSocketMessageAssembler {
    /// Buffers that grew past this are released after their message instead
    /// of being kept for reuse, so one huge message does not pin memory.
    private static let retainedCapacity = 64 * 1024
    /// The most reserved ahead of a frame's bytes arriving.
    private static let reservationLimit = 1024 * 1024

    let maxMessageSize: Int
    private let inflater: MessageInflater?
    /// The opcode of the message in progress, `nil` between messages.
    private(set) var opcode: WebSocketOpcode?
    private var isCompressed = false
    /// The (decompressed) message so far.
    private var buffer: [UInt8] = []
    /// Unmasked compressed bytes on their way to the inflater.
    private var scratch: [UInt8] = []
    /// Compressed bytes received for this message, limited like the output.
    private var compressedCount = 0
    private var validator = UTF8Validator()

    init(maxMessageSize: Int, inflater: MessageInflater?) {
        self.maxMessageSize = maxMessageSize
        self.inflater = inflater
    }

    /// `true` while a fragmented message awaits its continuation frames.
    var isInProgress: Bool { opcode != nil }

    /// Starts a message of `opcode` (text or binary).
    mutating func begin(_ opcode: WebSocketOpcode, compressed: Bool) {
        self.opcode = opcode
        isCompressed = compressed
        compressedCount = 0
        validator.reset()
    }

    /// Checks a new frame of `length` bytes against the size limit, before
    /// any of its payload is buffered, and reserves room for it.
    mutating func frameStarted(length: Int) throws(WebSocketProtocolError) {
        let received = isCompressed ? compressedCount : buffer.count
        guard length <= maxMessageSize - received else {
            throw WebSocketProtocolError(.messageTooBig, "message exceeds \(maxMessageSize) bytes")
        }
        if isCompressed {
            compressedCount += length
        } else if buffer.capacity - buffer.count < length {
            // Room for the announced frame is reserved up to a cap; past it
            // the buffer grows only as bytes arrive, so a peer announcing a
            // big frame and sending it slowly gains at most the cap. Growth
            // stays geometric across many small fragments.
            let wanted = buffer.count + min(length, Self.reservationLimit)
            buffer.reserveCapacity(max(wanted, min(buffer.capacity * 2, maxMessageSize)))
        }
    }

    /// Appends the next piece of a frame's payload, unmasking it with `mask`
    /// at payload position `phase`, and fails at the first invalid UTF-8
    /// byte of a text message.
    mutating func append(_ piece: UnsafeRawBufferPointer, mask: WebSocketMaskKey?, phase: Int) throws(WebSocketProtocolError) {
        let start = buffer.count
        if isCompressed {
            try inflate(piece, mask: mask, phase: phase)
        } else {
            buffer.append(contentsOf: piece)
            if let mask {
                buffer.withUnsafeMutableBytes { mask.apply(to: UnsafeMutableRawBufferPointer(rebasing: $0[start...]), phase: phase) }
            }
        }
        try validateText(from: start)
    }

    /// Completes the message after its final frame and returns it.
    mutating func finish() throws(WebSocketProtocolError) -> WebSocketAction {
        if isCompressed, let inflater {
            let start = buffer.count
            do {
                try inflater.finishMessage(into: &buffer, limit: maxMessageSize)
            } catch {
                throw Self.failure(for: error, limit: maxMessageSize)
            }
            try validateText(from: start)
        }
        defer { opcode = nil }
        guard opcode == .text else {
            let message = buffer
            buffer = []
            return .deliverBinary(message)
        }
        guard validator.isComplete else { throw Self.truncatedText }
        let text = String(decoding: buffer, as: UTF8.self)
        if buffer.capacity > Self.retainedCapacity {
            buffer = []
        } else {
            buffer.removeAll(keepingCapacity: true)
        }
        return .deliverText(text)
    }

    /// Builds a complete single-frame message straight from its payload:
    /// one copy (unmasking on the way) into the delivered value, no staging.
    func singleFrameMessage(_ payload: UnsafeRawBufferPointer, opcode: WebSocketOpcode,
                            mask: WebSocketMaskKey?) throws(WebSocketProtocolError) -> WebSocketAction {
        guard opcode == .text else {
            // Array(_:) then unmasking in place: init(unsafeUninitializedCapacity:)
            // allocates through an unspecialized path (a runtime metadata lookup).
            var message = Array(payload)
            if let mask { message.withUnsafeMutableBytes { mask.apply(to: $0) } }
            return .deliverBinary(message)
        }
        var validator = UTF8Validator()
        var outcome = UTF8Validator.Outcome.complete
        let text = String(unsafeUninitializedCapacity: payload.count) { storage in
            Self.copy(payload, mask: mask, to: UnsafeMutableRawBufferPointer(storage))
            outcome = validator.consume(UnsafeRawBufferPointer(storage))
            return payload.count
        }
        switch outcome {
        case .complete: return .deliverText(text)
        case .incomplete: throw Self.truncatedText
        case .invalid: throw Self.invalidText
        }
    }

    private static let invalidText = WebSocketProtocolError(.invalidPayloadData, "text message is not valid UTF-8")
    private static let truncatedText = WebSocketProtocolError(.invalidPayloadData, "text message ends inside a UTF-8 sequence")

    private static func copy(_ payload: UnsafeRawBufferPointer, mask: WebSocketMaskKey?, to storage: UnsafeMutableRawBufferPointer) {
        if let mask {
            mask.apply(from: payload, to: storage)
        } else if payload.count > 0 {
            storage.copyMemory(from: payload)
        }
    }

    private mutating func inflate(_ piece: UnsafeRawBufferPointer, mask: WebSocketMaskKey?, phase: Int) throws(WebSocketProtocolError) {
        guard let inflater else { return }
        do {
            if let mask {
                scratch.removeAll(keepingCapacity: true)
                scratch.append(contentsOf: piece)
                scratch.withUnsafeMutableBytes { mask.apply(to: $0, phase: phase) }
                try inflater.decompress(scratch, into: &buffer, limit: maxMessageSize)
            } else {
                try inflater.decompress(piece, into: &buffer, limit: maxMessageSize)
            }
        } catch {
            throw Self.failure(for: error, limit: maxMessageSize)
        }
    }

    private static func failure(for error: CompressionError, limit: Int) -> WebSocketProtocolError {
        error.kind == .outputLimitExceeded
            ? WebSocketProtocolError(.messageTooBig, "decompressed message exceeds \(limit) bytes")
            : WebSocketProtocolError(.invalidPayloadData, "invalid compressed data")
    }

    private mutating func validateText(from start: Int) throws(WebSocketProtocolError) {
        guard opcode == .text, start < buffer.count else { return }
        let outcome = buffer.withUnsafeBytes { validator.consume(UnsafeRawBufferPointer(rebasing: $0[start...])) }
        if case .invalid = outcome { throw Self.invalidText }
    }
}
