// What the protocol state machine asks of the connection after reading
// bytes: deliver a message or control event to the application, write a
// frame it has already encoded, or close the TCP connection.

/// One thing the connection must do, produced by
/// `WebSocketStateMachine.nextAction(in:offset:)`. Perform actions in the
/// order they are returned.
public enum WebSocketAction: Sendable, Equatable {
    /// A complete, valid UTF-8 text message (Tornado: `on_message(str)`).
    case deliverText(String)
    /// A complete binary message (Tornado: `on_message(bytes)`).
    case deliverBinary([UInt8])
    /// The peer pinged with this payload (Tornado: `on_ping`). The pong has
    /// already been produced as the `.send` action just before this one.
    case pingReceived([UInt8])
    /// The peer sent a pong with this payload (Tornado: `on_pong`).
    case pongReceived([UInt8])
    /// Write these bytes, an encoded frame (a pong, or our close frame), to
    /// the socket after anything written earlier.
    case send([UInt8])
    /// Finish writing what is queued, then close the TCP connection. The
    /// session is over: `peerCloseCode`/`failure` tell why. No further
    /// actions follow.
    case closeConnection
}
