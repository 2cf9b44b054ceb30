import Coverage
import Dispatch
import Foundation

/// Independent jobs (output files, map layers) spread over a command's threads, each result
/// in its own slot, so the results and their order never depend on the thread count.
///
/// Workers take jobs one at a time from a shared counter, in `order` (put the costliest first,
/// so that no long job starts last); with one thread every job runs on the calling thread, in
/// that order. When jobs fail, the error of the first failing job by index is thrown.
///
/// ```swift
/// let texts = try ParallelJobs.map(layers.count, threads: threads) { index in
///   try render(layers[index])
/// }
/// ```
enum ParallelJobs {
  /// `body(index)` for every index below `count`, results by index.
  /// - Parameter order: the order jobs are taken in (a permutation of `0..<count`); nil: by index.
  static func map<Result: Sendable>(
    _ count: Int, threads: Int, order: [Int]? = nil, _ body: @Sendable (Int) throws -> Result
  ) throws -> [Result] {
    try run(count, threads: threads, order: order, state: {}) { index, _, _ in try body(index) }
  }

  /// `body(index, &state)` for every index below `count`, results by index; each worker makes
  /// its own `state` (a PROJ transform: one per task, never shared) before its first job.
  static func map<State, Result: Sendable>(
    _ count: Int, threads: Int, order: [Int]? = nil, state makeState: @Sendable () throws -> State,
    _ body: @Sendable (Int, inout State) throws -> Result
  ) throws -> [Result] {
    try run(count, threads: threads, order: order, state: makeState) { index, state, _ in try body(index, &state) }
  }

  /// `body(index, earlier)` for every index below `count`, results by index; a job may wait
  /// for the result of any job taken before it (`earlier.value(of:)`), which is then running
  /// or done on another worker: no job waits for one that has not started.
  static func map<Result: Sendable>(
    _ count: Int, threads: Int, order: [Int]? = nil, _ body: @Sendable (Int, EarlierResults<Result>) throws -> Result
  ) throws -> [Result] {
    try run(count, threads: threads, order: order, state: {}) { index, _, earlier in try body(index, earlier) }
  }

  private static func run<State, Result: Sendable>(
    _ count: Int, threads: Int, order: [Int]?, state makeState: @Sendable () throws -> State,
    _ body: @Sendable (Int, inout State, EarlierResults<Result>) throws -> Result
  ) throws -> [Result] {
    let order = order ?? Array(0..<count)
    precondition(order.sorted() == Array(0..<count), "ParallelJobs.map: order must list every job once")
    var positionOf = [Int](repeating: 0, count: count)
    for (position, index) in order.enumerated() { positionOf[index] = position }
    let positions = positionOf
    let slots = JobSlots<Result>(count: count)
    let counter = WorkCounter()
    @Sendable func work() {
      var state: State?
      var stateError: Error?
      while let position = counter.take(below: count) {
        let index = order[position]
        if state == nil && stateError == nil {
          do { state = try makeState() } catch { stateError = error }
        }
        if let stateError {
          slots.store(.failure(stateError), at: index)
        } else {
          let earlier = EarlierResults(slots: slots, positions: positions, position: position)
          slots.store(Swift.Result { try body(index, &state!, earlier) }, at: index)
        }
      }
    }
    let workers = max(1, min(threads, count))
    if workers == 1 {
      work()
    } else {
      DispatchQueue.concurrentPerform(iterations: workers) { _ in work() }
    }
    return try slots.results()
  }
}

/// The results of the jobs taken before one job, which it may wait for.
struct EarlierResults<Value: Sendable>: Sendable {
  fileprivate let slots: JobSlots<Value>
  fileprivate let positions: [Int]
  fileprivate let position: Int

  /// The result of job `index` (taken before this one), once it is done; its error if it failed.
  func value(of index: Int) throws -> Value {
    precondition(positions[index] < position, "ParallelJobs: a job may wait only for jobs taken before it")
    return try slots.waitForValue(at: index)
  }
}

/// One slot per job, each written once by the worker that ran it.
private final class JobSlots<Value: Sendable>: @unchecked Sendable {
  private let condition = NSCondition()
  private var slots: [Result<Value, Error>?]

  init(count: Int) { slots = Array(repeating: nil, count: count) }

  func store(_ result: Result<Value, Error>, at index: Int) {
    condition.lock()
    defer { condition.unlock() }
    slots[index] = result
    condition.broadcast()
  }

  /// Job `index`'s value, waiting until it is stored.
  func waitForValue(at index: Int) throws -> Value {
    condition.lock()
    defer { condition.unlock() }
    while slots[index] == nil { condition.wait() }
    return try slots[index]!.get()
  }

  /// Every job's value by index, or the first failure's error.
  func results() throws -> [Value] {
    condition.lock()
    defer { condition.unlock() }
    return try slots.map { slot in
      guard let slot else { preconditionFailure("ParallelJobs: a job did not run") }
      return try slot.get()
    }
  }
}
