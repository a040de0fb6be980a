// Errors from system calls, with the one errno policy of the IO layer:
// EINTR is retried, EAGAIN is a value (not an error), anything else is an
// `IOError` naming the call that failed.
import Glibc
import CSquallLinux

/// A failed system call: which call, and the errno it set.
public struct IOError: Error, CustomStringConvertible, Sendable, Equatable {
    /// The system call that failed, e.g. `"bind"`.
    public let syscall: String
    /// The `errno` value it set.
    public let errno: Int32

    /// Creates an error for `syscall` with an explicit errno.
    public init(_ syscall: String, errno: Int32) {
        self.syscall = syscall
        self.errno = errno
    }

    /// The error for `syscall` with the calling thread's current errno.
    static func last(_ syscall: String) -> IOError {
        IOError(syscall, errno: csquall_errno())
    }

    /// `"bind failed: Address already in use (errno 98)"`.
    public var description: String {
        "\(syscall) failed: \(String(cString: strerror(errno))) (errno \(errno))"
    }
}

/// Calls `body` until it does not fail with EINTR; returns its result, or nil for
/// EAGAIN/EWOULDBLOCK; throws `IOError` for any other failure (result < 0).
@inline(__always)
func retryingSyscall<T: BinaryInteger>(_ name: String, _ body: () -> T) throws(IOError) -> T? {
    while true {
        let result = body()
        if result >= 0 { return result }
        let code = csquall_errno()
        if code == EINTR { continue }
        if code == EAGAIN || code == EWOULDBLOCK { return nil }
        throw IOError(name, errno: code)
    }
}
