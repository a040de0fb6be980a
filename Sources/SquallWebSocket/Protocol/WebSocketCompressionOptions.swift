// What this endpoint wants from permessage-deflate (RFC 7692): the limits it
// asks of each direction and how hard to compress. The peer may impose
// stricter limits; the negotiated result is `PerMessageDeflateParameters`.

/// permessage-deflate preferences, like Tornado's `compression_options`.
public struct WebSocketCompressionOptions: Sendable, Hashable {
    /// The server resets its compressor after every message. Costs
    /// compression ratio; gains memory on the client and lets a server share
    /// one compressed broadcast among all connections with equal parameters.
    public var serverNoContextTakeover: Bool
    /// The client resets its compressor after every message.
    public var clientNoContextTakeover: Bool
    /// Largest LZ77 window (2^bits bytes, 8…15) for server-to-client data.
    public var serverMaxWindowBits: Int
    /// Largest LZ77 window (2^bits bytes, 8…15) for client-to-server data;
    /// the server can only ask for less if the client's offer allows it.
    public var clientMaxWindowBits: Int
    /// zlib compression level for our messages, 0…9 (Tornado's `compression_level`).
    public var level: Int
    /// zlib memory level for our compressor, 1…9 (Tornado's `mem_level`).
    public var memoryLevel: Int
    /// Messages shorter than this many bytes are sent uncompressed (tiny
    /// payloads do not shrink and cost a compressor pass).
    public var minimumSize: Int

    /// Creates options; the defaults keep context on both sides with 32 KiB
    /// windows, level 6, memory level 8, and compress every message.
    /// Out-of-range window bits, levels and sizes are clamped.
    public init(serverNoContextTakeover: Bool = false, clientNoContextTakeover: Bool = false,
                serverMaxWindowBits: Int = 15, clientMaxWindowBits: Int = 15,
                level: Int = 6, memoryLevel: Int = 8, minimumSize: Int = 0) {
        self.serverNoContextTakeover = serverNoContextTakeover
        self.clientNoContextTakeover = clientNoContextTakeover
        self.serverMaxWindowBits = min(max(serverMaxWindowBits, 8), 15)
        self.clientMaxWindowBits = min(max(clientMaxWindowBits, 8), 15)
        self.level = min(max(level, 0), 9)
        self.memoryLevel = min(max(memoryLevel, 1), 9)
        self.minimumSize = max(minimumSize, 0)
    }
}
