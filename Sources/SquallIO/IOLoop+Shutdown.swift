// Graceful shutdown: SIGINT/SIGTERM (or `shutdownGracefully`) ask every registered
// participant (HTTP servers: stop accepting, finish in-flight requests) to wind down,
// then stop the loop once all are done or the deadline passes. A second signal stops
// the loop at once.
import Glibc
import CSquallLinux

/// The signal pipe and its reader (loop thread).
final class SignalState {
    let readFD: Int32
    let writeFD: Int32
    var shuttingDown = false
    init(readFD: Int32, writeFD: Int32) {
        self.readFD = readFD
        self.writeFD = writeFD
    }
}

/// Reads signal numbers from the self-pipe and reacts on the loop thread.
@IOLoopActor
private final class SignalReader: IOEventHandler {
    let fd: Int32
    init(fd: Int32) { self.fd = fd }

    func handleIOEvent(_ events: UInt32) {
        var byte: UInt8 = 0
        while read(fd, &byte, 1) == 1 {
            IOLoop.current.signalReceived(Int32(byte))
        }
    }
}

/// Identifies a registered shutdown hook.
public struct ShutdownHookID: Hashable, Sendable {
    let value: UInt64
}

@IOLoopActor
extension IOLoop {
    /// Seconds a graceful shutdown waits for participants before stopping anyway.
    public static var shutdownTimeout: Double = 10

    /// Registers `hook`, called once when a graceful shutdown begins; it must call
    /// `done` when its work (e.g. in-flight requests) is finished.
    @discardableResult
    public func addShutdownHook(_ hook: @escaping @IOLoopActor (_ done: @escaping @IOLoopActor () -> Void) -> Void) -> ShutdownHookID {
        nextHookID += 1
        shutdownHooks[nextHookID] = hook
        return ShutdownHookID(value: nextHookID)
    }

    /// Removes a hook added with `addShutdownHook`.
    public func removeShutdownHook(_ id: ShutdownHookID) {
        shutdownHooks[id.value] = nil
    }

    /// Runs every shutdown hook, then stops the loop when all have called `done` or
    /// after `timeout` seconds, whichever comes first.
    public func shutdownGracefully(timeout: Double = IOLoop.shutdownTimeout) {
        let hooks = Array(shutdownHooks.values)
        shutdownHooks.removeAll()
        var remaining = hooks.count
        let deadline = callLater(timeout) { IOLoop.current.stop() }
        if remaining == 0 {
            deadline.cancel()
            stop()
            return
        }
        for hook in hooks {
            var called = false
            hook {
                guard !called else { return }
                called = true
                remaining -= 1
                if remaining == 0 {
                    deadline.cancel()
                    IOLoop.current.stop()
                }
            }
        }
    }

    func signalReceived(_ signo: Int32) {
        guard let state = signalState else { return }
        if state.shuttingDown {
            stop()
            return
        }
        state.shuttingDown = true
        shutdownGracefully()
    }

    func installSignalHandlers() {
        var fds: [Int32] = [0, 0]
        guard csquall_pipe(&fds) == 0 else { return }
        let state = SignalState(readFD: fds[0], writeFD: fds[1])
        do {
            try register(fd: state.readFD, interest: .readable, handler: SignalReader(fd: state.readFD))
        } catch {
            close(fds[0]); close(fds[1])
            return
        }
        signalState = state
        csquall_signal_to_pipe(SIGINT, state.writeFD)
        csquall_signal_to_pipe(SIGTERM, state.writeFD)
        // A parent (a test runner, a process supervisor) may have left them blocked.
        csquall_unblock_signal(SIGINT)
        csquall_unblock_signal(SIGTERM)
    }

    func removeSignalHandlers() {
        guard let state = signalState else { return }
        csquall_signal_default(SIGINT)
        csquall_signal_default(SIGTERM)
        unregister(fd: state.readFD)
        close(state.readFD)
        close(state.writeFD)
        signalState = nil
    }
}
