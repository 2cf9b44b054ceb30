import Foundation
import GeoIO
import Testing

/// Byte identity across processes: this test binary runs itself again (a fresh process, so fresh
/// GDAL state, allocator, clock and hash seeds), the child writes the outputs, and they must
/// equal this process's. Catches timestamps, pointer values and uninitialised bytes that two calls
/// in one process can share.
@Suite struct CrossProcessTests {
  static let childVariable = "COSITE_GEOIO_CHILD_OUTPUT"

  static func outputs() throws -> [String: Data] {
    let (layers, styles) = try Fixtures.layers()
    return [
      "small.tif": try GeoIO.cloudOptimizedGeoTIFF(Fixtures.smallFloat),
      "checkerboard.tif": try GeoIO.cloudOptimizedGeoTIFF(Fixtures.checkerboard),
      "layers.gpkg": try GeoIO.geoPackage(layers, styles: styles),
      "maps.kmz": try GeoIO.zip(ZipTests.entries),
    ]
  }

  /// In the child only: writes the outputs to the directory the parent named.
  @Test func childWritesOutputs() throws {
    guard let directory = ProcessInfo.processInfo.environment[Self.childVariable] else { return }
    for (name, data) in try Self.outputs() {
      try data.write(to: URL(fileURLWithPath: directory).appendingPathComponent(name))
    }
  }

  @Test func outputsAreByteIdenticalInAnotherProcess() throws {
    guard ProcessInfo.processInfo.environment[Self.childVariable] == nil else { return }
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    var environment = ProcessInfo.processInfo.environment
    environment[Self.childVariable] = directory.url.path
    let executable = try FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")
    let child = try run(
      executable, ["--testing-library", "swift-testing", "--filter", "CrossProcessTests/childWritesOutputs"],
      environment: environment)
    #expect(child.status == 0, "\(child.standardOutput)\n\(child.standardError)")
    // A clock-second later than the child's outputs, so a timestamp in seconds would differ.
    Thread.sleep(forTimeInterval: 1.1)
    for (name, data) in try Self.outputs() {
      let childData = try Data(contentsOf: URL(fileURLWithPath: directory.path(name)))
      #expect(childData == data, "\(name) differs between processes")
    }
  }
}
