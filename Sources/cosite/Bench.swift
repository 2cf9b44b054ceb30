import ArgumentParser
import Bench
import Foundation

/// `cosite bench`: measured speed of the hot paths.
struct Benchmark: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "bench", abstract: "Measure the speed of Cosite's hot paths (build with -c release).",
    subcommands: [RadioBench.self])
}

struct RadioBench: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "radio", abstract: "Path loss + 3-D antenna gain evaluations per second, one core and all cores.")

  @Option(help: "Number of evaluations.") var evaluations = 4_000_000

  func run() throws {
    let result = RadioBenchmark.run(evaluations: evaluations)
    print(
      "path loss (TR 38.901 UMa NLOS) + antenna gain (3GPP sector, mechanical tilt): \(result.evaluations) evaluations")
    print(
      String(
        format: "  1 core:   %.3f s  %.1f M evaluations/s", result.singleCoreSeconds, result.singleCorePerSecond / 1e6))
    print(
      String(
        format: "  %d cores:  %.3f s  %.1f M evaluations/s", result.cores, result.allCoresSeconds,
        result.allCoresPerSecond / 1e6))
    print(String(format: "  checksum %.6e", result.checksum))
  }
}
