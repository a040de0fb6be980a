// IOStream: a non-blocking TCP connection on the loop (Tornado's IOStream).
//
// Reads go into the loop's shared scratch buffer and are offered to the delegate
// straight from there; only bytes the delegate leaves unconsumed are copied into the
// stream's own InputBuffer. Writes are queued (a shared `[UInt8]` is queued without a
// copy, so a broadcast frame is encoded once for every connection) and flushed once
// per loop iteration with writev, so several messages to one socket cost one syscall.
// The write buffer is bounded: a peer that stops reading fills it, and `write` then
// throws `IOStreamError.writeBufferFull` for the protocol layer to act on.
import Glibc
import CSquallLinux

/// Why a write was refused.
public enum IOStreamError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The stream is closed.
    case closed
    /// Queued bytes would exceed `maxWriteBufferSize` (the peer is not reading).
    case writeBufferFull(limit: Int)

    /// A readable explanation.
    public var description: String {
        switch self {
        case .closed: "stream is closed"
        case .writeBufferFull(let limit): "write buffer full (\(limit) bytes queued; the peer is not reading)"
        }
    }
}

/// A non-blocking socket registered with the loop. Loop thread only.
@IOLoopActor
public final class IOStream: IOEventHandler {
    /// The socket; invalid once `isClosed`.
    public let fd: Int32
    /// The peer's address, when known.
    public let remoteAddress: SocketAddress?
    /// Receives the bytes and the end of the stream; released once closed.
    @exclusivity(unchecked) public var delegate: (any IOStreamDelegate)?
    /// Most bytes that may wait in the write queue (default 64 MiB); see `write`.
    @exclusivity(unchecked) public var maxWriteBufferSize = 64 * 1024 * 1024
    /// The error that closed the stream, if an error did.
    @exclusivity(unchecked) public private(set) var closeError: IOError?
    // The flags below and `writeBufferSize`, which other modules read on every
    // request, are computed views of private storage: `@exclusivity(unchecked)`
    // only holds for accesses inside this module.

    /// True once closed (by `close()`, the peer, or an error).
    public var isClosed: Bool { closed }
    @exclusivity(unchecked) private var closed = false
    /// True while reading is paused by `pauseReading()`.
    public var isReadingPaused: Bool { readingPaused }
    @exclusivity(unchecked) private var readingPaused = false
    /// True once the peer has closed its sending side.
    public var peerClosed: Bool { peerHasClosed }
    @exclusivity(unchecked) private var peerHasClosed = false

    @exclusivity(unchecked) private var input = InputBuffer()
    @exclusivity(unchecked) private var output: [[UInt8]] = []
    @exclusivity(unchecked) private var outputHead = 0
    @exclusivity(unchecked) private var outputOffset = 0
    /// Bytes waiting in the write queue.
    public var writeBufferSize: Int { queuedByteCount }
    @exclusivity(unchecked) private var queuedByteCount = 0
    @exclusivity(unchecked) private var totalQueued: UInt64 = 0
    @exclusivity(unchecked) private var totalWritten: UInt64 = 0
    @exclusivity(unchecked) private var completions: [(offset: UInt64, callback: @IOLoopActor (Bool) -> Void)] = []
    @exclusivity(unchecked) private var interest: IOInterest = .readable
    @exclusivity(unchecked) private var flushPending = false
    /// True when the kernel refused part of the queue: only then is EPOLLOUT
    /// watched (bytes merely queued until this iteration's flush need no syscall).
    @exclusivity(unchecked) private var awaitingWritable = false
    @exclusivity(unchecked) private var closeWhenFlushed = false
    @exclusivity(unchecked) private var redeliveryPending = false

    /// Wraps a connected non-blocking socket and registers it with the loop
    /// (taking ownership of `fd`: it is closed with the stream).
    public init(fd: Int32, remoteAddress: SocketAddress?) throws(IOError) {
        self.fd = fd
        self.remoteAddress = remoteAddress
        do {
            try IOLoop.current.register(fd: fd, interest: .readable, handler: self)
        } catch {
            Glibc.close(fd)
            throw error
        }
    }

    /// Disables Nagle's algorithm so small writes go out at once (on by default for
    /// accepted sockets; Tornado leaves it off for WebSockets, which costs latency).
    public func setNoDelay(_ enabled: Bool) {
        try? Socket.setOption(fd, Int32(IPPROTO_TCP), TCP_NODELAY, enabled ? 1 : 0)
    }

    // MARK: reading

    /// Stops reading from the socket: the kernel buffer then fills and TCP flow
    /// control slows the peer. Bytes already received stay queued. The peer's
    /// shutdown is still reported (`streamDidReachEOF`); data it sent before that
    /// and not yet read is then discarded.
    public func pauseReading() {
        // Lazily: the epoll interest changes only if data arrives while paused.
        // A request answered before the next packet (the keep-alive common case)
        // then costs no epoll_ctl at all.
        readingPaused = true
    }

    /// Resumes reading; bytes left unconsumed earlier are offered again on the next
    /// loop iteration (never re-entrantly).
    public func resumeReading() {
        guard isReadingPaused, !isClosed else { return }
        readingPaused = false
        updateInterest()
        if !input.isEmpty || peerClosed { scheduleRedelivery() }
    }

    /// Bytes received and not yet consumed by the delegate.
    public var bufferedInputSize: Int { input.count }

    func handleIOEvent(_ events: UInt32) {
        if events & EPOLLOUT.rawValue != 0 { flushNow() }
        if isClosed { return }
        if events & EPOLLERR.rawValue != 0 {
            close(error: IOError("socket", errno: Socket.pendingError(fd)))
            return
        }
        if events & EPOLLHUP.rawValue != 0 && (isReadingPaused || peerClosed) {
            // The peer is gone both ways; level-triggered HUP would repeat forever.
            close()
        } else if isReadingPaused {
            // Paused streams watch only for the peer's shutdown (as Tornado keeps a
            // close listener), so a handler learns that its client went away.
            if events & EPOLLRDHUP.rawValue != 0 && !closeWhenFlushed {
                peerReachedEOF()
            } else {
                updateInterest()
            }
        } else if events & (EPOLLIN.rawValue | EPOLLRDHUP.rawValue | EPOLLHUP.rawValue) != 0 {
            readAvailable()
        }
    }

    private func readAvailable() {
        let scratch = IOLoop.current.readScratch
        // A few reads per event, then back to the loop: level-triggered epoll
        // reports the rest, and other sockets get their turn.
        for _ in 0..<4 {
            guard !isClosed, !isReadingPaused, !peerClosed else { return }
            let received = recv(fd, scratch.baseAddress, scratch.count, 0)
            if received > 0 {
                deliver(UnsafeRawBufferPointer(start: scratch.baseAddress, count: received))
                if received < scratch.count { return }
            } else if received == 0 {
                peerReachedEOF()
                return
            } else {
                let code = csquall_errno()
                if code == EINTR { continue }
                if code == EAGAIN || code == EWOULDBLOCK { return }
                close(error: IOError("recv", errno: code))
                return
            }
        }
    }

    private func deliver(_ bytes: UnsafeRawBufferPointer) {
        guard let delegate else { return }
        if input.isEmpty {
            let consumed = delegate.stream(self, didRead: bytes)
            if consumed < bytes.count && !isClosed {
                input.append(UnsafeRawBufferPointer(rebasing: bytes[consumed...]))
            }
        } else {
            input.append(bytes)
            offerBufferedInput(to: delegate)
        }
    }

    private func offerBufferedInput(to delegate: any IOStreamDelegate) {
        let consumed = delegate.stream(self, didRead: input.readable)
        if isClosed { input.release() } else { input.consume(consumed) }
    }

    private func scheduleRedelivery() {
        guard !redeliveryPending else { return }
        redeliveryPending = true
        IOLoop.current.callSoon { [self] in
            redeliveryPending = false
            guard !isClosed, !isReadingPaused, let delegate else { return }
            if !input.isEmpty { offerBufferedInput(to: delegate) }
            if peerClosed && !isClosed && !isReadingPaused { delegate.streamDidReachEOF(self) }
        }
    }

    private func peerReachedEOF() {
        peerHasClosed = true
        updateInterest()
        delegate?.streamDidReachEOF(self)
    }

    // MARK: writing

    /// Queues `bytes` for sending (without copying them) and calls `completion` with
    /// `true` once they are handed to the kernel, or `false` if the stream closes first.
    ///
    /// - Throws: `IOStreamError.closed`, or `.writeBufferFull` when the queue would
    ///   exceed `maxWriteBufferSize` (nothing is queued then).
    public func write(_ bytes: [UInt8], completion: (@IOLoopActor (Bool) -> Void)? = nil) throws(IOStreamError) {
        guard !isClosed, !closeWhenFlushed else { throw .closed }
        guard writeBufferSize + bytes.count <= maxWriteBufferSize else {
            throw .writeBufferFull(limit: maxWriteBufferSize)
        }
        if !bytes.isEmpty {
            output.append(bytes)
            queuedByteCount += bytes.count
            totalQueued += UInt64(bytes.count)
        }
        if let completion { completions.append((totalQueued, completion)) }
        scheduleFlush()
    }

    /// Writes `bytes` and suspends until they are handed to the kernel.
    ///
    /// - Throws: `IOStreamError` as `write(_:completion:)`, and `.closed` if the stream
    ///   closes before the bytes are sent.
    public func write(_ bytes: [UInt8]) async throws(IOStreamError) {
        let sent = await withCheckedContinuation { (continuation: CheckedContinuation<Result<Bool, IOStreamError>, Never>) in
            do throws(IOStreamError) {
                try write(bytes) { continuation.resume(returning: .success($0)) }
            } catch {
                continuation.resume(returning: .failure(error))
            }
        }
        guard try sent.get() else { throw .closed }
    }

    private func scheduleFlush() {
        guard !flushPending else { return }
        flushPending = true
        IOLoop.current.streamsToFlush.append(self)
    }

    /// Called by the loop once per iteration for streams with queued writes.
    func flushScheduled() {
        flushPending = false
        flushNow()
    }

    private func flushNow() {
        guard !isClosed else { return }
        while writeBufferSize > 0 {
            let written = writeQueued()
            guard let written else { break }
            consumeOutput(written)
        }
        if isClosed { return }
        awaitingWritable = writeBufferSize > 0
        completeWrites()
        if writeBufferSize == 0 && closeWhenFlushed {
            close()
            return
        }
        updateInterest()
    }

    /// One send/writev of the queue; nil when the socket is full or the stream closed.
    private func writeQueued() -> Int? {
        let pending = output.count - outputHead
        let result: Int
        if pending == 1 {
            result = Self.send(fd, output[outputHead], from: outputOffset)
        } else {
            result = gatherWrite(count: min(pending, 64))
        }
        if result >= 0 { return result }
        let code = csquall_errno()
        if code == EAGAIN || code == EWOULDBLOCK || code == EINTR { return nil }
        close(error: IOError("send", errno: code))
        return nil
    }

    private func gatherWrite(count: Int) -> Int {
        let vectors = IOLoop.current.writeVectors
        for index in 0..<count {
            // The queued arrays keep their storage alive and unmutated until the
            // bytes are consumed, so their base addresses stay valid for writev.
            Self.describe(output[outputHead + index], from: index == 0 ? outputOffset : 0, in: vectors + index)
        }
        return writev(fd, vectors, Int32(count))
    }

    // The two helpers below are nonisolated so that their closures carry no
    // runtime check of the loop's executor (Swift 6 inserts one into closures
    // formed in actor-isolated code, about 400 instructions per call).

    /// send(2) of `bytes` from `offset`, never raising SIGPIPE.
    private nonisolated static func send(_ fd: Int32, _ bytes: [UInt8], from offset: Int) -> Int {
        bytes.withUnsafeBytes { Glibc.send(fd, $0.baseAddress! + offset, $0.count - offset, Int32(MSG_NOSIGNAL)) }
    }

    /// Points `vector` at `bytes` from `offset`.
    private nonisolated static func describe(_ bytes: [UInt8], from offset: Int, in vector: UnsafeMutablePointer<iovec>) {
        bytes.withUnsafeBytes {
            vector.pointee = iovec(iov_base: UnsafeMutableRawPointer(mutating: $0.baseAddress! + offset),
                                   iov_len: $0.count - offset)
        }
    }

    private func consumeOutput(_ written: Int) {
        var remaining = written
        queuedByteCount -= written
        totalWritten += UInt64(written)
        while remaining > 0 {
            let available = output[outputHead].count - outputOffset
            if remaining >= available {
                remaining -= available
                outputHead += 1
                outputOffset = 0
            } else {
                outputOffset += remaining
                remaining = 0
            }
        }
        if outputHead == output.count {
            output.removeAll(keepingCapacity: output.count <= 16)
            outputHead = 0
        } else if outputHead > 32 && outputHead * 2 > output.count {
            output.removeFirst(outputHead)
            outputHead = 0
        }
    }

    private func completeWrites() {
        guard let first = completions.first, first.offset <= totalWritten else { return }
        let done = completions.prefix { $0.offset <= totalWritten }
        completions.removeFirst(done.count)
        for entry in done { entry.callback(true) }
    }

    // MARK: closing

    /// Stops reading, flushes what is queued, then closes. Pending input is discarded.
    public func closeAfterFlush() {
        guard !isClosed, !closeWhenFlushed else { return }
        closeWhenFlushed = true
        readingPaused = true
        if writeBufferSize == 0 { close() } else { updateInterest(); scheduleFlush() }
    }

    /// Closes the socket now, dropping queued writes (their completions get `false`).
    /// The delegate's `streamDidClose` runs in a later iteration.
    public func close(error: IOError? = nil) {
        guard !isClosed else { return }
        closed = true
        closeError = error
        IOLoop.current.unregister(fd: fd)
        Glibc.close(fd)
        output.removeAll()
        queuedByteCount = 0
        let failed = completions
        completions.removeAll()
        IOLoop.current.callSoon { [self] in
            for entry in failed { entry.callback(false) }
            delegate?.streamDidClose(self)
            delegate = nil
        }
    }

    private func updateInterest() {
        guard !isClosed else { return }
        var wanted: IOInterest = []
        if !peerClosed && !closeWhenFlushed { wanted.insert(isReadingPaused ? .hangUp : .readable) }
        if awaitingWritable { wanted.insert(.writable) }
        guard wanted != interest else { return }
        interest = wanted
        IOLoop.current.modify(fd: fd, interest: wanted)
    }
}
