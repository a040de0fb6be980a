// Incremental frame parsing (RFC 6455 §5.2). Bytes arrive in chunks cut
// anywhere; the parser turns them into a header event, payload pieces as
// they arrive (never buffered, still masked), and an end-of-frame event.
// Streaming the payload lets the layer above check UTF-8 and size limits on
// the fly, and means a peer's claimed length never causes an allocation here.
//
// Checks that need no connection context happen as soon as the bytes that
// show them arrive: reserved opcodes, fragmented or oversized control
// frames, the masking rule for the role, and 64-bit lengths with the top
// bit set. Non-minimal length encodings are accepted, as the RFC permits.

/// Splits a byte stream into frame events. A value type with no heap storage.
public struct WebSocketFrameParser: Sendable {
    /// What `parse(_:)` found.
    public enum Event {
        /// A complete frame header. Payload pieces (if any) and `.frameEnd` follow.
        case header(WebSocketFrameHeader)
        /// The next piece of the current frame's payload, pointing into the
        /// input given to `parse(_:)` (valid only as long as that memory is)
        /// and still masked; `offset` is its position within the payload,
        /// which is the phase to unmask it with.
        case payload(UnsafeRawBufferPointer, offset: Int)
        /// The current frame's payload is complete.
        case frameEnd
        /// The input is used up; call again with more bytes.
        case needMoreData
    }

    private enum State: Sendable {
        case header
        case payload(remaining: Int)
        case frameEnd
    }

    /// The longest possible header: 2 + 8 length bytes + 4 key bytes.
    private static let maxHeaderLength = 14

    /// Our role: servers require masked frames, clients unmasked ones.
    public let role: WebSocketRole
    private var state = State.header
    /// Bytes of a header split across inputs.
    private var partial = InlineArray<16, UInt8>(repeating: 0)
    private var partialCount = 0
    /// Payload bytes of the current frame delivered so far.
    private var delivered = 0

    /// Creates a parser expecting a frame header, for a connection in `role`.
    public init(role: WebSocketRole) { self.role = role }

    /// Parses from the start of `input` up to the next event.
    /// - Returns: the event and how many bytes of `input` it used. With
    ///   `.needMoreData` all of `input` has been used (a partial header is
    ///   kept internally); other events may leave input for the next call.
    /// - Throws: a `WebSocketProtocolError` (close code 1002) for a frame
    ///   that breaks RFC 6455 framing. The parser must not be used afterwards.
    public mutating func parse(_ input: UnsafeRawBufferPointer) throws(WebSocketProtocolError) -> (event: Event, consumed: Int) {
        switch state {
        case .header:
            return try parseHeader(input)
        case .payload(let remaining):
            guard !input.isEmpty else { return (.needMoreData, 0) }
            let count = min(remaining, input.count)
            let piece = UnsafeRawBufferPointer(rebasing: input[0..<count])
            let offset = delivered
            delivered += count
            state = count == remaining ? .frameEnd : .payload(remaining: remaining - count)
            return (.payload(piece, offset: offset), count)
        case .frameEnd:
            state = .header
            return (.frameEnd, 0)
        }
    }

    private mutating func parseHeader(_ input: UnsafeRawBufferPointer) throws(WebSocketProtocolError) -> (event: Event, consumed: Int) {
        if partialCount == 0 {
            if let (header, length) = try Self.decodeHeader(input, role: role) {
                return (startFrame(header), length)
            }
            // Fewer bytes than the header needs, so fewer than 14: keep them all.
            store(input)
            return (.needMoreData, input.count)
        }
        let previous = partialCount
        store(UnsafeRawBufferPointer(rebasing: input[0..<min(Self.maxHeaderLength - previous, input.count)]))
        let decoded = try withUnsafeBytes(of: partial) { (bytes) throws(WebSocketProtocolError) in
            try Self.decodeHeader(UnsafeRawBufferPointer(rebasing: bytes[0..<partialCount]), role: role)
        }
        guard let (header, length) = decoded else { return (.needMoreData, partialCount - previous) }
        partialCount = 0
        return (startFrame(header), length - previous)
    }

    private mutating func store(_ bytes: UnsafeRawBufferPointer) {
        withUnsafeMutableBytes(of: &partial) { storage in
            for (i, byte) in bytes.enumerated() { storage[partialCount + i] = byte }
        }
        partialCount += bytes.count
    }

    private mutating func startFrame(_ header: WebSocketFrameHeader) -> Event {
        delivered = 0
        state = header.payloadLength > 0 ? .payload(remaining: header.payloadLength) : .frameEnd
        return .header(header)
    }

    /// Decodes a header at the start of `bytes`, or returns `nil` if more
    /// bytes are needed. Violations are reported as soon as the bytes
    /// showing them are present.
    static func decodeHeader(_ bytes: UnsafeRawBufferPointer, role: WebSocketRole) throws(WebSocketProtocolError) -> (WebSocketFrameHeader, Int)? {
        guard bytes.count >= 2 else { return nil }
        let first = bytes[0], second = bytes[1]
        let opcode = WebSocketOpcode(rawValue: first)
        let fin = first & 0x80 != 0
        let masked = second & 0x80 != 0
        let shortLength = Int(second & 0x7F)
        guard opcode.isDefined else { throw WebSocketProtocolError(.protocolError, "\(opcode)") }
        if opcode.isControl {
            guard fin else { throw WebSocketProtocolError(.protocolError, "fragmented \(opcode) frame") }
            guard shortLength <= 125 else {
                throw WebSocketProtocolError(.protocolError, "\(opcode) frame payload longer than 125 bytes")
            }
        }
        guard masked == role.isServer else {
            throw WebSocketProtocolError(.protocolError, masked ? "masked frame from the server" : "unmasked frame from the client")
        }
        let lengthBytes = shortLength == 126 ? 2 : (shortLength == 127 ? 8 : 0)
        let headerLength = 2 + lengthBytes + (masked ? 4 : 0)
        guard bytes.count >= headerLength else { return nil }
        var length = shortLength
        if lengthBytes == 2 {
            length = Int(UInt16(bigEndian: bytes.loadUnaligned(fromByteOffset: 2, as: UInt16.self)))
        } else if lengthBytes == 8 {
            let long = UInt64(bigEndian: bytes.loadUnaligned(fromByteOffset: 2, as: UInt64.self))
            guard long >> 63 == 0 else {
                throw WebSocketProtocolError(.protocolError, "64-bit payload length with the most significant bit set")
            }
            length = Int(long)
        }
        let header = WebSocketFrameHeader(
            fin: fin, rsv1: first & 0x40 != 0, rsv2: first & 0x20 != 0, rsv3: first & 0x10 != 0, opcode: opcode,
            maskKey: masked ? WebSocketMaskKey(readingFrom: bytes, at: 2 + lengthBytes) : nil, payloadLength: length)
        return (header, headerLength)
    }
}
