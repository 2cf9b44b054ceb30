internal import CGDAL
import Foundation

/// A private directory under GDAL's in-memory file system (`/vsimem/`, GDAL docs "GDAL Virtual
/// File Systems"), unique per call and removed with everything in it when the call ends, so no
/// call sees another's files and nothing outlives the call (drivers' temporary files and SQLite
/// journals included).
struct VSIMemDirectory {
  let path: String

  private static let counter = Counter()

  /// Runs `body` with a new directory, removed afterwards (`VSIRmdirRecursive`) whether `body`
  /// returns or throws. Datasets opened in `body` must be closed by then: they are, being local
  /// to `body` (the closure returns before the removal).
  static func withDirectory<T>(_ body: (VSIMemDirectory) throws -> T) rethrows -> T {
    let directory = VSIMemDirectory(path: "/vsimem/cosite-geoio-\(counter.next())")
    VSIMkdir(directory.path, 0o755)
    defer { VSIRmdirRecursive(directory.path) }
    return try body(directory)
  }

  /// The path of `name` inside the directory.
  func file(_ name: String) -> String { "\(path)/\(name)" }

  /// Creates `name` holding a copy of `data`; the buffer then belongs to GDAL
  /// (`VSIFileFromMemBuffer` with ownership) and is freed when the file is unlinked.
  func write(_ data: Data, to name: String) throws -> String {
    let filePath = file(name)
    guard let buffer = VSIMalloc(max(data.count, 1)) else {
      throw GeoIOError("could not allocate \(data.count) bytes for \(filePath)")
    }
    data.withUnsafeBytes { bytes in
      if let base = bytes.baseAddress { buffer.copyMemory(from: base, byteCount: data.count) }
    }
    let bytes = buffer.assumingMemoryBound(to: GByte.self)
    guard let handle = VSIFileFromMemBuffer(filePath, bytes, vsi_l_offset(data.count), 1) else {
      VSIFree(buffer)
      throw GeoIOError("could not create \(filePath)")
    }
    VSIFCloseL(handle)
    return filePath
  }

  /// A copy of the bytes of `filePath` (a file in this directory), read with `VSIGetMemFileBuffer`.
  func read(_ filePath: String) throws -> Data {
    var length: vsi_l_offset = 0
    guard let buffer = VSIGetMemFileBuffer(filePath, &length, 0) else {
      throw GeoIOError("GDAL wrote no file at \(filePath)")
    }
    return Data(bytes: buffer, count: Int(length))
  }

  /// Whether a file exists at `filePath` (it can be opened for reading).
  func exists(_ filePath: String) -> Bool {
    guard let handle = VSIFOpenL(filePath, "rb") else { return false }
    VSIFCloseL(handle)
    return true
  }
}

/// A process-wide counter for unique names.
private final class Counter: @unchecked Sendable {
  private let lock = NSLock()
  private var value = 0

  func next() -> Int {
    lock.lock()
    defer { lock.unlock() }
    value += 1
    return value
  }
}
