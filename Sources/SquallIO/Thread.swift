// A detached POSIX thread running a closure (the IO layer avoids Foundation's Thread).
import Glibc

private final class ThreadBody {
    let body: @Sendable () -> Void
    init(_ body: @escaping @Sendable () -> Void) { self.body = body }
}

/// Starts a detached thread that runs `body` and exits.
/// - Precondition: the system can create a thread (traps otherwise: out of resources).
func spawnThread(_ body: @escaping @Sendable () -> Void) {
    let context = Unmanaged.passRetained(ThreadBody(body)).toOpaque()
    var thread = pthread_t()
    let result = pthread_create(&thread, nil, { raw in
        let box = Unmanaged<ThreadBody>.fromOpaque(raw!).takeRetainedValue()
        box.body()
        return nil
    }, context)
    precondition(result == 0, "pthread_create failed: \(IOError("pthread_create", errno: result))")
    pthread_detach(thread)
}
