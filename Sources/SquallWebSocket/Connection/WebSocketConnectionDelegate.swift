// What a WebSocket connection driver reports to the object on top of it (the
// server's WebSocketHandler or the client connection).
import SquallIO

/// Receives the events of a `WebSocketConnection`, on the loop thread, in the order
/// the peer's frames arrived.
@IOLoopActor
package protocol WebSocketConnectionDelegate: AnyObject {
    /// A complete message arrived. The delegate may call `pauseReading()` to hold
    /// further messages until it is ready (back-pressure).
    func webSocket(_ connection: WebSocketConnection, didReceive message: WebSocketMessage)
    /// The peer pinged; the pong has already been queued.
    func webSocket(_ connection: WebSocketConnection, didReceivePing payload: [UInt8])
    /// The peer sent a pong.
    func webSocket(_ connection: WebSocketConnection, didReceivePong payload: [UInt8])
    /// The connection closed (for any reason). Called exactly once, last.
    func webSocketDidClose(_ connection: WebSocketConnection)
}
