// The fixed part of a WebSocket frame (RFC 6455 §5.2): FIN, three reserved
// bits, the opcode, the payload length in 7, 7+16 or 7+64 bits, and the
// masking key when the frame is masked.

/// A decoded (or to-be-encoded) frame header.
public struct WebSocketFrameHeader: Sendable, Hashable {
    /// `true` on the last frame of a message (always, for control frames).
    public var fin: Bool
    /// Reserved bit 1; permessage-deflate uses it to flag a compressed message.
    public var rsv1: Bool
    /// Reserved bit 2; no extension Squall knows uses it.
    public var rsv2: Bool
    /// Reserved bit 3; no extension Squall knows uses it.
    public var rsv3: Bool
    /// What the frame carries.
    public var opcode: WebSocketOpcode
    /// The masking key, present exactly when the frame is masked.
    public var maskKey: WebSocketMaskKey?
    /// The payload size in bytes (0 … 2^63 − 1).
    public var payloadLength: Int

    /// Creates a header; by default a final, unmasked frame with clear reserved bits.
    public init(fin: Bool = true, rsv1: Bool = false, rsv2: Bool = false, rsv3: Bool = false,
                opcode: WebSocketOpcode, maskKey: WebSocketMaskKey? = nil, payloadLength: Int) {
        self.fin = fin
        self.rsv1 = rsv1
        self.rsv2 = rsv2
        self.rsv3 = rsv3
        self.opcode = opcode
        self.maskKey = maskKey
        self.payloadLength = payloadLength
    }

    /// The size of this header on the wire when encoded minimally: 2 bytes,
    /// +2 or +8 for lengths over 125 or 65535, +4 for a masking key.
    public var encodedLength: Int {
        Self.encodedLength(payloadLength: payloadLength, masked: maskKey != nil)
    }

    /// The size of a minimally encoded header for `payloadLength`, with or
    /// without a masking key (2 to 14 bytes).
    public static func encodedLength(payloadLength: Int, masked: Bool) -> Int {
        let lengthBytes = payloadLength <= 125 ? 0 : (payloadLength <= 0xFFFF ? 2 : 8)
        return 2 + lengthBytes + (masked ? 4 : 0)
    }

    /// Writes the header at `pointer`, which must have room for
    /// `encodedLength` bytes, and returns that length. Lengths use the
    /// shortest form, as RFC 6455 §5.2 requires of senders.
    @discardableResult
    public func write(to pointer: UnsafeMutableRawPointer) -> Int {
        var first = opcode.rawValue
        if fin { first |= 0x80 }
        if rsv1 { first |= 0x40 }
        if rsv2 { first |= 0x20 }
        if rsv3 { first |= 0x10 }
        pointer.storeBytes(of: first, as: UInt8.self)
        let maskBit: UInt8 = maskKey == nil ? 0 : 0x80
        var offset = 2
        if payloadLength <= 125 {
            pointer.storeBytes(of: maskBit | UInt8(payloadLength), toByteOffset: 1, as: UInt8.self)
        } else if payloadLength <= 0xFFFF {
            pointer.storeBytes(of: maskBit | 126, toByteOffset: 1, as: UInt8.self)
            pointer.storeBytes(of: UInt16(payloadLength).bigEndian, toByteOffset: 2, as: UInt16.self)
            offset = 4
        } else {
            pointer.storeBytes(of: maskBit | 127, toByteOffset: 1, as: UInt8.self)
            pointer.storeBytes(of: UInt64(payloadLength).bigEndian, toByteOffset: 2, as: UInt64.self)
            offset = 10
        }
        if let maskKey {
            maskKey.write(to: pointer + offset)
            offset += 4
        }
        return offset
    }
}
