// Test driver for HTTPRequestParser: plays the connection's role (keeps the
// unconsumed bytes, appends each arriving chunk, drops what the parser consumed)
// and records the resulting messages, so any chunking of the same bytes can be
// compared with a one-shot parse.

import SquallHTTP

/// One fully parsed request.
struct ParsedMessage: Equatable {
    var head: HTTPRequestHead
    var body: [UInt8] = []
    var trailers = HTTPHeaders()
}

/// Everything a byte stream produced.
struct ParseOutcome: Equatable {
    var messages: [ParsedMessage] = []
    /// A head was returned but its `.end` not yet.
    var partial: ParsedMessage?
    var error: HTTPParseError?
    /// Bytes left unconsumed at the end.
    var leftover: [UInt8] = []
}

/// Feeds `chunks` in order, as successive socket reads.
func parseStream(_ chunks: [[UInt8]], configuration: HTTPParserConfiguration = .init()) -> ParseOutcome {
    var parser = HTTPRequestParser(configuration: configuration)
    var outcome = ParseOutcome()
    var pending: [UInt8] = []
    var steps = 0
    for chunk in chunks {
        pending += chunk
        reading: while outcome.error == nil {
            steps += 1
            // A parser that never stops producing events is a bug; fail instead of hanging.
            if steps > 100_000 {
                outcome.error = HTTPParseError(.malformedRequestLine, "test driver: no progress")
                break
            }
            let result = pending.withUnsafeBytes { bytes in
                Result { () throws(HTTPParseError) in try parser.parse(bytes) }
            }
            switch result {
            case .failure(let error):
                outcome.error = error
            case .success(let (consumed, event)):
                switch event {
                case .needMoreData:
                    pending.removeFirst(consumed)
                    break reading
                case .head(let head):
                    outcome.partial = ParsedMessage(head: head)
                case .body(let range):
                    outcome.partial?.body += pending[range]
                case .end:
                    if var message = outcome.partial {
                        message.trailers = parser.trailers
                        outcome.messages.append(message)
                    }
                    outcome.partial = nil
                }
                pending.removeFirst(consumed)
            }
        }
    }
    outcome.leftover = pending
    return outcome
}

/// The whole text as one read.
func parseOneShot(_ text: String, configuration: HTTPParserConfiguration = .init()) -> ParseOutcome {
    parseStream([Array(text.utf8)], configuration: configuration)
}

/// The bytes one at a time.
func parseDripFed(_ bytes: [UInt8], configuration: HTTPParserConfiguration = .init()) -> ParseOutcome {
    parseStream(bytes.map { [$0] }, configuration: configuration)
}

/// The bytes split once at every position; returns the outcomes that differ from
/// the one-shot parse, with their split index.
func splitOutcomesDiffering(
    from bytes: [UInt8], configuration: HTTPParserConfiguration = .init()
) -> [(Int, ParseOutcome)] {
    let expected = parseStream([bytes], configuration: configuration)
    return (0...bytes.count).compactMap { split in
        let outcome = parseStream([Array(bytes[..<split]), Array(bytes[split...])], configuration: configuration)
        return outcome == expected ? nil : (split, outcome)
    }
}

/// Parses exactly one complete request, or nil.
func parseSingle(_ text: String, configuration: HTTPParserConfiguration = .init()) -> ParsedMessage? {
    let outcome = parseOneShot(text, configuration: configuration)
    guard outcome.error == nil, outcome.messages.count == 1 else { return nil }
    return outcome.messages[0]
}

/// The error the text produces, or nil.
func parseError(_ text: String, configuration: HTTPParserConfiguration = .init()) -> HTTPParseError? {
    parseOneShot(text, configuration: configuration).error
}

extension String {
    /// Converts `|` to CRLF, so samples stay readable on one line.
    var crlf: String { split(separator: "|", omittingEmptySubsequences: false).joined(separator: "\r\n") }
}
