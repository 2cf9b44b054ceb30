import Testing

@testable import Solver

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// CBC and Clp print to stdout unless told not to; the CLI's stdout carries its results.
@Suite struct SilenceTests {
  /// Every kind of solve, with file descriptor 1 pointed at a temporary file: nothing of
  /// CBC's arrives.
  @Test func solvesWriteNothingToStandardOutput() throws {
    let knapsack = Fixtures.binaryProgram(
      .maximize, objective: [10, 13, 7, 8], rows: [([4, 6, 3, 5], -.infinity, 10)])
    let hard = Fixtures.hardKnapsack(items: 300, dimensions: 30, seed: 7)
    var unbounded = LinearProgram(sense: .maximize)
    unbounded.addColumn(objective: 1)
    let infeasible = Fixtures.binaryProgram(.minimize, objective: [1, 1], rows: [([1, 1], 3, .infinity)])
    let written = try capturingStandardOutput {
      _ = try MILP.solve(knapsack, options: SolveOptions(timeLimitSeconds: 10))
      _ = try MILP.relaxation(knapsack)
      _ = try MILP.solve(infeasible, options: SolveOptions(timeLimitSeconds: 10))
      _ = try MILP.relaxation(infeasible)
      _ = try MILP.solve(
        hard, options: SolveOptions(timeLimitSeconds: 0.05, start: Array(repeating: 0, count: 300), relativeGap: 0.5))
      _ = try? MILP.relaxation(unbounded)
      unbounded.isInteger = [true]
      _ = try? MILP.solve(unbounded, options: SolveOptions(timeLimitSeconds: 10))
    }
    // swift-testing reports other tests' progress on stdout meanwhile, each line led by a
    // symbol (✔, ✘, ◇, ↳); CBC's and Clp's lines are plain ASCII.
    let foreign = written.split(separator: "\n").filter { $0.unicodeScalars.first?.isASCII ?? false }
    #expect(foreign.isEmpty, "\(foreign)")
  }

  /// Runs `body` with stdout redirected to a temporary file; returns what was written.
  private func capturingStandardOutput(_ body: () throws -> Void) throws -> String {
    var template = Array("/tmp/cosite-solver-stdout-XXXXXX".utf8CString)
    let file = mkstemp(&template)
    #expect(file >= 0)
    let path = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    defer {
      close(file)
      unlink(path)
    }
    fflush(nil)
    let saved = dup(1)
    dup2(file, 1)
    do {
      defer {
        fflush(nil)
        dup2(saved, 1)
        close(saved)
      }
      try body()
    }
    let size = Int(lseek(file, 0, SEEK_END))
    guard size > 0 else { return "" }
    var bytes = [UInt8](repeating: 0, count: size)
    _ = pread(file, &bytes, size, 0)
    return String(decoding: bytes, as: UTF8.self)
  }
}
