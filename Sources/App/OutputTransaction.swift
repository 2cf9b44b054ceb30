import Foundation
import Report

#if canImport(Glibc)
  import Glibc
#endif

/// Writes an output set as one transaction.
///
/// Every file goes into a hidden sibling folder `.<name>.cosite-<pid>` first; when all are
/// complete, the folder is swapped with `--out` in one step (Linux `renameat2` with
/// `RENAME_EXCHANGE`, atomic on one file system) and the previous set, now in the sibling, is
/// removed. A reader (or a kill at any moment) therefore finds the previous complete set or the
/// new complete set in `--out`, never a mix. SIGINT and SIGTERM wait for a swap in progress,
/// then remove the sibling before the process ends; a sibling left by SIGKILL is removed by the
/// next run into the same directory.
struct OutputTransaction {
  let directory: URL

  init(directory: URL) {
    self.directory = directory.standardizedFileURL
  }

  var staging: URL {
    directory.deletingLastPathComponent().appendingPathComponent(
      ".\(directory.lastPathComponent).cosite-\(getpid())")
  }

  func commit(_ files: [(name: String, contents: Data)]) throws {
    try OutputDestination.check(directory)
    let manager = FileManager.default
    try SignalCleanup.shared.withPending(staging) {
      removeStaleSiblings()
      try attempt("create \(directory.deletingLastPathComponent().path)") {
        try manager.createDirectory(at: directory.deletingLastPathComponent(), withIntermediateDirectories: true)
      }
      try? manager.removeItem(at: staging)
      try attempt("create \(staging.path)") {
        try manager.createDirectory(at: staging, withIntermediateDirectories: false)
      }
      let pause = TestHooks.writePause
      for folder in Set(files.compactMap { $0.name.contains("/") ? $0.name.split(separator: "/")[0] : nil }).sorted() {
        try attempt("create \(folder)") {
          try manager.createDirectory(
            at: staging.appendingPathComponent(String(folder)), withIntermediateDirectories: false)
        }
      }
      for file in files {
        try attempt("write \(file.name)") { try file.contents.write(to: staging.appendingPathComponent(file.name)) }
        if let pause { Thread.sleep(forTimeInterval: pause) }
      }
      let marker = files.map(\.name).sorted().joined(separator: "\n") + "\n"
      try attempt("write \(OutputDestination.markerName)") {
        try Data(marker.utf8).write(to: staging.appendingPathComponent(OutputDestination.markerName))
      }
      try swapIntoPlace()
      try? manager.removeItem(at: staging)
    }
  }

  /// Puts the staging folder at `directory`; afterwards the staging path holds the previous
  /// set (or nothing).
  private func swapIntoPlace() throws {
    if !FileManager.default.fileExists(atPath: directory.path) {
      guard rename(staging.path, directory.path) == 0 else { throw failure("rename") }
      return
    }
    if let exchange = Exchange.function {
      guard exchange(AT_FDCWD, staging.path, AT_FDCWD, directory.path, Exchange.renameExchange) == 0 else {
        throw failure("swap")
      }
      return
    }
    // No atomic exchange (not Linux): the old set steps aside, then the new one steps in.
    let aside = staging.path + "-previous"
    guard rename(directory.path, aside) == 0 else { throw failure("move aside") }
    guard rename(staging.path, directory.path) == 0 else {
      _ = rename(aside, directory.path)
      throw failure("rename")
    }
    _ = rename(aside, staging.path)
  }

  /// Staging folders of runs into the same directory whose process is gone (killed).
  private func removeStaleSiblings() {
    let parent = directory.deletingLastPathComponent()
    let prefix = ".\(directory.lastPathComponent).cosite-"
    guard let entries = try? FileManager.default.contentsOfDirectory(atPath: parent.path) else { return }
    for entry in entries where entry.hasPrefix(prefix) {
      let digits = entry.dropFirst(prefix.count).prefix { $0.isNumber }
      guard let pid = Int32(digits), pid != getpid(), kill(pid, 0) != 0, errno == ESRCH else { continue }
      try? FileManager.default.removeItem(at: parent.appendingPathComponent(entry))
    }
  }

  private func attempt(_ what: String, _ body: () throws -> Void) throws {
    do { try body() } catch let error as OutputError { throw error } catch {
      throw OutputError(path: directory.path, reason: "cannot \(what): \(FileProblem.reason(error))")
    }
  }

  private func failure(_ what: String) -> OutputError {
    OutputError(
      path: directory.path, reason: "cannot \(what) the new outputs into place: \(String(cString: strerror(errno)))")
  }
}

/// `renameat2(…, RENAME_EXCHANGE)`, looked up at run time: Swift's Glibc module does not
/// declare it (it needs `_GNU_SOURCE`), and it exists from glibc 2.28 and Linux 3.15 on.
enum Exchange {
  typealias Function = @convention(c) (Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32) -> Int32
  static let renameExchange: UInt32 = 2  // RENAME_EXCHANGE, <linux/fs.h>

  static let function: Function? = {
    #if os(Linux)
      guard let symbol = dlsym(dlopen(nil, RTLD_NOW), "renameat2") else { return nil }
      return unsafeBitCast(symbol, to: Function.self)
    #else
      return nil
    #endif
  }()
}

/// Settings read from the environment for the kill tests only: a pause after each file written,
/// so that a test can stop the process in the middle of the write phase.
enum TestHooks {
  static var writePause: TimeInterval? {
    guard let text = ProcessInfo.processInfo.environment["COSITE_TEST_WRITE_PAUSE_MS"], let value = Double(text),
      value > 0, value <= 10_000
    else { return nil }
    return value / 1000
  }
}
