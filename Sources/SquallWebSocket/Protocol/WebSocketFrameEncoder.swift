// Frame encoding (RFC 6455 §5.2): a header followed by the payload, masked
// with a fresh key when a client sends (in place, after the copy). Each frame
// is built in one allocation of its size. The result is an immutable byte
// array, so one encoded frame can be written to any number of connections
// (broadcast) without copying.

/// Builds WebSocket frames as byte arrays.
public enum WebSocketFrameEncoder {
    /// Encodes one frame: header and `payload`, masked with `maskKey` if one
    /// is given (clients must mask, servers must not).
    /// - Parameters:
    ///   - fin: `false` for all but the last frame of a fragmented message.
    ///   - rsv1: set for a permessage-deflate compressed message's first frame.
    public static func encode(opcode: WebSocketOpcode, payload: UnsafeRawBufferPointer, fin: Bool = true,
                              rsv1: Bool = false, maskKey: WebSocketMaskKey? = nil) -> [UInt8] {
        let header = WebSocketFrameHeader(fin: fin, rsv1: rsv1, opcode: opcode, maskKey: maskKey, payloadLength: payload.count)
        let headerLength = header.encodedLength
        // reserveCapacity and append rather than init(unsafeUninitializedCapacity:),
        // whose allocation is not specialized: a runtime metadata lookup per frame.
        var frame: [UInt8] = []
        frame.reserveCapacity(headerLength + payload.count)
        var headerBytes: (UInt64, UInt64) = (0, 0)  // room for the longest header, 14 bytes
        withUnsafeMutableBytes(of: &headerBytes) { bytes in
            header.write(to: bytes.baseAddress!)
            frame.append(contentsOf: UnsafeRawBufferPointer(rebasing: bytes[..<headerLength]))
        }
        frame.append(contentsOf: payload)
        if let maskKey {
            frame.withUnsafeMutableBytes { maskKey.apply(to: UnsafeMutableRawBufferPointer(rebasing: $0[headerLength...])) }
        }
        return frame
    }

    /// Encodes one frame carrying `payload`; see `encode(opcode:payload:fin:rsv1:maskKey:)`.
    public static func encode(opcode: WebSocketOpcode, payload: [UInt8], fin: Bool = true,
                              rsv1: Bool = false, maskKey: WebSocketMaskKey? = nil) -> [UInt8] {
        payload.withUnsafeBytes { encode(opcode: opcode, payload: $0, fin: fin, rsv1: rsv1, maskKey: maskKey) }
    }

    /// Encodes a single-frame text message carrying `text` as UTF-8.
    public static func encode(text: String, maskKey: WebSocketMaskKey? = nil) -> [UInt8] {
        var text = text
        return text.withUTF8 { encode(opcode: .text, payload: UnsafeRawBufferPointer($0), maskKey: maskKey) }
    }
}
