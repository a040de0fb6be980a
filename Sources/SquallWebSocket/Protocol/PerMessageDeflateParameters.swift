// The outcome of permessage-deflate negotiation (RFC 7692 §7.1): for each
// direction, whether the sender resets its compressor after every message
// and the largest LZ77 window it may use.

/// Negotiated permessage-deflate settings, the same for both endpoints.
/// "server" parameters govern server-to-client messages, "client"
/// parameters client-to-server ones.
public struct PerMessageDeflateParameters: Sendable, Hashable {
    /// The server compresses every message with a fresh history.
    public var serverNoContextTakeover: Bool
    /// The client compresses every message with a fresh history.
    public var clientNoContextTakeover: Bool
    /// The server's LZ77 window is at most 2^bits bytes (8…15).
    public var serverMaxWindowBits: Int
    /// The client's LZ77 window is at most 2^bits bytes (8…15).
    public var clientMaxWindowBits: Int

    /// Creates parameters; the defaults are RFC 7692's (context takeover,
    /// 32 KiB windows).
    public init(serverNoContextTakeover: Bool = false, clientNoContextTakeover: Bool = false,
                serverMaxWindowBits: Int = 15, clientMaxWindowBits: Int = 15) {
        self.serverNoContextTakeover = serverNoContextTakeover
        self.clientNoContextTakeover = clientNoContextTakeover
        self.serverMaxWindowBits = serverMaxWindowBits
        self.clientMaxWindowBits = clientMaxWindowBits
    }
}
