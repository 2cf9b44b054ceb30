import Foundation
import Scenario

/// Files a command writes, held in memory until all are ready (App writes them as one
/// transaction, so a reader of `--out` sees the previous complete set or the new complete
/// set, never a mix).
public struct OutputSet: Sendable {
  public private(set) var files: [(name: String, contents: Data)] = []

  public init() {}

  public mutating func add(_ name: String, text: String) {
    files.append((name, Data(text.utf8)))
  }

  public mutating func add(_ name: String, bytes: [UInt8]) {
    files.append((name, Data(bytes)))
  }

  public mutating func add(_ name: String, data: Data) {
    files.append((name, data))
  }

  /// Appends every file of `other`, in its order.
  public mutating func add(_ other: OutputSet) {
    files.append(contentsOf: other.files)
  }

  public var names: [String] { files.map(\.name) }

  /// Folders an output may sit in (one level below `--out`).
  public static let folders: Set<String> = ["rasters"]

  /// Every name is one safe path component, or one of `folders` and a safe component, and no
  /// two files share one: nothing can land outside the output directory or overwrite
  /// another output of the same set.
  public func checkNames() throws {
    var seen: Set<String> = []
    for name in names {
      let parts = name.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
      let valid =
        parts.count == 1
        ? SafeName.isValid(name) : parts.count == 2 && Self.folders.contains(parts[0]) && SafeName.isValid(parts[1])
      guard valid else {
        throw OutputError(path: name, reason: "not a plain file name (\(SafeName.rule))")
      }
      guard seen.insert(name).inserted else {
        throw OutputError(path: name, reason: "two outputs of one run have this name")
      }
    }
  }
}

/// A file or directory could not be written, or the output directory cannot take the outputs.
public struct OutputError: PlannerError {
  public let path: String
  public let reason: String

  public init(path: String, reason: String) {
    self.path = path
    self.reason = reason
  }

  public var description: String { "cannot write \(path): \(reason)" }
}
