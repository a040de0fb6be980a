// HTTPParserEvent: what one call of HTTPRequestParser.parse(_:) produced.

/// One step of request parsing. Each `parse` call returns exactly one event.
public enum HTTPParserEvent: Sendable, Equatable {
    /// The unconsumed bytes do not hold a complete element; call again with them plus
    /// newly read bytes.
    case needMoreData
    /// A complete, validated request head. The body (if any) follows.
    case head(HTTPRequestHead)
    /// Body bytes: this range of the input passed to the same call (chunk framing
    /// already removed). Copy them out before the input buffer changes.
    case body(Range<Int>)
    /// The request is complete (trailers, if any, are in `HTTPRequestParser.trailers`).
    /// The next call starts the next pipelined request.
    case end
}
