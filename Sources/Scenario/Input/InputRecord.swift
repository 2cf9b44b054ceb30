import Foundation

/// The bytes of every input file a scenario's load read, digested in the order read, for
/// `ScenarioModel.digest`: hashing the files is fast where walking a million parsed sectors
/// is not. Inputs read another way — vector files through GDAL, tables from PostGIS — make
/// the record incomplete, and the digest then walks the parsed model instead.
final class InputRecord: @unchecked Sendable {
  private let lock = NSLock()
  private var digest = ModelDigest()
  private var isComplete = true

  /// Bytes in the order read (the scenario file first, which names the others); the path
  /// is left out, so a copy of the scenario's folder elsewhere has the same digest.
  func add(_ data: Data) {
    lock.withLock {
      data.withUnsafeBytes { digest.add(Array($0.bindMemory(to: UInt8.self))) }
    }
  }

  /// An input read other than as a file's bytes (GDAL, a database).
  func addUnrecorded() { lock.withLock { isComplete = false } }

  /// The files' digest, or nil when some input was not a file read whole.
  var value: String? { lock.withLock { isComplete ? String(digest.value, radix: 16) : nil } }
}
