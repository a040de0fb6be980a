// The IOLoop's scheduling: callbacks from any thread, timers in deadline order,
// cancellation, periodic callbacks, blocking work off the loop.
import Foundation
import SquallIO
import Synchronization
import Testing

@Suite("IOLoop")
struct IOLoopTests {
    init() { IOLoop.current.startInBackground() }

    @Test func addCallbackFromManyThreadsRunsEveryCallbackOnTheLoop() async throws {
        let count = 2000
        final class Tally: Sendable {
            let state = Mutex((calls: 0, allOnLoop: true))
        }
        let seen = Tally()
        let onLoop = await withCheckedContinuation { continuation in
            DispatchQueue.concurrentPerform(iterations: count) { _ in
                IOLoop.current.addCallback {
                    let done = seen.state.withLock { state -> Bool in
                        state.calls += 1
                        state.allOnLoop = state.allOnLoop && IOLoop.current.isOnLoopThread
                        return state.calls == count
                    }
                    if done { continuation.resume(returning: seen.state.withLock { $0.allOnLoop }) }
                }
            }
        }
        #expect(onLoop)
    }

    @Test func timersFireInDeadlineOrderAndCancelledOnesNever() async throws {
        let order = await withCheckedContinuation { continuation in
            IOLoop.current.addCallback {
                var fired: [Int] = []
                let loop = IOLoop.current
                loop.callLater(0.06) { fired.append(3) }
                loop.callLater(0.02) { fired.append(1) }
                let cancelled = loop.callLater(0.03) { fired.append(99) }
                loop.callLater(0.04) { fired.append(2) }
                loop.callLater(0.02) { fired.append(11) }
                cancelled.cancel()
                #expect(!cancelled.isPending)
                loop.callLater(0.1) { continuation.resume(returning: fired) }
            }
        }
        #expect(order == [1, 11, 2, 3])
    }

    @Test func manyCancelledTimersDoNotAccumulate() async throws {
        let ran = await withCheckedContinuation { continuation in
            IOLoop.current.addCallback {
                var handles: [TimeoutHandle] = []
                for _ in 0..<5000 { handles.append(IOLoop.current.callLater(3600) {}) }
                for handle in handles { handle.cancel() }
                IOLoop.current.callLater(0) { continuation.resume(returning: true) }
            }
        }
        #expect(ran)
    }

    @Test func periodicCallbackRepeatsUntilStopped() async throws {
        let ticks = await withCheckedContinuation { continuation in
            IOLoop.current.addCallback {
                var count = 0
                var periodic: PeriodicCallback?
                periodic = PeriodicCallback(interval: 0.01) {
                    count += 1
                    if count == 5 {
                        periodic?.stop()
                        IOLoop.current.callLater(0.05) { continuation.resume(returning: count) }
                    }
                }
                periodic?.start()
            }
        }
        #expect(ticks == 5)
    }

    @Test @IOLoopActor func runInExecutorReturnsToTheLoop() async throws {
        let value = try await IOLoop.current.runInExecutor { () -> Bool in
            !IOLoop.current.isOnLoopThread
        }
        #expect(value)
        #expect(IOLoop.current.isOnLoopThread)
        await #expect(throws: CocoaError.self) {
            try await IOLoop.current.runInExecutor { () -> Int in throw CocoaError(.fileNoSuchFile) }
        }
    }

    @Test @IOLoopActor func asyncCodeResumesOnTheLoopAfterSleeping() async throws {
        #expect(IOLoop.current.isOnLoopThread)
        try await Task.sleep(nanoseconds: 5_000_000)
        #expect(IOLoop.current.isOnLoopThread)
    }
}
