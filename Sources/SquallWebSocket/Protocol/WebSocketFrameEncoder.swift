// Frame encoding (RFC 6455 §5.2): a header followed by the payload, masked
// with a fresh key when a client sends. Each frame is built in one
// allocation of exactly its size, with one pass over the payload. The result
// is an immutable byte array, so one encoded frame can be written to any
// number of connections (broadcast) without copying.

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
        return [UInt8](unsafeUninitializedCapacity: headerLength + payload.count) { storage, count in
            let frame = UnsafeMutableRawBufferPointer(storage)
            header.write(to: frame.baseAddress!)
            let body = UnsafeMutableRawBufferPointer(rebasing: frame[headerLength...])
            if let maskKey {
                maskKey.apply(from: payload, to: body)
            } else if !payload.isEmpty {
                body.copyMemory(from: payload)
            }
            count = headerLength + payload.count
        }
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
