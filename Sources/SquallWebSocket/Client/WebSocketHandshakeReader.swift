// Waits for the server's answer to the upgrade request on a fresh client stream.
// It consumes nothing until the whole head is there (the stream keeps the bytes),
// then takes exactly the head and pauses the stream: frames the server sent right
// behind its 101 stay queued for the WebSocket connection that takes over.
import SquallIO

/// The client's handshake-phase stream delegate.
@IOLoopActor
final class WebSocketHandshakeReader: IOStreamDelegate {
    private var continuation: CheckedContinuation<Result<WebSocketResponseHead, WebSocketClientError>, Never>?
    private var timer: TimeoutHandle?
    private var scanned = 0

    private init(_ continuation: CheckedContinuation<Result<WebSocketResponseHead, WebSocketClientError>, Never>) {
        self.continuation = continuation
    }

    /// Reads the response head from `stream`, within `timeout` seconds. On failure
    /// the stream is closed.
    static func readHead(from stream: IOStream, timeout: Double) async throws(WebSocketClientError) -> WebSocketResponseHead {
        let result = await withCheckedContinuation { continuation in
            let reader = WebSocketHandshakeReader(continuation)
            stream.delegate = reader
            reader.timer = IOLoop.current.callLater(timeout) { [weak reader, weak stream] in
                reader?.finish(.failure(WebSocketClientError(.timedOut, "no handshake response within the connect timeout")))
                stream?.close()
            }
        }
        if case .failure = result { stream.close() }
        return try result.get()
    }

    func stream(_ stream: IOStream, didRead bytes: UnsafeRawBufferPointer) -> Int {
        guard continuation != nil else { return 0 }
        guard let end = WebSocketResponseHead.end(in: bytes, scanned: &scanned) else {
            if bytes.count > WebSocketResponseHead.maxSize {
                finish(.failure(WebSocketClientError(.handshakeFailed, "the response head exceeds \(WebSocketResponseHead.maxSize) bytes")))
                stream.close()
            }
            return 0
        }
        stream.pauseReading()
        do {
            finish(.success(try WebSocketResponseHead(UnsafeRawBufferPointer(rebasing: bytes[..<end]))))
        } catch {
            finish(.failure(error))
        }
        return end
    }

    func streamDidReachEOF(_ stream: IOStream) {
        // After the head, the end of the stream is the WebSocket's to handle: the
        // stream reports it again, after any frames, once reading resumes.
        guard continuation != nil else { return }
        finish(.failure(WebSocketClientError(.connectionClosed, "the server closed the connection during the handshake")))
        stream.close()
    }

    func streamDidClose(_ stream: IOStream) {
        let reason = stream.closeError.map { "\($0)" } ?? "the connection closed during the handshake"
        finish(.failure(WebSocketClientError(.connectionClosed, reason)))
    }

    private func finish(_ result: Result<WebSocketResponseHead, WebSocketClientError>) {
        guard let continuation else { return }
        self.continuation = nil
        timer?.cancel()
        timer = nil
        continuation.resume(returning: result)
    }
}
