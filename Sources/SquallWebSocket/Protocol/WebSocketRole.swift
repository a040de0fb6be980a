// Which end of the connection Squall is. The roles differ in masking
// (RFC 6455 §5.1: clients mask every frame, servers never do) and in which
// permessage-deflate parameters apply to each direction.

/// Whether this endpoint is the server or the client of the connection.
public struct WebSocketRole: Sendable, Hashable, CustomStringConvertible {
    private let isServerRole: Bool
    private init(isServer: Bool) { isServerRole = isServer }

    /// The accepting side: sends unmasked frames, requires masked ones.
    public static let server = WebSocketRole(isServer: true)
    /// The connecting side: sends masked frames, requires unmasked ones.
    public static let client = WebSocketRole(isServer: false)

    /// `true` for `.server`.
    public var isServer: Bool { isServerRole }

    /// "server" or "client".
    public var description: String { isServerRole ? "server" : "client" }
}
