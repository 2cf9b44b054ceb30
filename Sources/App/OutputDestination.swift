import Foundation
import Report

/// Checks that a `--out` directory can take a command's outputs, before any computation.
///
/// The directory may be missing (it is created), empty, or one that Cosite wrote before
/// (it holds the marker file `.cosite-output`): the whole directory is replaced by the new
/// set, so it must hold nothing else a planner would lose.
public enum OutputDestination {
  /// The marker file a Cosite output directory holds; it lists the files of the set.
  public static let markerName = ".cosite-output"

  /// - Throws: `OutputError` naming the directory and what is wrong with it.
  public static func check(_ directory: URL) throws {
    let path = directory.standardizedFileURL.path
    let manager = FileManager.default
    func refuse(_ reason: String) -> OutputError { OutputError(path: path, reason: reason) }
    guard path != "/" else { throw refuse("the root directory cannot be an output directory") }
    let current = URL(fileURLWithPath: manager.currentDirectoryPath).standardizedFileURL.path
    if current == path || current.hasPrefix(path + "/") {
      throw refuse("it is the current directory or holds it: choose a new directory for the outputs")
    }
    var isDirectory: ObjCBool = false
    if manager.fileExists(atPath: path, isDirectory: &isDirectory) {
      guard isDirectory.boolValue else {
        throw refuse("it is a file: expected a directory (new or from an earlier run)")
      }
      let entries: [String]
      do { entries = try manager.contentsOfDirectory(atPath: path) } catch {
        throw refuse("cannot list it (\(FileProblem.reason(error)))")
      }
      guard entries.isEmpty || entries.contains(markerName) else {
        throw refuse(
          "it holds files that Cosite did not write (no \(markerName)): choose a new or empty directory, since a run replaces the whole directory"
        )
      }
    }
    let parent = try existingAncestor(of: URL(fileURLWithPath: path).deletingLastPathComponent().path, refuse)
    guard manager.isWritableFile(atPath: parent) else { throw refuse("\(parent) is not writable") }
  }

  /// Refuses a `--out` that is or holds one of the command's inputs (a drive test written by
  /// `cosite synthesize` sits in a directory with the marker: replacing it would delete the log).
  public static func check(_ directory: URL, holdsNone inputs: [String]) throws {
    let path = directory.standardizedFileURL.resolvingSymlinksInPath().path
    for input in inputs {
      let inputPath = URL(fileURLWithPath: input).standardizedFileURL.resolvingSymlinksInPath().path
      if inputPath == path || inputPath.hasPrefix(path + "/") {
        throw OutputError(
          path: directory.standardizedFileURL.path, reason: "it holds the input \(input): choose another directory")
      }
    }
    try check(directory)
  }

  /// The nearest directory above `path` that exists (the rest is created by the transaction).
  private static func existingAncestor(of path: String, _ refuse: (String) -> OutputError) throws -> String {
    var candidate = path
    var isDirectory: ObjCBool = false
    while !FileManager.default.fileExists(atPath: candidate, isDirectory: &isDirectory) {
      candidate = (candidate as NSString).deletingLastPathComponent
    }
    guard isDirectory.boolValue else { throw refuse("\(candidate) is a file, not a directory") }
    return candidate
  }
}

/// A short reason for a failed file operation, without Foundation's long wording.
enum FileProblem {
  static func reason(_ error: Error) -> String {
    let nsError = error as NSError
    if let underlying = nsError.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain {
      return String(cString: strerror(Int32(underlying.code)))
    }
    if nsError.domain == NSPOSIXErrorDomain { return String(cString: strerror(Int32(nsError.code))) }
    return nsError.localizedDescription
  }
}
