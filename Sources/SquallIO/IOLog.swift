// The IO layer's own diagnostics: problems nobody above it can act on.
import Glibc

/// Writes an IO-layer warning line to stderr.
func ioLog(_ message: String) {
    var line = "[W squall.io] \(message)\n"
    line.withUTF8 { _ = write(2, $0.baseAddress, $0.count) }
}
