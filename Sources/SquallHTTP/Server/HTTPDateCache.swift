// The `Date:` response header, formatted once per second rather than per response.
import Glibc
import SquallIO

/// Caches the current `Date: …\r\n` header line (loop thread).
@IOLoopActor
final class HTTPDateCache {
    static let shared = HTTPDateCache()
    private var second = -1
    private var line: [UInt8] = []

    /// `Date: Sun, 06 Nov 1994 08:49:37 GMT\r\n` for the current second.
    var headerLine: [UInt8] {
        let now = time(nil)
        if now != second {
            second = now
            line = Array("Date: \(HTTPDate.string(fromUnixTime: now))\r\n".utf8)
        }
        return line
    }
}
