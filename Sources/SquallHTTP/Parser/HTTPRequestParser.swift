// HTTPRequestParser: an incremental HTTP/1.1 request parser — a pure state
// machine with no IO, no buffering of its own and no body copies. The connection
// owns the read buffer; the parser looks at it and says how much it used.
//
// Line endings: the head accepts CRLF or a bare LF (RFC 9112 §2.2, like Tornado and
// nginx) but rejects a bare CR; chunk-size lines, chunk delimiters and trailers
// require CRLF, because lenient chunk parsing is a known request-smuggling vector.

/// Incremental, resumable HTTP/1.x request parser (one per connection).
///
/// Calling contract, per `parse(_:)` call:
/// - pass every byte not yet consumed, in order, followed by any new bytes (the
///   parser remembers how far it already scanned, so re-presenting is cheap);
/// - it returns how many leading bytes it consumed (drop them) and one event;
/// - `.needMoreData` may consume bytes (e.g. a chunk-size line) or none: read more
///   from the socket and call again;
/// - `.head` and `.body` must be followed by another call even without new bytes,
///   as the next event (e.g. `.end`) may already be decidable;
/// - after `.end` the parser stops; the next call parses the next pipelined request,
///   so the caller pauses simply by not calling;
/// - after a thrown `HTTPParseError` every call rethrows it: answer `error.status`
///   and close the connection, since the stream can no longer be framed.
///
/// It may be resumed at any byte boundary: one-shot, byte-by-byte and any split give
/// the same heads, body bytes, trailers and errors. A value type with no shared
/// state; use it from one task.
public struct HTTPRequestParser: Sendable {
    private enum State: Sendable {
        case head(HTTPBlockScanner)
        case bodyStart(HTTPBodyLength)
        case fixed(remaining: Int)
        case chunkSize
        case chunkData(remaining: Int)
        case chunkDataEnd
        case trailers(HTTPBlockScanner)
        case failed(HTTPParseError)
    }

    /// The limits in force, read as parsing goes; change them between requests.
    public var configuration: HTTPParserConfiguration
    /// The trailer fields of the last chunked request, valid after `.end` until the
    /// next `.head`; empty when there were none.
    public private(set) var trailers = HTTPHeaders()
    /// The framing of the current request's body, set when `.head` is returned.
    public private(set) var bodyLength: HTTPBodyLength?

    private var state = State.head(HTTPBlockScanner(allowsBareLF: true))
    private var headSize = 0
    private var bodyLimit: Int
    private var bodyReceived = 0

    /// Creates a parser waiting for a request head.
    public init(configuration: HTTPParserConfiguration = HTTPParserConfiguration()) {
        self.configuration = configuration
        self.bodyLimit = configuration.maxBodySize
    }

    /// Whether a request head has been returned and its `.end` has not — i.e. a
    /// connection closing now would cut a request short.
    public var isInsideMessage: Bool {
        switch state {
        case .head, .failed: false
        default: true
        }
    }

    /// Overrides `maxBodySize` for the current request only (Tornado's
    /// `set_max_body_size`, e.g. for streaming uploads). Call it after `.head` and
    /// before the next `parse`: the Content-Length check happens on that call.
    public mutating func setMaxBodySize(_ limit: Int) {
        bodyLimit = limit
    }

    /// Parses from the start of the unconsumed bytes, following the calling contract
    /// in the type's documentation. Calling with an empty buffer right after `.head` checks the
    /// Content-Length against the limit (so a server can answer 413 instead of
    /// sending `100 Continue`) without consuming anything.
    /// - Returns: how many leading bytes of `input` were consumed, and the event.
    /// - Throws: `HTTPParseError`; the parser is then failed for good.
    public mutating func parse(_ input: UnsafeRawBufferPointer) throws(HTTPParseError) -> (
        consumed: Int, event: HTTPParserEvent
    ) {
        do {
            return try step(input)
        } catch {
            state = .failed(error)
            throw error
        }
    }

    private mutating func step(_ input: UnsafeRawBufferPointer) throws(HTTPParseError) -> (
        consumed: Int, event: HTTPParserEvent
    ) {
        var offset = 0
        while true {
            let available = input.count - offset
            switch state {
            case .failed(let error):
                throw error
            case .head(var scanner):
                return try parseHead(input, scanner: &scanner)
            case .bodyStart(.fixed(let length)):
                guard length <= bodyLimit else {
                    throw HTTPParseError(
                        .bodyTooLarge, "Content-Length \(length) exceeds the body limit of \(bodyLimit) bytes")
                }
                state = .fixed(remaining: length)
            case .bodyStart(.chunked):
                state = .chunkSize
            case .fixed(remaining: 0):
                return finishMessage(consumed: offset)
            case .fixed(let remaining):
                guard available > 0 else { return (offset, .needMoreData) }
                let count = min(remaining, available)
                state = .fixed(remaining: remaining - count)
                return (offset + count, .body(offset..<(offset + count)))
            case .chunkSize:
                let searchEnd = offset + min(available, configuration.maxChunkLineLength)
                guard let lf = HTTPBytes.firstIndex(of: HTTPBytes.lf, in: input, from: offset, to: searchEnd) else {
                    guard available < configuration.maxChunkLineLength else {
                        throw HTTPParseError(
                            .invalidChunk, "Chunk size line longer than \(configuration.maxChunkLineLength) bytes")
                    }
                    return (offset, .needMoreData)
                }
                let size = try HTTPChunkSizeLine.parse(
                    UnsafeRawBufferPointer(rebasing: input[offset...lf]), maxSize: bodyLimit - bodyReceived)
                bodyReceived += size
                offset = lf + 1
                state = size == 0 ? .trailers(HTTPBlockScanner(allowsBareLF: false)) : .chunkData(remaining: size)
            case .chunkData(let remaining):
                guard available > 0 else { return (offset, .needMoreData) }
                let count = min(remaining, available)
                state = count == remaining ? .chunkDataEnd : .chunkData(remaining: remaining - count)
                return (offset + count, .body(offset..<(offset + count)))
            case .chunkDataEnd:
                if available > 0 && input[offset] != HTTPBytes.cr || available > 1 && input[offset + 1] != HTTPBytes.lf {
                    throw HTTPParseError(.invalidChunk, "Chunk data is not followed by CRLF")
                }
                guard available >= 2 else { return (offset, .needMoreData) }
                offset += 2
                state = .chunkSize
            case .trailers(var scanner):
                return try parseTrailers(input, from: offset, scanner: &scanner)
            }
        }
    }

    /// Skips empty lines before a request line (RFC 9112 §2.2), then waits for the
    /// complete head within the size limits and decodes it.
    private mutating func parseHead(_ input: UnsafeRawBufferPointer, scanner: inout HTTPBlockScanner)
        throws(HTTPParseError) -> (consumed: Int, event: HTTPParserEvent)
    {
        var start = 0
        if scanner.isFresh {
            while start < input.count {
                if input[start] == HTTPBytes.lf {
                    start += 1
                } else if input[start] == HTTPBytes.cr && start + 1 < input.count && input[start + 1] == HTTPBytes.lf {
                    start += 2
                } else {
                    break
                }
            }
            // A lone trailing CR may be the first half of an empty line's CRLF.
            if start == input.count || (start + 1 == input.count && input[start] == HTTPBytes.cr) {
                return (start, .needMoreData)
            }
        }
        let block = UnsafeRawBufferPointer(rebasing: input[start...])
        let end = try scanner.scan(block, limit: configuration.maxHeaderSize, bareLFError: .invalidHeader)
        let requestLineLength = scanner.firstLineLength ?? block.count
        if requestLineLength > configuration.maxRequestLineLength {
            throw HTTPParseError(
                .requestLineTooLong, "Request line exceeds \(configuration.maxRequestLineLength) bytes")
        }
        guard let end, let firstLineLength = scanner.firstLineLength else {
            if block.count >= configuration.maxHeaderSize {
                throw HTTPParseError(.headersTooLarge, "Request head exceeds \(configuration.maxHeaderSize) bytes")
            }
            state = .head(scanner)
            return (start, .needMoreData)
        }
        let (head, length) = try HTTPHeadDecoder.decode(
            .init(rebasing: block[..<end]), lineCount: scanner.lineCount, firstLineLength: firstLineLength,
            configuration: configuration)
        headSize = end
        bodyLimit = configuration.maxBodySize
        bodyReceived = 0
        bodyLength = length
        trailers = HTTPHeaders()
        state = .bodyStart(length)
        return (start + end, .head(head))
    }

    /// Waits for the trailer section (CRLF-terminated lines, then CRLF), counted
    /// with the head against `maxHeaderSize`, and ends the message.
    private mutating func parseTrailers(
        _ input: UnsafeRawBufferPointer, from offset: Int, scanner: inout HTTPBlockScanner
    ) throws(HTTPParseError) -> (consumed: Int, event: HTTPParserEvent) {
        let block = UnsafeRawBufferPointer(rebasing: input[offset...])
        // The empty line that ends every chunked body is not counted.
        let limit = configuration.maxHeaderSize - headSize + 2
        guard let end = try scanner.scan(block, limit: limit, bareLFError: .invalidChunk) else {
            if block.count >= limit {
                throw HTTPParseError(
                    .headersTooLarge, "Request head and trailers exceed \(configuration.maxHeaderSize) bytes")
            }
            state = .trailers(scanner)
            return (offset, .needMoreData)
        }
        if scanner.lineCount > 0 {
            trailers = try HTTPFieldLine.parseBlock(
                block, 0..<(end - 2), lineCount: scanner.lineCount, maxCount: configuration.maxHeaderCount
            ) { _, _ in }
        }
        return finishMessage(consumed: offset + end)
    }

    private mutating func finishMessage(consumed: Int) -> (consumed: Int, event: HTTPParserEvent) {
        state = .head(HTTPBlockScanner(allowsBareLF: true))
        return (consumed, .end)
    }
}
