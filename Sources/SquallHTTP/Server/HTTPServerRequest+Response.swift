// Answering a request: a whole response at once (Content-Length), or a streamed
// one (chunked for HTTP/1.1, until-close for HTTP/1.0) when the handler flushes
// before finishing. HEAD responses carry the headers but never a body.
import SquallIO

/// Where a request's response stands.
enum ResponseState {
    case notStarted
    case streaming
    case finished(at: Double)
}

/// Misuse of the response API (a programming error in a handler, reported not trapped).
public struct HTTPResponseError: Error, Sendable, CustomStringConvertible {
    /// What was wrong.
    public let description: String
}

@IOLoopActor
extension HTTPServerRequest {
    /// True once the status line and headers were sent.
    public var headersSent: Bool {
        if case .notStarted = responseState { return false }
        return true
    }

    /// True once the response is complete.
    public var isFinished: Bool {
        if case .finished = responseState { return true }
        return false
    }

    /// Sends a complete response with a `Content-Length`. For HEAD requests only
    /// the headers go out. 1xx/204/304 responses never carry a body.
    ///
    /// - Throws: `HTTPResponseError` if a response was already started.
    public func respond(status: HTTPStatus, headers: HTTPHeaders, body: [UInt8]) throws(HTTPResponseError) {
        guard case .notStarted = responseState else {
            throw HTTPResponseError(description: "respond() called after the response was started")
        }
        responseState = .finished(at: IOLoop.current.time())
        connection.sendComplete(self, status: status, headers: headers, body: body)
    }

    /// Sends the status line and headers of a streamed response; follow with
    /// `writeChunk` and `finishStreaming`. HTTP/1.1 uses chunked encoding unless the
    /// headers carry a Content-Length; HTTP/1.0 streams until the connection closes.
    ///
    /// - Throws: `HTTPResponseError` if a response was already started.
    public func startStreaming(status: HTTPStatus, headers: HTTPHeaders) throws(HTTPResponseError) {
        guard case .notStarted = responseState else {
            throw HTTPResponseError(description: "startStreaming() called after the response was started")
        }
        responseState = .streaming
        connection.sendStreamHead(self, status: status, headers: headers)
    }

    /// Queues a part of a streamed body; `completion(true)` once it reached the
    /// kernel, `false` if the connection closed first.
    ///
    /// - Throws: `HTTPResponseError` when not streaming; `IOStreamError` is reported
    ///   through `completion(false)` and closes the connection.
    public func writeChunk(_ bytes: [UInt8], completion: (@IOLoopActor (Bool) -> Void)? = nil) throws(HTTPResponseError) {
        guard case .streaming = responseState else {
            throw HTTPResponseError(description: "writeChunk() called outside a streamed response")
        }
        connection.sendChunk(self, bytes, completion: completion)
    }

    /// Ends a streamed response (the last chunk for chunked encoding).
    ///
    /// - Throws: `HTTPResponseError` when not streaming.
    public func finishStreaming() throws(HTTPResponseError) {
        guard case .streaming = responseState else {
            throw HTTPResponseError(description: "finishStreaming() called outside a streamed response")
        }
        responseState = .finished(at: IOLoop.current.time())
        connection.finishStream(self)
    }

    /// Hands the raw connection to another protocol after a `101 Switching
    /// Protocols` head was written with `writeRaw` (WebSocket). The HTTP server
    /// stops reading from it; the caller becomes the stream's delegate.
    public func detachStream() -> IOStream {
        responseState = .finished(at: IOLoop.current.time())
        return connection.detach()
    }

    /// Writes bytes to the connection as they are (for a protocol upgrade's head).
    public func writeRaw(_ bytes: [UInt8]) throws(IOStreamError) {
        try connection.stream.write(bytes)
    }
}
