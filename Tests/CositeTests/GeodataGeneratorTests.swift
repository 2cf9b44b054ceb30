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
    let folders = [
      "geodata/antennas", "geodata/hai-phong", "geodata/quang-ninh", "geodata/phu-tho", "geodata/calibration-3gpp-uma",
      "scenarios",
    ]
    for folder in folders {
      let generated = out.appendingPathComponent(folder)
      let names = try FileManager.default.contentsOfDirectory(atPath: generated.path).sorted()
      let committedNames = try FileManager.default.contentsOfDirectory(
        atPath: CLI.repositoryRoot.appendingPathComponent(folder).path
      ).sorted()
      #expect(names == committedNames, "\(folder): the generator makes other files than are committed")
      for name in names {
        let committed = CLI.repositoryRoot.appendingPathComponent("\(folder)/\(name)")
        let fresh = try Data(contentsOf: generated.appendingPathComponent(name))
        #expect((try? Data(contentsOf: committed)) == fresh, "\(folder)/\(name) differs from the generator's")
      }
    }
  }
}
