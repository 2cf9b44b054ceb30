import Dispatch
import Foundation

/// Removes an output transaction's staging folder when the process is interrupted.
///
/// SIGINT and SIGTERM are delivered to a dispatch source (not an async-signal handler), so the
/// cleanup may use the file system freely. It takes the same lock as the transaction: a swap in
/// progress finishes first, so `--out` holds a complete set, and then the staging folder (new
/// files not yet swapped in, or the previous set swapped out) is removed before the exit.
///
/// The command line installs it when it starts (`installForCommandLine`), so that a signal at
/// any moment ends the process the same way, whatever dispositions a parent left it; a library
/// user's process keeps its own signal handling (a staging folder left by a signal is then
/// removed by the next run into the same directory).
public final class SignalCleanup: @unchecked Sendable {
  static let shared = SignalCleanup()

  /// Routes SIGINT and SIGTERM through the cleanup for the rest of the process.
  public static func installForCommandLine() { shared.install() }

  private let lock = NSLock()
  private var pending: URL?
  private var sources: [DispatchSourceSignal] = []
  private var isInstalled = false

  /// Routes SIGINT and SIGTERM through the cleanup; idempotent.
  func install() {
    lock.lock()
    defer { lock.unlock() }
    guard !isInstalled else { return }
    isInstalled = true
    for signalNumber in [SIGINT, SIGTERM] {
      signal(signalNumber, SIG_IGN)
      let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: .global())
      source.setEventHandler { [unowned self] in self.terminate(signalNumber) }
      source.resume()
      sources.append(source)
    }
  }

  /// Runs `body` with `staging` to be removed should a signal arrive meanwhile.
  func withPending(_ staging: URL, _ body: () throws -> Void) throws {
    lock.lock()
    pending = staging
    defer {
      pending = nil
      lock.unlock()
    }
    try body()
  }

  private func terminate(_ signalNumber: Int32) {
    lock.lock()
    if let pending { try? FileManager.default.removeItem(at: pending) }
    // 128 + n, as a shell reports a process ended by signal n.
    exit(128 + signalNumber)
  }
}
