// Whole-message writes to stdout/stderr file descriptors, shared by the default log
// handler and the command-line option helpers.

import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// Serialised, complete writes of text to a file descriptor.
enum ConsoleOutput {
    private static let lock = Mutex<Void>(())

    /// Writes all of `text` to `fd` (1 = stdout, 2 = stderr), retrying short writes and
    /// EINTR. A lock keeps messages from different threads from interleaving. Any other
    /// error drops the rest: console output must never take the process down.
    static func write(_ text: String, to fd: Int32) {
        var text = text
        lock.withLock { _ in
            text.withUTF8 { buffer in
                var offset = 0
                while offset < buffer.count {
                    let written = Glibc.write(fd, buffer.baseAddress! + offset, buffer.count - offset)
                    if written > 0 {
                        offset += written
                    } else if written < 0 && errno == EINTR {
                        continue
                    } else {
                        return
                    }
                }
            }
        }
    }
}
