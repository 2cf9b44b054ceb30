import Foundation

/// Files a command writes, held in memory until all are ready, then written atomically.
///
/// Each file goes to a hidden temporary name in the output directory first; only when
/// every temporary file is complete are they renamed into place (rename(2) is atomic on
/// one file system). A failure removes the temporaries and leaves existing files untouched.
public struct OutputSet: Sendable {
  public private(set) var files: [(name: String, contents: Data)] = []

  public init() {}

  public mutating func add(_ name: String, text: String) {
    files.append((name, Data(text.utf8)))
  }

  public var names: [String] { files.map(\.name) }

  /// Writes every file into `directory` (created if needed).
  public func write(to directory: URL) throws {
    let manager = FileManager.default
    try manager.createDirectory(at: directory, withIntermediateDirectories: true)
    let token = "\(ProcessInfo.processInfo.processIdentifier)-\(UInt64.random(in: 0...UInt64.max))"
    var temporaries: [(URL, URL)] = []
    do {
      for file in files {
        let target = directory.appendingPathComponent(file.name)
        let temporary = directory.appendingPathComponent(".\(file.name).\(token).tmp")
        try file.contents.write(to: temporary)
        temporaries.append((temporary, target))
      }
      for (temporary, target) in temporaries {
        guard rename(temporary.path, target.path) == 0 else {
          throw OutputError(path: target.path, reason: String(cString: strerror(errno)))
        }
      }
    } catch {
      for (temporary, _) in temporaries { try? manager.removeItem(at: temporary) }
      throw error
    }
  }
}

/// A file could not be written.
public struct OutputError: Error, CustomStringConvertible {
  public let path: String
  public let reason: String

  public var description: String { "cannot write \(path): \(reason)" }
}
