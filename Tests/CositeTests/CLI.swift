import Foundation

/// Runs the built `cosite` executable as a planner would, capturing its output.
enum CLI {
  struct Result {
    let status: Int32
    let standardOutput: String
    let standardError: String
  }

  /// The repository root, from this file's path.
  static let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent()

  static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

  /// The executable sits next to the test bundle in the build products directory.
  static var executable: URL {
    let candidates = [Bundle.main.bundleURL] + Bundle.allBundles.map { $0.bundleURL.deletingLastPathComponent() }
    for directory in candidates {
      let url = directory.appendingPathComponent("cosite")
      if FileManager.default.isExecutableFile(atPath: url.path) { return url }
    }
    return repositoryRoot.appendingPathComponent(".build/debug/cosite")
  }

  /// - Parameter environment: variables set for the command; a job array's index variables
  ///   are never inherited from the test's own environment.
  static func run(
    _ arguments: [String], in directory: URL = repositoryRoot, environment: [String: String] = [:]
  ) throws -> Result {
    let process = Process()
    process.executableURL = executable
    process.arguments = arguments
    var inherited = ProcessInfo.processInfo.environment
    inherited["SLURM_ARRAY_TASK_ID"] = nil
    inherited["JOB_COMPLETION_INDEX"] = nil
    process.environment = inherited.merging(environment) { _, new in new }
    process.currentDirectoryURL = directory
    let output = Pipe()
    let error = Pipe()
    process.standardOutput = output
    process.standardError = error
    try process.run()
    // Standard error is read on another thread: read one after the other, a command writing
    // more than a pipe holds (64 KiB) to the second would wait for ever.
    let errorData = LockedData()
    let reader = Thread { errorData.set(error.fileHandleForReading.readDataToEndOfFile()) }
    reader.start()
    let outputData = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    let errorBytes = errorData.wait()
    return Result(
      status: process.terminationStatus, standardOutput: String(decoding: outputData, as: UTF8.self),
      standardError: String(decoding: errorBytes, as: UTF8.self))
  }

  static func temporaryDirectory() -> URL {
    FileManager.default.temporaryDirectory.appendingPathComponent("cosite-e2e-\(UUID().uuidString)")
  }
}

/// Bytes handed from one thread to another.
final class LockedData: @unchecked Sendable {
  private let done = DispatchSemaphore(value: 0)
  private var data = Data()

  func set(_ value: Data) {
    data = value
    done.signal()
  }

  func wait() -> Data {
    done.wait()
    return data
  }
}
