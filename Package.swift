// swift-tools-version: 6.0
// Cosite: coverage and shared-infrastructure planning for industrial zones.
// Layers (dependencies point down only): cosite → Bench → App → Report → Planning → Coverage → Scenario → Geo →
// CGEOS/CPROJ; beside them Radio (no dependency), Solver → CCBC (thin wrapper over COIN-OR CBC's C API) and
// GeoIO → CGDAL (thin wrapper over GDAL's C API: rasters, GeoPackage, containers).
import Foundation
import PackageDescription

/// The field engine's row loops (Coverage) are vectorised by LLVM: built for x86-64-v3 (AVX2,
/// eight Float32 cells per ymm register) when the machine building it has every x86-64-v3
/// feature, for the x86-64 baseline (four per SSE2 register) or ARM otherwise. Both builds
/// compute the same fields bit for bit (the engine uses no fused multiply-add).
/// `COSITE_TARGET_CPU=generic` forces the baseline, `COSITE_TARGET_CPU=<clang -march name>` a
/// given CPU; SwiftPM re-reads the manifest when it changes.
let coverageFlags: [SwiftSetting] = {
  let requested = ProcessInfo.processInfo.environment["COSITE_TARGET_CPU"] ?? "auto"
  if requested == "generic" { return [] }
  if requested != "auto" { return [.unsafeFlags(["-Xcc", "-march=\(requested)"])] }
  #if arch(x86_64) && os(Linux)
    let x8664v3 = ["avx", "avx2", "bmi1", "bmi2", "f16c", "fma", "abm", "movbe", "xsave"]
    guard let cpuinfo = try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8),
      let flags = cpuinfo.split(separator: "\n").first(where: { $0.hasPrefix("flags") }),
      Set(x8664v3).isSubset(of: Set(flags.split(separator: " ").map(String.init)))
    else { return [] }
    return [.unsafeFlags(["-Xcc", "-march=x86-64-v3"])]
  #else
    return []
  #endif
}()

let package = Package(
  name: "Cosite",
  platforms: [.macOS(.v13)],
  products: [
    .executable(name: "cosite", targets: ["cosite"]),
    .library(name: "Radio", targets: ["Radio"]),
    .library(name: "Geo", targets: ["Geo"]),
    .library(name: "Solver", targets: ["Solver"]),
    .library(name: "Scenario", targets: ["Scenario"]),
    .library(name: "Coverage", targets: ["Coverage"]),
    .library(name: "Planning", targets: ["Planning"]),
    .library(name: "GeoIO", targets: ["GeoIO"]),
    .library(name: "Report", targets: ["Report"]),
    .library(name: "App", targets: ["App"]),
    .library(name: "Bench", targets: ["Bench"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
    .package(url: "https://github.com/jpsim/Yams", exact: "6.2.2"),
  ],
  targets: [
    .systemLibrary(
      name: "CGEOS", pkgConfig: "geos", providers: [.apt(["libgeos-dev"])]),
    .systemLibrary(
      name: "CPROJ", pkgConfig: "proj", providers: [.apt(["libproj-dev", "proj-data"])]),
    .systemLibrary(
      name: "CCBC", pkgConfig: "cbc", providers: [.apt(["coinor-libcbc-dev"])]),
    .systemLibrary(
      name: "CGDAL", pkgConfig: "gdal", providers: [.apt(["libgdal-dev"])]),
    .target(name: "Radio"),
    .target(name: "Geo", dependencies: ["CGEOS", "CPROJ"]),
    .target(name: "Solver", dependencies: ["CCBC"]),
    .target(name: "GeoIO", dependencies: ["CGDAL", "Geo"]),
    .target(name: "Scenario", dependencies: ["Geo", "GeoIO", "Radio", .product(name: "Yams", package: "Yams")]),
    .target(name: "Coverage", dependencies: ["Geo", "Radio", "Scenario"], swiftSettings: coverageFlags),
    .target(name: "Planning", dependencies: ["Coverage", "Geo", "Radio", "Scenario", "Solver"]),
    .target(name: "Report", dependencies: ["Coverage", "Geo", "GeoIO", "Planning", "Radio", "Scenario"]),
    .target(name: "App", dependencies: ["Coverage", "Geo", "GeoIO", "Planning", "Radio", "Report", "Scenario"]),
    .target(name: "Bench", dependencies: ["App", "Coverage", "Geo", "Planning", "Radio", "Report", "Scenario"]),
    .executableTarget(
      name: "cosite",
      dependencies: [
        "App", "Bench", "Coverage", "Planning", "Report", "Scenario", "Geo", "Radio",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]),
    .target(name: "TestSupport", path: "Tests/TestSupport"),
    .testTarget(name: "RadioTests", dependencies: ["Radio", "TestSupport"]),
    .testTarget(name: "GeoTests", dependencies: ["Geo"]),
    .testTarget(name: "GeoIOTests", dependencies: ["GeoIO", "Geo", "TestSupport"]),
    .testTarget(name: "SolverTests", dependencies: ["Solver", "TestSupport"]),
    .testTarget(name: "ScenarioTests", dependencies: ["Scenario", "Geo", "GeoIO", "TestSupport"]),
    .testTarget(name: "CoverageTests", dependencies: ["Coverage", "Scenario", "Geo", "Radio", "TestSupport"]),
    .testTarget(name: "PlanningTests", dependencies: ["Planning", "TestSupport"]),
    .testTarget(
      name: "CositeTests", dependencies: ["cosite", "App", "Coverage", "GeoIO", "Planning", "Report", "Scenario", "Geo", "TestSupport"],
      exclude: ["Fixtures"]),
  ]
)
