import Dispatch

/// A pass over a grid's rows in fixed bands, spread over a run's worker threads.
///
/// The bands do not depend on the thread count: band b holds rows [b · 32, (b + 1) · 32), and
/// worker w takes bands w, w + workers, w + 2 · workers, … . A pass writes each cell's own
/// values to that cell, and sums what it counts (histograms) per worker; the caller adds the
/// partial sums in worker order. The counts are integers, so every total equals the
/// single-threaded one whatever the worker count. With one worker the pass runs on the calling
/// thread, and `threads: 1` is really single-threaded.
///
/// ```swift
/// let pass = ParallelRows(rows: grid.rows, threads: threads)
/// var partial = [Int](repeating: 0, count: pass.workers)
/// partial.withUnsafeMutableBufferPointer { buffer in
///   let slots = SharedSlots(buffer)
///   pass.perform { worker in
///     var cells = 0
///     for band in pass.bands(of: worker) { cells += pass.rows(ofBand: band).count * columns }
///     slots[worker] = cells
///   }
/// }
/// let total = partial.reduce(0, +)  // summed in worker order
/// ```
///
/// - Complexity: O(rows / 32) bands; the body's own work per band.
struct ParallelRows: Sendable {
  static let rowsPerBand = 32

  let rows: Int
  /// Workers actually used: at most `threads`, at most one per band, at least one.
  let workers: Int

  init(rows: Int, threads: Int) {
    self.rows = rows
    workers = max(1, min(threads, (rows + Self.rowsPerBand - 1) / Self.rowsPerBand))
  }

  var bandCount: Int { (rows + Self.rowsPerBand - 1) / Self.rowsPerBand }

  /// The rows of band `band`.
  func rows(ofBand band: Int) -> Range<Int> {
    band * Self.rowsPerBand..<min(rows, (band + 1) * Self.rowsPerBand)
  }

  /// The bands worker `worker` takes, in ascending order.
  func bands(of worker: Int) -> StrideTo<Int> { stride(from: worker, to: bandCount, by: workers) }

  /// Calls `body(worker, rows)` once per band, on `workers` threads; returns when all are done.
  func forEachBand(_ body: (_ worker: Int, _ rows: Range<Int>) -> Void) {
    perform { worker in
      for band in bands(of: worker) { body(worker, rows(ofBand: band)) }
    }
  }

  /// Runs `body(worker)` once per worker (which then walks `bands(of: worker)`), concurrently
  /// when there are several workers, else on the calling thread.
  func perform(_ body: (_ worker: Int) -> Void) { Self.perform(workers: workers, body) }

  /// Runs `body(worker)` for each of `workers` workers, concurrently when there are several,
  /// else on the calling thread.
  ///
  /// The workers share what `body` captures: it must write only its own slots (`SharedSlots`).
  static func perform(workers: Int, _ body: (_ worker: Int) -> Void) {
    guard workers > 1 else { return body(0) }
    withoutActuallyEscaping(body) { body in
      let shared = SharedBody(body: body)
      DispatchQueue.concurrentPerform(iterations: workers) { shared.body($0) }
    }
  }
}

/// A worker body handed to every worker (see `ParallelRows.perform`).
private struct SharedBody: @unchecked Sendable {
  let body: (Int) -> Void
}

/// Slots written by index from concurrent workers (per-cell outputs, per-worker partial
/// sums), each slot by one worker only.
struct SharedSlots<Element>: @unchecked Sendable {
  let buffer: UnsafeMutableBufferPointer<Element>

  init(_ buffer: UnsafeMutableBufferPointer<Element>) { self.buffer = buffer }

  @inline(__always) subscript(index: Int) -> Element {
    get { buffer[index] }
    nonmutating set { buffer[index] = newValue }
  }
}

extension Array where Element: BitwiseCopyable {
  /// `count` elements, every one of which `body` writes (concurrent workers through the slots,
  /// each element by one). Nothing fills the array first: a grid-sized fill would be a pass of
  /// its own on the calling thread, touching every page before the workers do.
  init(count: Int, writingEvery body: (SharedSlots<Element>) -> Void) {
    self.init(unsafeUninitializedCapacity: count) { buffer, initialized in
      body(SharedSlots(buffer))
      initialized = count
    }
  }
}
