import Foundation

/// Hands out the indices 0, 1, 2, … one at a time to whichever worker asks next: for jobs of
/// unequal cost (tiles, output files) whose results go to their own slots, so the results do
/// not depend on which worker took which job.
///
/// ```swift
/// let next = WorkCounter()
/// DispatchQueue.concurrentPerform(iterations: workers) { _ in
///   while let job = next.take(below: jobs.count) { results[job] = run(jobs[job]) }
/// }
/// ```
public final class WorkCounter: @unchecked Sendable {
  private let lock = NSLock()
  private var taken = 0

  public init() {}

  /// The next index, or nil once `count` have been taken.
  public func take(below count: Int) -> Int? {
    lock.lock()
    defer { lock.unlock() }
    guard taken < count else { return nil }
    taken += 1
    return taken - 1
  }
}
