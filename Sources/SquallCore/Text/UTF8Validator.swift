// Incremental UTF-8 validation (RFC 3629, Unicode §3.9 Table 3-7).
//
// WebSocket text messages arrive in fragments split at arbitrary byte
// positions, and RFC 6455 §8.1 wants the connection failed as soon as the
// bytes stop being valid UTF-8 — not after the whole message has been
// buffered. The validator is a small state machine fed chunk by chunk that
// remembers an unfinished sequence across chunks and reports the first byte
// that makes the input invalid. Overlong forms, UTF-16 surrogates
// (U+D800–U+DFFF) and code points above U+10FFFF are rejected. Runs of ASCII
// are checked eight bytes at a time.

/// A resumable UTF-8 validator; feed it chunks with `consume(_:)`.
///
/// A value type holding only its state (no allocation). Once it has seen an
/// invalid byte it stays invalid until `reset()`.
public struct UTF8Validator: Sendable, Equatable {
    /// What the bytes fed so far amount to.
    public enum Outcome: Sendable, Equatable {
        /// Valid, and not inside a multi-byte sequence: the input could end here.
        case complete
        /// Valid so far, but the last chunk ended inside a multi-byte sequence.
        case incomplete
        /// Invalid. `offset` is the index, within the chunk just consumed, of the
        /// first byte that cannot continue valid UTF-8 (0 if the validator was
        /// already invalid before this chunk).
        case invalid(offset: Int)
    }

    /// Where the validator is inside a sequence. Each case says what the next
    /// byte must be; `state` is `.accept` between characters.
    private enum State: UInt8, Sendable {
        /// Between characters.
        case accept
        /// One more continuation byte (80–BF) expected.
        case tail1
        /// Two more continuation bytes expected.
        case tail2
        /// Three more continuation bytes expected.
        case tail3
        /// After E0: A0–BF (anything lower would be overlong), then one more.
        case afterE0
        /// After ED: 80–9F (A0–BF would encode a surrogate), then one more.
        case afterED
        /// After F0: 90–BF (anything lower would be overlong), then two more.
        case afterF0
        /// After F4: 80–8F (anything higher exceeds U+10FFFF), then two more.
        case afterF4
        /// An invalid byte was seen.
        case reject
    }

    private var state = State.accept

    /// Creates a validator at the start of a text.
    public init() {}

    /// `true` while no invalid byte has been seen.
    public var isValid: Bool { state != .reject }

    /// `true` when everything fed so far is valid and no sequence is left
    /// unfinished: the text may end here.
    public var isComplete: Bool { state == .accept }

    /// Forgets all input, ready for a new text.
    public mutating func reset() { state = .accept }

    /// Validates the next chunk of the text; chunks may split a character
    /// anywhere. Stops at the first invalid byte and reports its offset.
    public mutating func consume(_ bytes: UnsafeRawBufferPointer) -> Outcome {
        if state == .reject { return .invalid(offset: 0) }
        var i = 0
        let count = bytes.count
        while i < count {
            if state == .accept {
                // Fast path: skip ASCII eight bytes at a time.
                while i + 8 <= count,
                      bytes.loadUnaligned(fromByteOffset: i, as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
                    i += 8
                }
                while i < count, bytes[i] < 0x80 { i += 1 }
                if i == count { break }
            }
            state = Self.next(state, bytes[i])
            if state == .reject { return .invalid(offset: i) }
            i += 1
        }
        return state == .accept ? .complete : .incomplete
    }

    /// Validates a chunk held in any contiguous byte collection; see `consume(_:)`.
    public mutating func consume(_ bytes: [UInt8]) -> Outcome {
        bytes.withUnsafeBytes { consume($0) }
    }

    /// `true` if `bytes` are a complete, valid UTF-8 text.
    public static func isValid(_ bytes: UnsafeRawBufferPointer) -> Bool {
        var validator = UTF8Validator()
        return validator.consume(bytes) == .complete
    }

    /// `true` if `bytes` are a complete, valid UTF-8 text.
    public static func isValid(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBytes { isValid($0) }
    }

    /// The transition function of Unicode §3.9 Table 3-7 (well-formed byte sequences).
    @inline(__always)
    private static func next(_ state: State, _ byte: UInt8) -> State {
        switch state {
        case .accept:
            switch byte {
            case 0x00...0x7F: return .accept
            case 0xC2...0xDF: return .tail1
            case 0xE0: return .afterE0
            case 0xED: return .afterED
            case 0xE1...0xEC, 0xEE...0xEF: return .tail2
            case 0xF0: return .afterF0
            case 0xF1...0xF3: return .tail3
            case 0xF4: return .afterF4
            default: return .reject  // 80–BF stray continuation, C0/C1 overlong, F5–FF out of range
            }
        case .tail1: return isContinuation(byte) ? .accept : .reject
        case .tail2: return isContinuation(byte) ? .tail1 : .reject
        case .tail3: return isContinuation(byte) ? .tail2 : .reject
        case .afterE0: return (0xA0...0xBF).contains(byte) ? .tail1 : .reject
        case .afterED: return (0x80...0x9F).contains(byte) ? .tail1 : .reject
        case .afterF0: return (0x90...0xBF).contains(byte) ? .tail2 : .reject
        case .afterF4: return (0x80...0x8F).contains(byte) ? .tail2 : .reject
        case .reject: return .reject
        }
    }

    @inline(__always)
    private static func isContinuation(_ byte: UInt8) -> Bool { byte & 0xC0 == 0x80 }
}
