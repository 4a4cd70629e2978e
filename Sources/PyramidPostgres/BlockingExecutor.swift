import Dispatch

/// Runs PostgresNIO's async calls to completion for the synchronous store API (the one `Store` has), on a queue of
/// its own: the task waited for never needs a thread of Swift's shared pool, so a caller that blocks one of those
/// threads (a test) cannot starve it.
final class BlockingExecutor: TaskExecutor, @unchecked Sendable {
    private let queue: DispatchQueue

    init(label: String) {
        queue = DispatchQueue(label: label)
    }

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        let executor = asUnownedTaskExecutor()
        queue.async { job.runSynchronously(on: executor) }
    }

    /// `body`'s result, waited for on the calling thread (never this executor's queue).
    func run<T: Sendable>(_ body: @escaping @Sendable () async throws -> T) throws -> T {
        let done = DispatchSemaphore(value: 0)
        let outcome = Outcome<T>()
        Task(executorPreference: self) {
            do {
                outcome.result = .success(try await body())
            } catch {
                outcome.result = .failure(error)
            }
            done.signal()
        }
        done.wait()
        guard let result = outcome.result else { preconditionFailure("the task signalled without a result") }
        return try result.get()
    }

    /// Written by the task before it signals, read by the waiting thread after: the semaphore orders the two.
    private final class Outcome<T>: @unchecked Sendable {
        var result: Result<T, any Error>?
    }
}
