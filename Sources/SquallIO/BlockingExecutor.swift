// A small pool of threads for blocking work (Tornado's default executor for
// `run_in_executor`). Dispatch's global queues are no substitute on Linux: their
// width is the number of cores, so a few blocking calls there stall every other
// Dispatch user, including the timers behind `Task.sleep`.
import Glibc

/// Runs closures on up to `maxThreads` dedicated threads, started on demand.
final class BlockingExecutor: @unchecked Sendable {
    /// The executor behind `IOLoop.runInExecutor` (up to 32 threads).
    static let shared = BlockingExecutor(maxThreads: 32)

    private let maxThreads: Int
    private var mutex = pthread_mutex_t()
    private var condition = pthread_cond_t()
    private var work: [@Sendable () -> Void] = []
    private var threads = 0
    private var idle = 0

    init(maxThreads: Int) {
        self.maxThreads = maxThreads
        pthread_mutex_init(&mutex, nil)
        pthread_cond_init(&condition, nil)
    }

    /// Queues `body`; it runs as soon as a thread is free.
    func submit(_ body: @escaping @Sendable () -> Void) {
        pthread_mutex_lock(&mutex)
        work.append(body)
        let startThread = idle == 0 && threads < maxThreads
        if startThread { threads += 1 }
        pthread_cond_signal(&condition)
        pthread_mutex_unlock(&mutex)
        if startThread { spawnThread { [self] in workerLoop() } }
    }

    private func workerLoop() {
        while true {
            pthread_mutex_lock(&mutex)
            idle += 1
            while work.isEmpty { pthread_cond_wait(&condition, &mutex) }
            idle -= 1
            let body = work.removeFirst()
            pthread_mutex_unlock(&mutex)
            body()
        }
    }
}
