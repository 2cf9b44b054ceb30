import CLibFuzzer
import Foundation

// One libFuzzer executable for every target, so that it is built once. The target is the
// first argument or the environment variable COSITE_FUZZ_TARGET:
//
//   cosite-fuzz geojson -max_total_time=60 WORK_CORPUS Fuzz/corpus/geojson
//   COSITE_FUZZ_TARGET=geojson cosite-fuzz -runs=1000000 WORK_CORPUS
//
// Thrown errors are the readers' normal answer to bad input and are ignored; a trap, a
// crash, a failed round-trip check (`fuzzCheck`), a hang (-timeout) or memory beyond
// -rss_limit_mb / -malloc_limit_mb is what libFuzzer reports.

/// A fuzz target: one reader (or the whole scenario load) fed the fuzzer's bytes.
struct FuzzTarget: Sendable {
  let name: String
  /// What it covers, for `cosite-fuzz -help=1` and the README.
  let covers: String
  /// The -max_len given to libFuzzer unless the command line has one (bytes).
  let maxLength: Int
  /// The dictionary in Fuzz/dictionaries given as -dict unless the command line has one.
  let dictionary: String
  /// Runs once before the first input (fixtures, engines).
  let setUp: @Sendable () -> Void
  let run: @Sendable (UnsafeRawBufferPointer) -> Void
}

enum Targets {
  static let all: [FuzzTarget] = ReaderTargets.all + ScenarioTargets.all

  static func named(_ name: String) -> FuzzTarget? { all.first { $0.name == name } }
}

nonisolated(unsafe) private var selected: FuzzTarget?

/// libFuzzer calls this once, before it reads its own flags: takes the target name from
/// argv[1] (and removes it, so libFuzzer does not take it for a corpus folder) or from
/// COSITE_FUZZ_TARGET, and sets the target up.
@_cdecl("LLVMFuzzerInitialize")
public func fuzzInitialize(
  _ argc: UnsafeMutablePointer<CInt>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>
) -> CInt {
  var name = ProcessInfo.processInfo.environment["COSITE_FUZZ_TARGET"]
  if argc.pointee > 1, let arguments = argv.pointee, let first = arguments[1].map({ String(cString: $0) }),
    Targets.named(first) != nil
  {
    name = first
    // Children that libFuzzer starts (-fork, -jobs, -merge) get the target from the environment.
    setenv("COSITE_FUZZ_TARGET", first, 1)
    for index in 1..<Int(argc.pointee) { arguments[index] = arguments[index + 1] }
    argc.pointee -= 1
  }
  guard let name, let target = Targets.named(name) else {
    let list = Targets.all.map { "  \($0.name.padding(toLength: 20, withPad: " ", startingAt: 0)) \($0.covers)" }
    FileHandle.standardError.write(
      Data(
        ("usage: cosite-fuzz TARGET [libFuzzer flags] [corpus folders]  (or COSITE_FUZZ_TARGET=TARGET)\n"
          + (name.map { "unknown target '\($0)'\n" } ?? "") + "targets:\n" + list.joined(separator: "\n") + "\n")
          .utf8))
    exit(2)
  }
  addDefaults(for: target, argc, argv)
  target.setUp()
  selected = target
  return 0
}

/// Appends the target's -max_len and -dict unless the command line gives them.
private func addDefaults(
  for target: FuzzTarget, _ argc: UnsafeMutablePointer<CInt>,
  _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>
) {
  guard let old = argv.pointee else { return }
  var arguments = (0..<Int(argc.pointee)).compactMap { old[$0].map { String(cString: $0) } }
  if !arguments.contains(where: { $0.hasPrefix("-max_len=") }) { arguments.append("-max_len=\(target.maxLength)") }
  let dictionary = Repository.root.appendingPathComponent("Fuzz/dictionaries/\(target.dictionary).dict").path
  if !arguments.contains(where: { $0.hasPrefix("-dict=") }), FileManager.default.fileExists(atPath: dictionary) {
    arguments.append("-dict=\(dictionary)")
  }
  // libFuzzer reads its flags from *argv after this call; the new array lives as long as the process.
  let new = UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>.allocate(capacity: arguments.count + 1)
  for (index, argument) in arguments.enumerated() { new[index] = strdup(argument) }
  new[arguments.count] = nil
  argv.pointee = new
  argc.pointee = CInt(arguments.count)
}

enum Repository {
  /// The repository: COSITE_FUZZ_ROOT, or the folder above this package (as compiled).
  static var root: URL {
    if let root = ProcessInfo.processInfo.environment["COSITE_FUZZ_ROOT"] { return URL(fileURLWithPath: root) }
    return URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent().deletingLastPathComponent()
  }
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTestOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
  guard let target = selected else { return 0 }
  target.run(UnsafeRawBufferPointer(start: data, count: size))
  return 0
}

/// The program's entry point when SwiftPM renames `main` (it does for an executable built
/// with -enable-testing, so that tests could link it): hand over to libFuzzer's driver. A build
/// without -enable-testing uses libFuzzer's own `main`, which calls the same functions.
@_cdecl("cosite_fuzz_main")
public func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
  var count = argc
  var arguments = argv
  return LLVMFuzzerRunDriver(&count, &arguments, fuzzTestOneInput)
}

/// A property every input must keep (a round trip, an invariant). A failure aborts, which
/// libFuzzer reports as a crash with this message above the stack.
func fuzzCheck(_ condition: @autoclosure () -> Bool, _ message: @autoclosure () -> String) {
  guard !condition() else { return }
  FileHandle.standardError.write(Data("cosite-fuzz check failed: \(message())\n".utf8))
  abort()
}

extension UnsafeRawBufferPointer {
  /// The bytes as text, invalid UTF-8 repaired (as the readers receive text from files).
  var text: String { String(decoding: self, as: UTF8.self) }
}
