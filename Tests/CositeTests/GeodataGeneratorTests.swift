import Foundation
import Testing

/// The committed sample data is exactly what the seeded generator makes (geodata/README.md).
@Suite struct GeodataGeneratorTests {
  @Test func generatorReproducesCommittedFilesByteForByte() throws {
    let out = CLI.temporaryDirectory()
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = [
      "python3", CLI.repositoryRoot.appendingPathComponent("scripts/geodata/generate.py").path, "--out", out.path,
    ]
    try process.run()
    process.waitUntilExit()
    #expect(process.terminationStatus == 0)
    let generated = out.appendingPathComponent("geodata")
    let provinces = try FileManager.default.contentsOfDirectory(atPath: generated.path).sorted()
    #expect(!provinces.isEmpty)
    for province in provinces {
      let folder = generated.appendingPathComponent(province)
      for name in try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() {
        let committed = CLI.repositoryRoot.appendingPathComponent("geodata/\(province)/\(name)")
        let fresh = try Data(contentsOf: folder.appendingPathComponent(name))
        #expect((try? Data(contentsOf: committed)) == fresh, "geodata/\(province)/\(name) differs from the generator's")
      }
    }
  }
}
