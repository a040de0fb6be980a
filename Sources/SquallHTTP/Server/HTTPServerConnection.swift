// One client connection of the HTTP server: it feeds received bytes to the
// incremental parser, collects a request's body, hands the complete request to the
// delegate, and reads nothing more until that request is answered (so pipelined
// responses leave in order). Timeouts: a request head must arrive within
// `headerTimeout`, a body within `bodyTimeout`, and an idle keep-alive connection
// closes after `idleConnectionTimeout`. One timer per connection, re-armed only when
// a deadline moves earlier, keeps the heap quiet on busy keep-alive connections.
import SquallIO

@IOLoopActor
final class HTTPServerConnection: IOStreamDelegate {
    private enum Phase {
        case idle, readingHead, readingBody, handling, detached
    }

    let stream: IOStream
    let server: HTTPServer
    private let configuration: HTTPServerConfiguration
    @exclusivity(unchecked) private var parser: HTTPRequestParser
    @exclusivity(unchecked) private var phase = Phase.idle
    @exclusivity(unchecked) private var pendingHead: HTTPRequestHead?
    @exclusivity(unchecked) private var pendingBody: [UInt8] = []
    @exclusivity(unchecked) private(set) var current: HTTPServerRequest?
    @exclusivity(unchecked) private var deadline: Double?
    @exclusivity(unchecked) private var armedTimer: TimeoutHandle?
    @exclusivity(unchecked) private var armedAt = Double.infinity
    @exclusivity(unchecked) var closeAfterResponse = false

    init(stream: IOStream, server: HTTPServer, configuration: HTTPServerConfiguration) {
        self.stream = stream
        self.server = server
        self.configuration = configuration
        self.parser = HTTPRequestParser(configuration: configuration.parser)
        stream.delegate = self
        setDeadline(after: configuration.headerTimeout)
    }

    /// True once the connection is closed.
    var isClosed: Bool { stream.isClosed }

    /// True while no request is being received or handled (safe to close on shutdown).
    var isIdle: Bool { phase == .idle && stream.bufferedInputSize == 0 }

    // MARK: reading requests

    func stream(_ stream: IOStream, didRead bytes: UnsafeRawBufferPointer) -> Int {
        var offset = 0
        do {
            while phase != .handling && phase != .detached && !stream.isClosed {
                let input = UnsafeRawBufferPointer(rebasing: bytes[offset...])
                let (consumed, event) = try parser.parse(input)
                offset += consumed
                switch consume event {
                case .needMoreData:
                    // Part of a new request has arrived: its head is now on the clock.
                    if phase == .idle && (consumed > 0 || offset < bytes.count) {
                        phase = .readingHead
                        setDeadline(after: configuration.headerTimeout)
                    }
                    return offset
                case .head(let head):
                    // An empty parse checks the declared length against the body
                    // limit, so an oversized body gets 413 (not 100 Continue) before
                    // anything is allocated for it; a bodiless request ends here.
                    let check = try parser.parse(UnsafeRawBufferPointer(start: nil, count: 0)).event
                    beginBody(head)
                    if case .end = check { dispatchRequest() }
                case .body(let range):
                    pendingBody.append(contentsOf: UnsafeRawBufferPointer(rebasing: input[range]))
                case .end:
                    dispatchRequest()
                }
            }
        } catch {
            reject(error)
            return bytes.count
        }
        return offset
    }

    private func beginBody(_ head: consuming HTTPRequestHead) {
        phase = .readingBody
        if case .fixed(let length) = parser.bodyLength, length > 0 {
            // Within maxBodySize by now; reserve at most 1 MiB up front all the same.
            pendingBody.reserveCapacity(min(length, 1 << 20))
        }
        if head.expectsContinue && parser.bodyLength != .fixed(0) {
            try? stream.write(Self.continueResponse)
        }
        setDeadline(after: configuration.bodyTimeout)
        pendingHead = head
    }

    private static let continueResponse = Array("HTTP/1.1 100 Continue\r\n\r\n".utf8)

    private func dispatchRequest() {
        // take() moves the head out instead of copying its strings and headers.
        guard let head = pendingHead.take() else { return }
        let body = pendingBody
        pendingBody = []
        phase = .handling
        deadline = nil
        stream.pauseReading()
        closeAfterResponse = !configuration.keepAlive || !head.keepAlive
        let request = HTTPServerRequest(head: head, body: body, remoteAddress: stream.remoteAddress, connection: self)
        current = request
        server.delegate?.handle(request)
    }

    /// Answers a malformed request with its status and closes (the byte stream can
    /// no longer be trusted).
    private func reject(_ error: HTTPParseError) {
        // Plain text: the message may quote the request, and text needs no escaping.
        let body = Array("\(error.status.code) \(error.status.reasonPhrase): \(error.message)\n".utf8)
        var headers = HTTPHeaders()
        try? headers.set("Content-Type", "text/plain; charset=utf-8")
        respondAndClose(status: error.status, headers: headers, body: body)
    }

    /// Answers without involving the delegate, then closes once it is sent.
    private func respondAndClose(status: HTTPStatus, headers: HTTPHeaders, body: [UInt8]) {
        phase = .handling
        closeAfterResponse = true
        stream.pauseReading()
        writeResponse(status: status, headers: headers, body: body, sendsBody: !body.isEmpty, closing: true)
        finishedResponse()
    }

    // MARK: after a response

    /// Called when the current response is complete: keep the connection for the
    /// next request, or close it.
    func finishedResponse() {
        current?.closeObserver = nil
        current = nil
        if closeAfterResponse || stream.peerClosed {
            stream.closeAfterFlush()
            return
        }
        phase = .idle
        setDeadline(after: configuration.idleConnectionTimeout)
        if stream.writeBufferSize > configuration.writeHighWaterMark {
            // The client is not reading its responses: read nothing more until they drain.
            try? stream.write([]) { [weak self] _ in self?.stream.resumeReading() }
        } else {
            stream.resumeReading()
        }
        server.connectionBecameIdle(self)
    }

    /// Gives the stream to another protocol (WebSocket upgrade).
    func detach() -> IOStream {
        phase = .detached
        current?.closeObserver = nil
        current = nil
        deadline = nil
        armedTimer?.cancel()
        armedTimer = nil
        stream.delegate = nil
        server.remove(self)
        return stream
    }

    // MARK: end of stream

    func streamDidReachEOF(_ stream: IOStream) {
        switch phase {
        case .handling:
            // Tornado closes here too: the handler learns through its close observer.
            closeAfterResponse = true
            if current == nil { stream.closeAfterFlush() } else { stream.close() }
        case .detached:
            return
        default:
            stream.closeAfterFlush()
        }
    }

    func streamDidClose(_ stream: IOStream) {
        armedTimer?.cancel()
        armedTimer = nil
        if let request = current, !request.isFinished {
            current = nil
            request.closeObserver?.requestConnectionDidClose(request)
            request.closeObserver = nil
        }
        server.remove(self)
    }

    // MARK: timeouts

    private func setDeadline(after seconds: Double) {
        let now = IOLoop.current.time()
        let target = now + seconds
        deadline = target
        if target < armedAt { arm(at: target) }
    }

    private func arm(at time: Double) {
        armedTimer?.cancel()
        armedAt = time
        armedTimer = IOLoop.current.callAt(time) { [weak self] in self?.timerFired() }
    }

    private func timerFired() {
        armedTimer = nil
        armedAt = .infinity
        guard let deadline, !stream.isClosed else { return }
        if IOLoop.current.time() < deadline {
            arm(at: deadline)
            return
        }
        timedOut()
    }

    private func timedOut() {
        switch phase {
        case .readingHead, .readingBody:
            // RFC 9110 §15.5.9: tell the client why before closing.
            respondAndClose(status: .requestTimeout, headers: HTTPHeaders(), body: [])
        default:
            stream.close()
        }
    }
}
