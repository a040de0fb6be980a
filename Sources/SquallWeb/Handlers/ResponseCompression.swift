// Gzip for whole responses (Tornado's `compress_response` setting and its
// `GZipContentEncoding` transform).
//
// When `settings.compressResponse` is on, a finished response is gzipped if
// the client accepts gzip, its Content-Type is worth compressing, its body
// has at least `minimumLength` bytes and it has no Content-Encoding yet.
// Every response of a compressible type gets `Vary: Accept-Encoding`, so
// caches keep the two representations apart. Responses streamed with
// `flush()` are sent uncompressed: gzip would have to buffer or flush its
// own stream at every chunk, which defeats the point of streaming.
import SquallCompression
import SquallCore
import SquallHTTP
import SquallIO

/// When to gzip a response.
enum ResponseCompression {
    /// Smaller bodies are sent as they are: the gzip header and trailer (18
    /// bytes) and the extra header outweigh the savings (Tornado's `MIN_LENGTH`).
    static let minimumLength = 1024

    /// Whether `Accept-Encoding` field values allow gzip: `gzip` or `x-gzip` with
    /// a q-value above 0, or, when neither is listed, `*` with one. Absent
    /// header: no (RFC 9110 allows any coding, but old clients send none).
    /// An unreadable q-value counts as 0.
    static func acceptsGzip(_ fieldValues: [String]) -> Bool {
        var wildcard: Bool?
        for element in fieldValues.lazy.flatMap({ $0.split(separator: ",") }) {
            let parts = element.split(separator: ";")
            guard let coding = parts.first.map({ String($0).trimmingWhitespace().lowercased() }) else { continue }
            let accepted = quality(parts.dropFirst()) > 0
            if coding == "gzip" || coding == "x-gzip" { return accepted }
            if coding == "*" { wildcard = accepted }
        }
        return wildcard ?? false
    }

    /// The `q` parameter among `parameters` (1 when absent, 0 when unreadable).
    private static func quality(_ parameters: ArraySlice<Substring>) -> Double {
        for parameter in parameters {
            let pair = parameter.split(separator: "=", maxSplits: 1)
            guard pair.count == 2, String(pair[0]).trimmingWhitespace().lowercased() == "q" else { continue }
            guard let value = Double(String(pair[1]).trimmingWhitespace()), (0...1).contains(value) else { return 0 }
            return value
        }
        return 1
    }
}

@IOLoopActor
extension RequestHandler {
    /// The body to send for a response finished in one piece: gzipped when
    /// `settings.compressResponse` is on and the rules above allow it (then
    /// `Content-Encoding: gzip` is set and any Content-Length dropped, the
    /// server computing the new one); `body` unchanged otherwise. Adds
    /// `Vary: Accept-Encoding` to responses of compressible types. Partial
    /// content (206, or a Content-Range) is never compressed. Called by
    /// `finish()` just before the response is sent; a compression failure is
    /// logged and the body sent uncompressed.
    func compressedBodyIfApplicable(_ body: [UInt8]) -> [UInt8] {
        guard application.settings.compressResponse,
              MIMETypes.isCompressible(responseHeaders["Content-Type"] ?? "")
        else { return body }
        if !responseHeaders.containsToken("Accept-Encoding", forName: "Vary")
            && !responseHeaders.containsToken("*", forName: "Vary") {
            try? responseHeaders.add("Vary", "Accept-Encoding")
        }
        guard body.count >= ResponseCompression.minimumLength, statusCode != 206,
              !responseHeaders.contains("Content-Encoding"), !responseHeaders.contains("Content-Range"),
              ResponseCompression.acceptsGzip(request.headers.values(for: "Accept-Encoding"))
        else { return body }
        do {
            let compressed = try Gzip.compress(body)
            try responseHeaders.set("Content-Encoding", "gzip")
            _ = responseHeaders.remove("Content-Length")
            return compressed
        } catch {
            Log.app.error("gzip failed for \(request.method) \(request.uri), sending it uncompressed: \(error)")
            return body
        }
    }
}
