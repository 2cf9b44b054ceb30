import Foundation
import Geo
import GeoIO
import Testing

/// A fresh directory under the system's temporary directory, removed by `remove()`.
struct TemporaryDirectory {
  let url: URL

  init() throws {
    url = FileManager.default.temporaryDirectory.appendingPathComponent("cosite-geoio-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
  }

  func path(_ name: String) -> String { url.appendingPathComponent(name).path }

  func write(_ data: Data, _ name: String) throws -> String {
    let filePath = path(name)
    try data.write(to: URL(fileURLWithPath: filePath))
    return filePath
  }

  func remove() { try? FileManager.default.removeItem(at: url) }
}

/// What an external program printed and returned.
struct ProgramOutput {
  var status: Int32
  var standardOutput: String
  var standardError: String
}

/// Runs a program to completion (independent checkers: python3's zipfile, sqlite3, gdalinfo),
/// its output collected in temporary files so that neither pipe can fill and block it.
func run(_ executable: String, _ arguments: [String], environment: [String: String]? = nil) throws -> ProgramOutput {
  let directory = try TemporaryDirectory()
  defer { directory.remove() }
  let outputPath = directory.path("stdout")
  let errorPath = directory.path("stderr")
  _ = FileManager.default.createFile(atPath: outputPath, contents: nil)
  _ = FileManager.default.createFile(atPath: errorPath, contents: nil)
  let output = try FileHandle(forWritingTo: URL(fileURLWithPath: outputPath))
  let error = try FileHandle(forWritingTo: URL(fileURLWithPath: errorPath))
  let process = Process()
  process.executableURL = URL(fileURLWithPath: executable)
  process.arguments = arguments
  if let environment { process.environment = environment }
  process.standardOutput = output
  process.standardError = error
  try process.run()
  process.waitUntilExit()
  try output.close()
  try error.close()
  return ProgramOutput(
    status: process.terminationStatus,
    standardOutput: String(decoding: try Data(contentsOf: URL(fileURLWithPath: outputPath)), as: UTF8.self),
    standardError: String(decoding: try Data(contentsOf: URL(fileURLWithPath: errorPath)), as: UTF8.self))
}

func isInstalled(_ executable: String) -> Bool { FileManager.default.isExecutableFile(atPath: executable) }

/// Whether `needle` occurs in `data` (for text GDAL stores uncompressed, e.g. TIFF tags).
func contains(_ data: Data, _ needle: String) -> Bool {
  data.range(of: Data(needle.utf8)) != nil
}

/// The first byte offset of `needle` in `data`.
func offset(of needle: String, in data: Data) -> Int? {
  data.range(of: Data(needle.utf8)).map { $0.lowerBound - data.startIndex }
}

/// |a − b| ≤ tolerance.
func isClose(_ a: Double?, _ b: Double, tolerance: Double = 1e-12) -> Bool {
  guard let a else { return false }
  return abs(a - b) <= tolerance
}
