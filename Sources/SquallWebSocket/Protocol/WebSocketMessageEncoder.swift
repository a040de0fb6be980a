// The sending side of one connection: frames messages for our role (masking
// when we are the client) and compresses them when permessage-deflate was
// negotiated. It also says when an encoded message is reusable by other
// connections, which is what lets a broadcast compress once.

import SquallCompression

/// What determines a frame's bytes for a given message, when nothing else
/// does: connections with equal keys produce identical frames.
struct WebSocketEncodingKey: Sendable, Hashable {
    /// `nil` when the message is sent uncompressed.
    let deflate: Deflate?

    /// The compressor settings that determine the compressed bytes.
    struct Deflate: Sendable, Hashable {
        let windowBits: Int
        let level: Int
        let memoryLevel: Int
    }

    static let uncompressed = WebSocketEncodingKey(deflate: nil)
}

/// Encodes outgoing frames for one connection. Internal to `WebSocketStateMachine`.
struct WebSocketMessageEncoder {
    /// Compressed output buffers larger than this are released after use.
    private static let retainedCapacity = 64 * 1024

    let role: WebSocketRole
    private let deflater: MessageDeflater?
    private let minimumCompressionSize: Int
    /// The key of our compressed output when it depends only on the message
    /// (no context takeover), `nil` otherwise.
    private let deflateKey: WebSocketEncodingKey.Deflate?
    /// Compressed payload on its way into a frame.
    private var scratch: [UInt8] = []

    /// Creates the encoder; with `compression`, our direction's negotiated
    /// window and context takeover are combined with the level settings in
    /// `options`.
    init(role: WebSocketRole, compression: PerMessageDeflateParameters?, options: WebSocketCompressionOptions) throws(CompressionError) {
        self.role = role
        minimumCompressionSize = options.minimumSize
        guard let compression else {
            deflater = nil
            deflateKey = nil
            return
        }
        let windowBits = role.isServer ? compression.serverMaxWindowBits : compression.clientMaxWindowBits
        let takeover = !(role.isServer ? compression.serverNoContextTakeover : compression.clientNoContextTakeover)
        deflater = try MessageDeflater(windowBits: windowBits, level: options.level, memoryLevel: options.memoryLevel,
                                       contextTakeover: takeover)
        deflateKey = takeover ? nil
            : WebSocketEncodingKey.Deflate(windowBits: windowBits, level: options.level, memoryLevel: options.memoryLevel)
    }

    /// The key under which this connection's frame for a `count`-byte
    /// message can be shared, or `nil` if it cannot: client frames carry a
    /// random mask, and with context takeover the bytes depend on history.
    func sharingKey(payloadCount count: Int) -> WebSocketEncodingKey? {
        guard role.isServer else { return nil }
        guard deflater != nil, count >= minimumCompressionSize else { return .uncompressed }
        return deflateKey.map { WebSocketEncodingKey(deflate: $0) }
    }

    /// Encodes a whole text or binary message as one frame, compressed (RSV1
    /// set) when compression is on and the message is big enough.
    mutating func message(_ opcode: WebSocketOpcode, payload: UnsafeRawBufferPointer) throws(CompressionError) -> [UInt8] {
        guard let deflater, payload.count >= minimumCompressionSize else {
            return WebSocketFrameEncoder.encode(opcode: opcode, payload: payload, maskKey: maskKey())
        }
        scratch.removeAll(keepingCapacity: true)
        try deflater.compressMessage(payload, into: &scratch)
        let key = maskKey()
        let frame = scratch.withUnsafeBytes { WebSocketFrameEncoder.encode(opcode: opcode, payload: $0, rsv1: true, maskKey: key) }
        if scratch.capacity > Self.retainedCapacity { scratch = [] }
        return frame
    }

    /// Encodes a control frame (never compressed).
    func control(_ opcode: WebSocketOpcode, payload: [UInt8]) -> [UInt8] {
        WebSocketFrameEncoder.encode(opcode: opcode, payload: payload, maskKey: maskKey())
    }

    /// Encodes a close frame with `code` and `reason`, the reason cut at a
    /// character boundary to fit the 125-byte control payload.
    func close(_ code: WebSocketCloseCode?, reason: String) -> [UInt8] {
        guard let code else { return control(.close, payload: []) }
        var payload = [UInt8(code.rawValue >> 8), UInt8(code.rawValue & 0xFF)]
        var room = 123
        for scalar in reason.unicodeScalars {
            guard UTF8.width(scalar) <= room else { break }
            payload.append(contentsOf: scalar.utf8)
            room -= UTF8.width(scalar)
        }
        return control(.close, payload: payload)
    }

    private func maskKey() -> WebSocketMaskKey? {
        role.isServer ? nil : .random()
    }
}
