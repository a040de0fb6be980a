// Blocking work off the loop (Tornado's `run_in_executor`): the work runs on one
// of the BlockingExecutor's threads and the awaiting task resumes on the loop.

extension IOLoop {
    /// Runs blocking `work` on a background thread (a pool of up to 32) and returns
    /// its result to the awaiting (loop-isolated) task. Errors thrown by `work` are
    /// rethrown.
    ///
    /// ```swift
    /// let digest = try await IOLoop.current.runInExecutor { try hashLargeFile(path) }
    /// ```
    public func runInExecutor<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            BlockingExecutor.shared.submit {
                continuation.resume(with: Result { try work() })
            }
        }
    }
}
