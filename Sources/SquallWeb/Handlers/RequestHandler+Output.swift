// Building the response: status, headers, body; then finish (one write with a
// Content-Length) or flush (the headers and what is written so far go out now and
// the rest follows, chunked).
import Foundation
import SquallCore
import SquallHTTP
import SquallIO

@IOLoopActor
extension RequestHandler {
    /// The response status code (default 200).
    public var status: Int { statusCode }

    /// Sets the status code and, optionally, a custom reason phrase.
    ///
    /// - Throws: `HTTPError(500)` for a code outside 100–599 or a reason with CR/LF.
    public func setStatus(_ code: Int, reason: String? = nil) throws {
        guard (100...599).contains(code), reason?.contains(where: \.isNewline) != true else {
            throw HTTPError(500, "invalid status \(code) \(reason ?? "")")
        }
        statusCode = code
        reasonPhrase = reason
    }

    /// Replaces the response header `name` (case-insensitive) with `value`.
    ///
    /// - Throws: `HTTPValidationError` if the name is not a token or either part
    ///   contains CR, LF or NUL (header injection).
    public func setHeader(_ name: String, _ value: String) throws {
        try responseHeaders.set(name, value)
    }

    /// Adds a response header, keeping existing ones of the same name (e.g. Set-Cookie).
    ///
    /// - Throws: `HTTPValidationError` as `setHeader`.
    public func addHeader(_ name: String, _ value: String) throws {
        try responseHeaders.add(name, value)
    }

    /// Removes every response header called `name`.
    public func clearHeader(_ name: String) {
        _ = responseHeaders.remove(name)
    }

    /// The response headers set so far (the default Content-Type is added when the
    /// response is sent, if none was set).
    public var headers: HTTPHeaders { responseHeaders }

    /// Appends text (UTF-8) to the response body.
    public func write(_ text: String) {
        guard checkWritable() else { return }
        outputBuffer.append(contentsOf: text.utf8)
    }

    /// Appends bytes to the response body.
    public func write(_ bytes: [UInt8]) {
        guard checkWritable() else { return }
        outputBuffer.append(contentsOf: bytes)
    }

    /// Appends `value` encoded as JSON and sets `Content-Type: application/json`
    /// (Tornado's `write(dict)`).
    ///
    /// - Throws: the encoder's `EncodingError`.
    public func write<Value: Encodable>(_ value: Value) throws {
        guard checkWritable() else { return }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        outputBuffer.append(contentsOf: try encoder.encode(value))
        try responseHeaders.set("Content-Type", "application/json; charset=UTF-8")
    }

    /// Finishes the response: sends everything written (with a Content-Length) or,
    /// after a `flush`, the rest and the end of the chunked body. Later writes are
    /// ignored (and logged). Called automatically when the handler method returns.
    public func finish() {
        guard !finished else { return }
        finished = true
        do {
            if request.headersSent {
                try flushBuffered()
                try request.finishStreaming()
            } else {
                applyDefaultContentType()
                let body = compressedBodyIfApplicable(outputBuffer)
                try request.respond(status: responseStatus(), headers: responseHeaders, body: body)
            }
        } catch {
            Log.app.error("could not finish \(request.method) \(request.uri): \(error)")
        }
        outputBuffer = []
        onFinish()
        application.logRequest(self)
    }

    /// Appends `text` and finishes.
    public func finish(_ text: String) {
        write(text)
        finish()
    }

    /// Sends the headers (first time) and what was written so far, without waiting.
    /// The response then uses chunked encoding.
    public func flush() {
        do { try flushBuffered() } catch { Log.app.error("flush failed: \(error)") }
    }

    /// Sends the headers (first time) and what was written so far, and waits until
    /// the bytes reach the kernel: a slow client slows the handler (back-pressure).
    ///
    /// - Throws: `IOStreamError.closed` when the client disconnected.
    public func flush() async throws {
        let sent = await withCheckedContinuation { (continuation: CheckedContinuation<Bool, Never>) in
            do {
                try flushBuffered { continuation.resume(returning: $0) }
            } catch {
                continuation.resume(returning: false)
            }
        }
        if !sent { throw IOStreamError.closed }
    }

    /// Redirects to `url` (302, or 301 when `permanent`, or an explicit 3xx `status`).
    ///
    /// - Throws: `HTTPError(500)` if headers were already sent or `url` holds CR/LF.
    public func redirect(_ url: String, permanent: Bool = false, status: Int? = nil) throws {
        guard !request.headersSent else { throw HTTPError(500, "cannot redirect after headers were sent") }
        try setStatus(status ?? (permanent ? 301 : 302))
        try setHeader("Location", url)
        finish()
    }

    /// Drops the body written so far and resets the headers to the defaults.
    public func clear() {
        outputBuffer = []
        responseHeaders = HTTPHeaders()
        statusCode = 200
        reasonPhrase = nil
    }

    /// Tornado's default `Content-Type: text/html; charset=UTF-8`, added when the
    /// handler set none. Headers left untouched share one static copy, so a handler
    /// that sets no header allocates none.
    private func applyDefaultContentType() {
        // 1xx, 204 and 304 responses carry no representation to describe.
        guard statusCode >= 200, statusCode != 204, statusCode != 304 else { return }
        if responseHeaders.isEmpty {
            responseHeaders = Self.defaultHeaders
        } else if !responseHeaders.contains("Content-Type") {
            try? responseHeaders.add("Content-Type", "text/html; charset=UTF-8")
        }
    }

    func responseStatus() throws -> HTTPStatus {
        try HTTPStatus(code: statusCode, reasonPhrase: reasonPhrase)
    }

    private func flushBuffered(completion: (@IOLoopActor (Bool) -> Void)? = nil) throws {
        if !request.headersSent {
            applyDefaultContentType()
            try request.startStreaming(status: responseStatus(), headers: responseHeaders)
        }
        let chunk = outputBuffer
        outputBuffer = []
        try request.writeChunk(chunk, completion: completion)
    }

    private func checkWritable() -> Bool {
        if finished {
            Log.app.error("write() after finish() in \(type(of: self)) for \(request.method) \(request.uri)")
            return false
        }
        return true
    }
}
