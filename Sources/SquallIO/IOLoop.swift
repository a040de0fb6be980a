// The IOLoop: one epoll event loop per process, as in Tornado.
//
//     let app = Application([...])
//     try app.listen(port: 8888)
//     IOLoop.current.start()          // blocks; SIGINT/SIGTERM stop it gracefully
//
// It is level-triggered (a socket stays readable until drained, so a handler that
// reads in bounded batches for fairness never loses an event), wakes through one
// eventfd (written only when the loop may be asleep, not once per callback), keeps
// timers in a heap, and is the serial executor of `IOLoopActor`, so Swift tasks
// isolated to the loop are resumed by the same thread that runs the IO callbacks.
import Glibc
import CSquallLinux
import Synchronization

/// The process's event loop. Start it once, from the thread that should run it.
///
/// Thread rules: `addCallback`, `stop` and the executor entry points are safe from any
/// thread; everything else is `IOLoopActor`-isolated (the loop thread).
public final class IOLoop: SerialExecutor, @unchecked Sendable {
    /// The loop of this process (Squall runs one loop per process; scale out with
    /// processes, as Tornado does with `fork_processes`/`reuse_port`).
    public static let current = IOLoop()

    let epollFD: Int32
    private let wakeFD: Int32
    private let queued = Mutex<[LoopWork]>([])
    private let wakeRequested = Atomic<Bool>(false)
    private let loopThread = Atomic<UInt>(0)
    private let stopRequested = Atomic<Bool>(false)
    private let backgroundStarted = Atomic<Bool>(false)

    // Loop-thread state (touched only by the thread running the loop).
    // `@exclusivity(unchecked)` here and on the other loop-confined classes' hot
    // state: one thread, no overlapping accesses, and the runtime checks cost
    // about a sixth of a keep-alive request's instructions.
    @exclusivity(unchecked) var registrations: [Registration?] = []
    @exclusivity(unchecked) var timers = TimerHeap()
    @exclusivity(unchecked) var streamsToFlush: [IOStream] = []
    @exclusivity(unchecked) private var streamsFlushing: [IOStream] = []
    @exclusivity(unchecked) var nextTick: [@IOLoopActor () -> Void] = []
    @exclusivity(unchecked) var signalState: SignalState?
    @exclusivity(unchecked) var shutdownHooks: [UInt64: @IOLoopActor (_ done: @escaping @IOLoopActor () -> Void) -> Void] = [:]
    @exclusivity(unchecked) var nextHookID: UInt64 = 0
    @exclusivity(unchecked) var registrationGeneration: UInt32 = 0
    /// A 64 KiB buffer every stream reads into, so idle connections hold no buffer.
    let readScratch: UnsafeMutableRawBufferPointer
    /// Scratch iovecs for gathered writes (64, the most one writev sends).
    let writeVectors: UnsafeMutablePointer<iovec>
    @exclusivity(unchecked) private var running = false
    @exclusivity(unchecked) private var drained: [LoopWork] = []
    @exclusivity(unchecked) private var events: [epoll_event]

    private init() {
        csquall_ignore_sigpipe()
        epollFD = epoll_create1(Int32(EPOLL_CLOEXEC))
        precondition(epollFD >= 0, "epoll_create1 failed: \(IOError.last("epoll_create1"))")
        wakeFD = eventfd(0, Int32(EFD_NONBLOCK | EFD_CLOEXEC))
        precondition(wakeFD >= 0, "eventfd failed: \(IOError.last("eventfd"))")
        readScratch = .allocate(byteCount: 64 * 1024, alignment: 16)
        writeVectors = .allocate(capacity: 64)
        events = Array(repeating: epoll_event(), count: 1024)
        var event = epoll_event()
        event.events = EPOLLIN.rawValue
        event.data.u64 = UInt64.max
        epoll_ctl(epollFD, EPOLL_CTL_ADD, wakeFD, &event)
    }

    /// True when called on the thread currently running the loop.
    public var isOnLoopThread: Bool {
        let owner = loopThread.load(ordering: .acquiring)
        return owner != 0 && owner == UInt(bitPattern: Int(bitPattern: UInt(pthread_self())))
    }

    /// True while `start()` is running.
    public var isRunning: Bool { loopThread.load(ordering: .acquiring) != 0 }

    /// Seconds on the loop's monotonic clock (Tornado's `IOLoop.time()`).
    public func time() -> Double { Double(monotonicNanoseconds()) / 1e9 }

    /// Runs the loop on the calling thread until `stop()` (or a handled SIGINT/SIGTERM).
    ///
    /// - Parameter handleSignals: when true (the default) SIGINT and SIGTERM start a
    ///   graceful shutdown (see `addShutdownHook`); a second signal stops at once.
    /// - Precondition: the loop is not already running.
    public func start(handleSignals: Bool = true) {
        let me = UInt(bitPattern: Int(bitPattern: UInt(pthread_self())))
        let (exchanged, _) = loopThread.compareExchange(expected: 0, desired: me, ordering: .acquiringAndReleasing)
        precondition(exchanged, "IOLoop.start() called while the loop is already running")
        stopRequested.store(false, ordering: .releasing)
        IOLoopActor.assumeIsolated {
            if handleSignals { installSignalHandlers() }
            run()
            if handleSignals { removeSignalHandlers() }
        }
        loopThread.store(0, ordering: .releasing)
    }

    /// Starts the loop on a new background thread unless it is already running, and
    /// returns once it runs. For tests and for programs whose main thread does other
    /// work. A background loop does not handle signals. Thread-safe and idempotent.
    public func startInBackground() {
        if !backgroundStarted.exchange(true, ordering: .acquiringAndReleasing) && !isRunning {
            spawnThread { IOLoop.current.start(handleSignals: false) }
        }
        while !isRunning { usleep(100) }
    }

    /// Asks the loop to return from `start()` after the current iteration. Thread-safe.
    public func stop() {
        stopRequested.store(true, ordering: .releasing)
        wake()
    }

    /// Schedules `callback` to run on the loop thread in a later iteration.
    /// Thread-safe (Tornado's `add_callback`): this is how other threads talk to the loop.
    public func addCallback(_ callback: @escaping @Sendable @IOLoopActor () -> Void) {
        push(.callback(callback))
    }

    // MARK: SerialExecutor

    /// Queues a Swift concurrency job to run on the loop thread.
    public func enqueue(_ job: consuming ExecutorJob) {
        push(.job(UnownedJob(job)))
    }

    /// Traps unless the caller is on the loop thread (backs `assumeIsolated`).
    public func checkIsolated() {
        precondition(isOnLoopThread, "expected to run on the IOLoop thread")
    }

    // MARK: the loop

    private func push(_ work: LoopWork) {
        queued.withLock { $0.append(work) }
        if !isOnLoopThread { wake() }
    }

    private func wake() {
        // One eventfd write per sleep, not per callback: the flag is cleared by the
        // loop right before it drains the queue.
        if !wakeRequested.exchange(true, ordering: .acquiringAndReleasing) {
            var one: UInt64 = 1
            _ = write(wakeFD, &one, 8)
        }
    }

    @IOLoopActor
    private func run() {
        running = true
        while !stopRequested.load(ordering: .acquiring) {
            runQueuedWork()
            runNextTick()
            flushStreams()
            let timeout = pollTimeoutMilliseconds()
            let count = events.withUnsafeMutableBufferPointer { buffer in
                epoll_wait(epollFD, buffer.baseAddress, Int32(buffer.count), timeout)
            }
            if count > 0 { dispatch(count: Int(count)) }
            runDueTimers()
        }
        running = false
        runQueuedWork()
        runNextTick()
        flushStreams()
    }

    @IOLoopActor
    private func dispatch(count: Int) {
        for index in 0..<count {
            let event = events[index]
            let token = event.data.u64
            if token == UInt64.max {
                var value: UInt64 = 0
                _ = read(wakeFD, &value, 8)
                continue
            }
            let fd = Int(truncatingIfNeeded: token & 0xffff_ffff)
            let generation = UInt32(truncatingIfNeeded: token >> 32)
            guard fd < registrations.count, let registration = registrations[fd],
                  registration.generation == generation else { continue }
            registration.handler.handleIOEvent(event.events)
        }
    }

    @IOLoopActor
    private func runQueuedWork() {
        wakeRequested.store(false, ordering: .releasing)
        queued.withLock { pending in swap(&pending, &drained) }
        for work in drained {
            switch work {
            case .job(let job): job.runSynchronously(on: asUnownedSerialExecutor())
            case .callback(let callback): callback()
            }
        }
        drained.removeAll(keepingCapacity: true)
    }

    @IOLoopActor
    func runNextTick() {
        while !nextTick.isEmpty {
            let callbacks = nextTick
            nextTick.removeAll()
            for callback in callbacks { callback() }
        }
    }

    @IOLoopActor
    private func flushStreams() {
        while !streamsToFlush.isEmpty {
            // Swapped with a spare so that neither array is copied: flushing may
            // schedule more streams, which land in the (now empty) other one.
            swap(&streamsToFlush, &streamsFlushing)
            for stream in streamsFlushing { stream.flushScheduled() }
            streamsFlushing.removeAll(keepingCapacity: true)
            runNextTick()
        }
    }

    @IOLoopActor
    private func pollTimeoutMilliseconds() -> Int32 {
        if !nextTick.isEmpty || !streamsToFlush.isEmpty || queued.withLock({ !$0.isEmpty }) { return 0 }
        guard let deadline = timers.nextDeadline else { return -1 }
        let now = monotonicNanoseconds()
        if deadline <= now { return 0 }
        let milliseconds = (deadline - now + 999_999) / 1_000_000
        return Int32(min(milliseconds, 60_000))
    }
}

/// A unit of work queued from any thread.
enum LoopWork {
    case job(UnownedJob)
    case callback(@Sendable @IOLoopActor () -> Void)
}
