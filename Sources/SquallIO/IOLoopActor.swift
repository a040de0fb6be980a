// The global actor whose serial executor is the process's IOLoop.
//
// Everything that touches sockets, handlers and their state is isolated to it, so
// user handler subclasses (and their `static var`s, and their `async` methods) run on
// the loop thread and are data-race-free under the Swift 6 language mode: the same
// single-threaded model as Tornado, checked by the compiler.

/// The global actor of Squall's event loop: code isolated to it runs on the thread
/// that called `IOLoop.current.start()`.
///
/// ```swift
/// @IOLoopActor func handle() { … }   // runs on the loop thread
/// ```
@globalActor
public actor IOLoopActor {
    /// The one instance; its executor is `IOLoop.current`.
    public static let shared = IOLoopActor()

    /// The loop, as this actor's serial executor.
    public nonisolated var unownedExecutor: UnownedSerialExecutor {
        IOLoop.current.asUnownedSerialExecutor()
    }

    /// Runs `operation` synchronously as loop-isolated code.
    ///
    /// - Precondition: the caller is on the loop thread (traps otherwise: calling it
    ///   from elsewhere is a programming error, not a runtime condition).
    public static func assumeIsolated<T>(
        _ operation: @IOLoopActor () throws -> T
    ) rethrows -> T {
        precondition(IOLoop.current.isOnLoopThread, "IOLoopActor.assumeIsolated called off the loop thread")
        typealias Isolated = @IOLoopActor () throws -> T
        typealias Plain = () throws -> T
        return try withoutActuallyEscaping(operation) { isolated in
            // Safe: the precondition above proves we are on the actor's executor.
            try unsafeBitCast(isolated, to: Plain.self)()
        }
    }
}
