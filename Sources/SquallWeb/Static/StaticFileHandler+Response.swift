// The response side of StaticFileHandler: validators and caching headers,
// conditional requests (RFC 9110 §13), byte ranges (§14) and the body, sent in one
// piece when small and streamed with back-pressure when large.
import Glibc
import SquallCore
import SquallHTTP
import SquallIO

extension StaticFileHandler {
    /// Accept-Ranges, ETag, Last-Modified, Content-Type, nosniff and, for versioned
    /// URLs, Cache-Control and Expires (Tornado's `set_headers`).
    func setFileHeaders(relative: String, file: StaticFile, etag: String?) throws {
        try setHeader("Accept-Ranges", "bytes")
        if let etag { try setHeader("ETag", etag) }
        try setHeader("Last-Modified", HTTPDate.string(fromUnixTime: file.modifiedTime))
        try setHeader("Content-Type", contentType(forPath: relative))
        try setHeader("X-Content-Type-Options", "nosniff")
        let maxAge = cacheMaxAge(forPath: relative)
        if maxAge > 0 {
            try setHeader("Expires", HTTPDate.string(fromUnixTime: time(nil) + maxAge))
            try setHeader("Cache-Control", "max-age=\(maxAge)")
        }
    }

    /// Whether a 304 is due (Tornado's `should_return_304`). If-None-Match, when
    /// present, decides alone (RFC 9110 §13.2.2), by weak comparison; otherwise a
    /// valid If-Modified-Since at or after the modification second means unchanged.
    func isNotModified(etag: String?, modified: Int) -> Bool {
        if let noneMatch = request.headers["If-None-Match"] {
            guard let etag else { return false }
            return EntityTag.noneMatch(noneMatch, matches: etag)
        }
        guard let since = request.headers["If-Modified-Since"].flatMap({ HTTPDate.parse($0) }) else { return false }
        return since >= modified
    }

    /// The Range header's selection, dropped to `.whole` when an If-Range validator
    /// does not match the current file (RFC 9110 §13.1.5: an entity tag by strong
    /// comparison, a date by exact equality with Last-Modified).
    func rangeSelection(size: Int, etag: String?, modified: Int) -> ByteRangeSelection {
        let selection = ByteRangeSelection(header: request.headers["Range"], size: size)
        guard selection != .whole, let ifRange = request.headers["If-Range"]?.trimmingOptionalWhitespace() else {
            return selection
        }
        let current: Bool
        if ifRange.hasPrefix("\"") || ifRange.hasPrefix("W/") {
            current = etag.map { EntityTag.strongMatch(String(ifRange), $0) } ?? false
        } else {
            current = HTTPDate.parse(String(ifRange)) == modified
        }
        return current ? selection : .whole
    }

    /// Sets the status and framing for `selection` and sends the selected bytes.
    func sendContent(of file: StaticFile, selection: ByteRangeSelection) async throws {
        if let contentRange = selection.contentRange(size: file.size) {
            try setHeader("Content-Range", contentRange)
        }
        let range: Range<Int>
        switch selection {
        case .whole:
            range = 0..<file.size
        case .partial(let selected):
            try setStatus(206)
            range = selected
        case .unsatisfiable:
            try setStatus(416)
            try setHeader("Content-Type", "text/plain; charset=UTF-8")
            return
        }
        if request.method == .HEAD {
            // The connection drops a HEAD body; the length still describes it.
            try setHeader("Content-Length", String(range.count))
        } else if range.count <= Self.chunkSize {
            write(try readOnce(file, range))
        } else {
            try await stream(file, range)
        }
    }

    /// A small range in one read, before anything was sent (so failures are a clean 500).
    private func readOnce(_ file: StaticFile, _ range: Range<Int>) throws -> [UInt8] {
        let bytes: [UInt8]
        do {
            bytes = try file.read(at: range.lowerBound, count: range.count)
        } catch {
            throw truncated(sent: 0, of: range.count, reason: "\(error)")
        }
        guard bytes.count == range.count else { throw truncated(sent: 0, of: range.count) }
        return bytes
    }

    /// Sends `range` in `chunkSize` pieces under a Content-Length, waiting after each
    /// piece until it reached the kernel, so memory stays at one chunk per client and
    /// a slow client slows only its own handler.
    private func stream(_ file: StaticFile, _ range: Range<Int>) async throws {
        try setHeader("Content-Length", String(range.count))
        var offset = range.lowerBound
        while offset < range.upperBound {
            // This pread runs on the loop thread. Served files normally sit in the page
            // cache, where 64 KiB costs microseconds; the await below lets the loop serve
            // other connections between chunks.
            let chunk: [UInt8]
            do {
                chunk = try file.read(at: offset, count: min(Self.chunkSize, range.upperBound - offset))
            } catch {
                try abortStream(truncated(sent: offset - range.lowerBound, of: range.count, reason: "\(error)"))
                return
            }
            guard !chunk.isEmpty else {
                try abortStream(truncated(sent: offset - range.lowerBound, of: range.count))
                return
            }
            write(chunk)
            offset += chunk.count
            do {
                try await flush()
            } catch {
                return  // The client went away; nothing is left to answer.
            }
        }
    }

    /// The file shrank or failed mid-stream. Before the headers went out this is a
    /// 500; after, the Content-Length promise cannot be kept, so the connection is
    /// closed and the client sees an incomplete body instead of a silently short one.
    private func abortStream(_ error: HTTPError) throws {
        guard request.headersSent else { throw error }
        Log.app.error("\(error.logMessage ?? error.description); closing the connection")
        request.detachStream().close()
    }

    private func truncated(sent: Int, of expected: Int, reason: String = "it changed while being sent") -> HTTPError {
        HTTPError(500, "static file \((absolutePath ?? request.path).debugDescription): \(reason) "
                      + "(\(sent) of \(expected) bytes sent)")
    }
}
