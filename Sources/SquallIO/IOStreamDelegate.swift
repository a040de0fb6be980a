// What an IOStream tells the protocol on top of it (HTTP, WebSocket).

/// Receives a stream's bytes and its end (loop thread).
@IOLoopActor
public protocol IOStreamDelegate: AnyObject {
    /// Offers the received bytes not yet consumed; returns how many were consumed
    /// (0…`bytes.count`). The rest is kept and offered again, with more data, later.
    /// A delegate that stops early while complete input may remain (e.g. one HTTP
    /// request at a time) must `pauseReading()`; `resumeReading()` offers the rest again.
    /// `bytes` is valid only during the call.
    func stream(_ stream: IOStream, didRead bytes: UnsafeRawBufferPointer) -> Int

    /// The peer closed its side (EOF). Pending writes can still be flushed. The
    /// default closes the stream once its writes are flushed.
    func streamDidReachEOF(_ stream: IOStream)

    /// The stream closed (by either side or an error: see `stream.closeError`).
    /// Called once, in a later loop iteration than the `close()` that caused it.
    func streamDidClose(_ stream: IOStream)
}

extension IOStreamDelegate {
    /// Closes the stream after flushing pending writes.
    public func streamDidReachEOF(_ stream: IOStream) {
        stream.closeAfterFlush()
    }
}
