// swift-tools-version: 6.0
// libFuzzer targets for Cosite's readers (issue #13), in a package of their own so that the
// root package's `swift build` and `swift test` never see them. Build and run with
// scripts/fuzz.sh, which builds:
//   swift build -c release -Xswiftc -sanitize=fuzzer -Xswiftc -parse-as-library \
//     -Xswiftc -enable-testing -Xcc -fsanitize=fuzzer-no-link
// (-enable-testing: the DEM targets reach Scenario's internal readers through @testable;
// -fsanitize=fuzzer-no-link: Yams's C YAML parser is instrumented too.) See README.md.
import PackageDescription

let package = Package(
  name: "CositeFuzz",
  dependencies: [
    // The root package. A path package's identity is its folder's name, which differs between
    // clones: name it, so that the products below find it in any folder.
    .package(name: "Cosite", path: "..")
  ],
  targets: [
    // Declares libFuzzer's LLVMFuzzerRunDriver (compiler-rt links it with -sanitize=fuzzer).
    .target(name: "CLibFuzzer"),
    .executableTarget(
      name: "cosite-fuzz",
      dependencies: [
        "CLibFuzzer",
        .product(name: "Geo", package: "Cosite"),
        .product(name: "Radio", package: "Cosite"),
        .product(name: "Scenario", package: "Cosite"),
      ],
      path: "Sources/CositeFuzz"),
  ]
)
