import Dispatch

/// Independent items computed on several threads: worker w takes items w, w + workers,
/// w + 2·workers, … and writes each result to the item's own slot, so the results and their
/// order do not depend on the thread count. With one worker it runs on the calling thread.
enum StridedWork {
  /// `body(index, state)` for every index below `count`, on up to `threads` workers, each
  /// with its own `state()` (a cache, a GEOS context: what must not be shared).
  static func map<State, Result>(
    _ count: Int, threads: Int, state makeState: @escaping () -> State, _ body: @escaping (Int, State) -> Result
  ) -> [Result] {
    let workers = max(1, min(threads, count))
    var results = [Result?](repeating: nil, count: count)
    results.withUnsafeMutableBufferPointer { buffer in
      let slots = ResultSlots(buffer: buffer)
      let work = { (worker: Int) in
        let state = makeState()
        for index in stride(from: worker, to: count, by: workers) { slots.buffer[index] = body(index, state) }
      }
      if workers == 1 {
        work(0)
      } else {
        withoutActuallyEscaping(work) { work in
          let shared = WorkerBody(body: work)
          DispatchQueue.concurrentPerform(iterations: workers) { shared.body($0) }
        }
      }
    }
    return results.map { $0! }
  }
}

/// One result slot per item, each written by exactly one worker.
private struct ResultSlots<Result>: @unchecked Sendable {
  let buffer: UnsafeMutableBufferPointer<Result?>
}

/// The per-worker body, shared by the workers (each writes only its own slots).
private struct WorkerBody: @unchecked Sendable {
  let body: (Int) -> Void
}
