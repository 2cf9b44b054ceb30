import Foundation
import Testing

/// Issue #22's acceptance on a real Slurm: `scripts/slurm/smoke.sh` starts a single-node
/// cluster on localhost (slurmctld, slurmd, munged, configured by
/// `scripts/slurm/local-cluster.sh`), submits hai-phong in 5 km tiles (6 tiles) as a job array
/// with the `afterok` merge, and compares the merged outputs with `cosite run`'s byte for byte;
/// then it deletes the largest tile's results, resubmits it and cancels it while it runs (the
/// merge must not run), resubmits it again and compares once more; last, a recommendation
/// for one carrier planned on the array (`submit.sh --final recommend`) against `cosite
/// recommend`'s files.
@Suite struct SlurmTests {
  static let binaries = ["/usr/sbin/slurmctld", "/usr/sbin/slurmd", "/usr/sbin/munged", "/usr/bin/sbatch"]
  /// slurmd starts each job as its user, and the daemons write under /var/lib: root only.
  static let enabled =
    binaries.allSatisfy { FileManager.default.isExecutableFile(atPath: $0) } && getuid() == 0
  static let skipReason =
    "Slurm not available: needs slurm-wlm and munge (scripts/setup.sh installs them) and root to start slurmd"

  @Test(.enabled(if: enabled, "\(skipReason)"), .timeLimit(.minutes(10)))
  func arrayOfTilesMergesToTheSingleRunAndSurvivesAKilledTask() throws {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/bash")
    process.arguments = [
      CLI.repositoryRoot.appendingPathComponent("scripts/slurm/smoke.sh").path,
      "--cosite", CLI.executable.path,
      "--scenario", CLI.repositoryRoot.appendingPathComponent("scenarios/hai-phong.yaml").path,
      "--tile-km", "5", "--recommend-carrier", "vnpt",
    ]
    var environment = ProcessInfo.processInfo.environment
    environment["SLURM_ARRAY_TASK_ID"] = nil
    environment["JOB_COMPLETION_INDEX"] = nil
    process.environment = environment
    let log = CLI.temporaryDirectory().appendingPathExtension("log")
    FileManager.default.createFile(atPath: log.path, contents: nil)
    let handle = try FileHandle(forWritingTo: log)
    process.standardOutput = handle
    process.standardError = handle
    try process.run()
    process.waitUntilExit()
    try handle.close()
    let text = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
    #expect(process.terminationStatus == 0, "smoke.sh exited \(process.terminationStatus):\n\(text)")
    // Each step says so when it passed.
    for step in [
      "smoke: array ok", "the merged outputs equal cosite run's byte for byte",
      "killed while it ran; the merge did not run",
      "resubmitted; the merged outputs equal cosite run's",
      "its outputs equal cosite recommend's byte for byte",
    ] {
      #expect(text.contains(step), "missing '\(step)' in:\n\(text)")
    }
    try? FileManager.default.removeItem(at: log)
  }
}
