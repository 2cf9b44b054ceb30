import Foundation

/// A throwaway PostgreSQL + PostGIS server for a test: `initdb` into a new directory under
/// /tmp, `postgres` listening only on a Unix socket there (no TCP port, so parallel tests
/// and other servers do not collide), trust authentication for user `cosite`, fsync off.
/// PostgreSQL refuses to run as root: as root the server runs as the `postgres` user Debian's
/// package creates. `stop()` shuts it down and deletes the directory.
final class PostGISServer {
  /// The PostgreSQL programs of a version that has PostGIS, if installed
  /// (`scripts/setup.sh` installs Debian's `postgresql-postgis`).
  static let binaries: URL? = {
    let root = "/usr/lib/postgresql"
    let versions = ((try? FileManager.default.contentsOfDirectory(atPath: root)) ?? []).sorted().reversed()
    return versions.first { version in
      FileManager.default.isExecutableFile(atPath: "\(root)/\(version)/bin/initdb")
        && FileManager.default.fileExists(atPath: "/usr/share/postgresql/\(version)/extension/postgis.control")
    }.map { URL(fileURLWithPath: "\(root)/\($0)/bin") }
  }()

  static let skipReason =
    "PostgreSQL + PostGIS are not installed (scripts/setup.sh installs postgresql-postgis): not tried"

  let directory: URL
  /// libpq connection string of the server's `postgres` database, as `cosite db --dsn` takes it.
  let dsn: String
  private let binaries: URL
  private let asRoot = getuid() == 0

  init() throws {
    guard let binaries = Self.binaries else { throw ServerError("no PostgreSQL with PostGIS") }
    self.binaries = binaries
    directory = URL(fileURLWithPath: "/tmp/cosite-pg-\(UUID().uuidString.prefix(8))")
    dsn = "host=\(directory.path) user=cosite dbname=postgres"
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    if asRoot { try FileManager.default.setAttributes([.ownerAccountName: "postgres"], ofItemAtPath: directory.path) }
    let data = directory.appendingPathComponent("data").path
    do {
      try run(
        "initdb", ["-D", data, "--auth=trust", "-U", "cosite", "--no-sync", "-E", "UTF8", "--locale=C"])
      try run(
        "pg_ctl",
        [
          "-D", data, "-l", directory.appendingPathComponent("log").path, "-w", "-o",
          "-k \(directory.path) -c listen_addresses= -c fsync=off", "start",
        ])
      try psql("CREATE EXTENSION postgis")
    } catch {
      stop()  // no server or directory left behind by a failed start
      throw error
    }
  }

  /// Runs SQL with `psql` (stops at the first error).
  func psql(_ sql: String) throws {
    try run("psql", [dsn, "-v", "ON_ERROR_STOP=1", "-q", "-c", sql], asServer: false)
  }

  /// The rows of a query, tab-separated, as `psql -At` prints them.
  func query(_ sql: String) throws -> [String] {
    try run("psql", [dsn, "-At", "-F", "\t", "-c", sql], asServer: false).split(separator: "\n").map(String.init)
  }

  func stop() {
    _ = try? run("pg_ctl", ["-D", directory.appendingPathComponent("data").path, "-m", "immediate", "stop"])
    try? FileManager.default.removeItem(at: directory)
  }

  @discardableResult
  private func run(_ program: String, _ arguments: [String], asServer: Bool = true) throws -> String {
    let process = Process()
    let executable = binaries.appendingPathComponent(program).path
    let command = (asRoot && asServer ? ["/usr/sbin/runuser", "-u", "postgres", "--"] : []) + [executable] + arguments
    // Foundation's Process (Linux) learns that a child ended when a socket it hands the child
    // closes; the server pg_ctl starts would inherit it and keep it open for ever, so every
    // descriptor above stderr is closed before the program starts.
    process.executableURL = URL(fileURLWithPath: "/bin/bash")
    process.arguments =
      [
        "-c",
        #"for f in /proc/$$/fd/*; do n=${f##*/}; if [ "$n" -gt 2 ]; then eval "exec $n>&-" 2>/dev/null; fi; done; exec "$@""#,
        "bash",
      ] + command
    // Output through a file, not a pipe: the server pg_ctl starts inherits the descriptors
    // and keeps a pipe open (reading to its end would wait for the server to stop).
    let log = directory.appendingPathComponent("command-\(UUID().uuidString.prefix(8)).txt")
    FileManager.default.createFile(atPath: log.path, contents: nil)
    let handle = try FileHandle(forWritingTo: log)
    defer {
      try? handle.close()
      try? FileManager.default.removeItem(at: log)
    }
    process.standardOutput = handle
    process.standardError = handle
    try process.run()
    process.waitUntilExit()
    let text = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
    guard process.terminationStatus == 0 else {
      throw ServerError("\(program) \(arguments.joined(separator: " ")): \(text)")
    }
    return text
  }

  struct ServerError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
  }
}
