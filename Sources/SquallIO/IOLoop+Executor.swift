// Blocking work off the loop (Tornado's `run_in_executor`): the work runs on a
// Dispatch worker thread and the awaiting task resumes on the loop.
import Dispatch

extension IOLoop {
    /// Runs blocking `work` on a background thread and returns its result to the
    /// awaiting (loop-isolated) task. Errors thrown by `work` are rethrown.
    ///
    /// ```swift
    /// let digest = try await IOLoop.current.runInExecutor { try hashLargeFile(path) }
    /// ```
    public func runInExecutor<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global().async {
                continuation.resume(with: Result { try work() })
            }
        }
    }
}
