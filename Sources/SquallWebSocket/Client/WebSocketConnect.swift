// Opening a client WebSocket (Tornado's `websocket_connect`): connect over TCP,
// send the upgrade request built with SquallHTTP, check the 101 answer against
// what was offered, and start the protocol in the client role (masked frames).
import Glibc
import SquallHTTP
import SquallIO

/// Connects to a WebSocket server.
///
/// ```swift
/// let ws = try await websocketConnect("ws://127.0.0.1:8888/chat", subprotocols: ["chat.v1"])
/// ```
///
/// - Parameters:
///   - url: a `ws://host[:port]/path?query` URL (no TLS: `wss://` is refused).
///   - subprotocols: offered in order of preference; see `selectedSubprotocol`.
///   - compression: offer permessage-deflate with these options; nil (default) = none.
///   - maxMessageSize: the largest message accepted from the server, in bytes
///     (default 10 MiB); larger ones close the connection with 1009.
///   - connectTimeout: seconds for connecting and the handshake together (default 20).
///   - headers: extra request headers, e.g. `("Origin", "http://example.com")` or cookies.
/// - Throws: `WebSocketClientError` saying what failed.
@IOLoopActor
public func websocketConnect(
    _ url: String, subprotocols: [String] = [], compression: WebSocketCompressionOptions? = nil,
    maxMessageSize: Int = WebSocketConfiguration.defaultMaxMessageSize, connectTimeout: Double = 20,
    headers: [(String, String)] = []
) async throws(WebSocketClientError) -> WebSocketClientConnection {
    let location = try WebSocketURL(url)
    let deadline = IOLoop.current.time() + connectTimeout
    let handshake = WebSocketClientHandshake(protocols: subprotocols, compression: compression)
    let request = try upgradeRequest(location, handshake: handshake, extraHeaders: headers)
    let stream: IOStream
    do {
        stream = try await IOStream.connect(host: location.host, port: location.port, timeout: connectTimeout)
    } catch {
        if error.errno == ETIMEDOUT { throw WebSocketClientError(.timedOut, "connecting to \(location.hostHeader): \(error)") }
        throw WebSocketClientError(.connectFailed, "\(error)")
    }
    do {
        try stream.write(request, completion: nil)
    } catch {
        throw WebSocketClientError(.connectionClosed, "the connection closed before the request was sent")
    }
    let head = try await WebSocketHandshakeReader.readHead(from: stream, timeout: max(0, deadline - IOLoop.current.time()))
    do {
        let agreed = try handshake.validateResponse(status: head.status) { head.headers[$0] }
        guard !stream.isClosed else {
            throw WebSocketClientError(.connectionClosed, "the server closed the connection right after the handshake")
        }
        let configuration = WebSocketConfiguration(role: .client, maxMessageSize: maxMessageSize, compression: compression)
        let machine = try WebSocketStateMachine(configuration: configuration, compression: agreed.compression)
        return WebSocketClientConnection(stream: stream, machine: machine, selectedSubprotocol: agreed.subprotocol,
                                         compression: agreed.compression)
    } catch let error as WebSocketClientError {
        throw error
    } catch let error as WebSocketHandshakeError {
        stream.close()
        throw WebSocketClientError(.handshakeFailed, error.message, status: error.status)
    } catch {
        stream.close()
        throw WebSocketClientError(.handshakeFailed, "could not set up compression: \(error)")
    }
}

/// The GET upgrade request: Host, the handshake's headers, then the caller's.
@IOLoopActor
private func upgradeRequest(_ location: WebSocketURL, handshake: WebSocketClientHandshake,
                            extraHeaders: [(String, String)]) throws(WebSocketClientError) -> [UInt8] {
    do {
        var headers = HTTPHeaders()
        try headers.add("Host", location.hostHeader)
        for (name, value) in handshake.requestHeaders { try headers.add(name, value) }
        for (name, value) in extraHeaders { try headers.add(name, value) }
        let head = try HTTPRequestHead(method: .GET, uri: location.target, headers: headers)
        var bytes: [UInt8] = []
        head.write(into: &bytes)
        return bytes
    } catch {
        throw WebSocketClientError(.invalidRequest, "\(error)")
    }
}
