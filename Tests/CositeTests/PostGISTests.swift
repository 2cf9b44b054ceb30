import Foundation
import Testing

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// `cosite db` and scenario inputs from PostGIS (#20), against a real PostgreSQL + PostGIS
/// started for each test (`PostGISServer`).
@Suite(.serialized) struct PostGISTests {
  /// A run's and a recommendation's outputs stored under two run ids and read back: every
  /// CSV, GeoJSON, JSON and Markdown file equal to the byte (the reference is the files the
  /// commands wrote); the tables hold what the files hold (rows counted against them).
  @Test(.enabled(if: PostGISServer.binaries != nil, "\(PostGISServer.skipReason)"))
  func resultsRoundTripByteForByte() throws {
    let server = try PostGISServer()
    defer { server.stop() }
    let run = try Self.cosite(["run", "scenarios/hai-phong-dinh-vu.yaml"])
    let recommend = try Self.cosite(["recommend", "scenarios/hai-phong-dinh-vu.yaml"])
    defer { for directory in [run, recommend] { try? FileManager.default.removeItem(at: directory) } }
    for (id, directory) in [("dinh-vu-run", run), ("dinh-vu-recommend", recommend)] {
      let stored = try CLI.run(["db", "export", directory.path, "--dsn", server.dsn, "--run-id", id])
      #expect(stored.status == 0, "\(stored.standardError)")
    }
    for (id, directory) in [("dinh-vu-run", run), ("dinh-vu-recommend", recommend)] {
      let back = CLI.temporaryDirectory()
      defer { try? FileManager.default.removeItem(at: back) }
      let read = try CLI.run(["db", "import", "--dsn", server.dsn, "--run-id", id, "--out", back.path])
      #expect(read.status == 0, "\(read.standardError)")
      let stored = Set(try FileManager.default.contentsOfDirectory(atPath: directory.path)).filter { name in
        [".csv", ".geojson", ".json", ".md"].contains { name.hasSuffix($0) }
      }
      // (`.cosite-output` marks a directory Cosite wrote: OutputDestination.)
      let returned = Set(try FileManager.default.contentsOfDirectory(atPath: back.path)).filter { !$0.hasPrefix(".") }
      #expect(returned == stored)
      for name in stored.sorted() {
        let original = try Data(contentsOf: directory.appendingPathComponent(name))
        let copy = try? Data(contentsOf: back.appendingPathComponent(name))
        #expect(copy == original, "\(id): \(name) differs after the round trip")
      }
    }
    // The tables hold the files' rows: parcel-coverage.csv's records, the recommendations'.
    let parcelLines =
      try String(contentsOf: run.appendingPathComponent("parcel-coverage.csv"), encoding: .utf8)
      .split(separator: "\n").count - 1
    #expect(
      try server.query("SELECT count(*) FROM cosite.parcel_figures WHERE run_id = 'dinh-vu-run'") == ["\(parcelLines)"])
    let recommendations =
      try String(
        contentsOf: recommend.appendingPathComponent("recommendations.csv"), encoding: .utf8
      ).split(separator: "\n").count - 1
    #expect(
      try server.query("SELECT count(*) FROM cosite.recommendations WHERE run_id = 'dinh-vu-recommend'")
        == ["\(recommendations)"])
    // A board's query: the numeric columns are numbers (covered_share is a share, 0–1).
    #expect(
      try server.query(
        "SELECT min(covered_share) >= 0 AND max(covered_share) <= 1 FROM cosite.parcel_figures") == ["t"])
    // The same id again is refused and leaves the stored run as it was; --replace replaces it.
    let again = try CLI.run(["db", "export", run.path, "--dsn", server.dsn, "--run-id", "dinh-vu-run"])
    #expect(again.status == 1)
    #expect(again.standardError.contains("run 'dinh-vu-run' is already in cosite.runs"))
    let replaced = try CLI.run(["db", "export", run.path, "--dsn", server.dsn, "--run-id", "dinh-vu-run", "--replace"])
    #expect(replaced.status == 0, "\(replaced.standardError)")
    #expect(
      try server.query("SELECT count(*) FROM cosite.parcel_figures WHERE run_id = 'dinh-vu-run'") == ["\(parcelLines)"])
  }

  /// Nothing half-written: a table the export cannot write into (here `zones` made a view
  /// by the test) fails the export after other tables took rows, and the transaction leaves
  /// no row of the run anywhere; a malformed file stops it before the database is touched,
  /// naming the file and line.
  @Test(.enabled(if: PostGISServer.binaries != nil, "\(PostGISServer.skipReason)"))
  func aFailedExportLeavesNothing() throws {
    let server = try PostGISServer()
    defer { server.stop() }
    let run = try Self.cosite(["run", "scenarios/hai-phong-dinh-vu.yaml"])
    defer { try? FileManager.default.removeItem(at: run) }
    try server.psql("CREATE SCHEMA cosite; CREATE VIEW cosite.zones AS SELECT 1 AS one")
    let failed = try CLI.run(["db", "export", run.path, "--dsn", server.dsn, "--run-id", "broken"])
    #expect(failed.status == 1)
    #expect(failed.standardError.contains("zones"), "\(failed.standardError)")
    // The tables the export created went with it (PostgreSQL's DDL is transactional).
    #expect(try server.query("SELECT to_regclass('cosite.runs') IS NULL") == ["t"])
    #expect(try server.query("SELECT to_regclass('cosite.parcel_figures') IS NULL") == ["t"])

    let broken = CLI.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: broken) }
    try FileManager.default.createDirectory(at: broken, withIntermediateDirectories: true)
    try "carrier,covered_share\nviettel,0.5\nvnpt,0.4,extra\n".write(
      to: broken.appendingPathComponent("parcel-coverage.csv"), atomically: true, encoding: .utf8)
    let refused = try CLI.run(["db", "export", broken.path, "--dsn", server.dsn, "--run-id", "bad"])
    #expect(refused.status == 1)
    #expect(refused.standardError.contains("parcel-coverage.csv:3: 3 fields: expected 2"), "\(refused.standardError)")
    #expect(try server.query("SELECT to_regclass('cosite.runs') IS NULL") == ["t"])
  }

  /// A server that accepts the connection and never answers (a listening socket nobody
  /// serves: the kernel completes the handshake) is an error after Cosite's connect timeout
  /// (10 s), not a hang; a missing socket at once. Both name the connection without its
  /// password and write nothing.
  @Test func anUnreachableDatabaseIsAnErrorNotAHang() throws {
    let listener = try SilentListener()
    defer { listener.close() }
    for dsn in [
      "host=127.0.0.1 port=\(listener.port) user=x password=hunter2 dbname=x",
      "postgresql://x:hunter2@127.0.0.1:\(listener.port)/x",
      "host=/nonexistent/socket user=x password=hunter2 dbname=x",
    ] {
      let out = CLI.temporaryDirectory()
      let started = Date()
      let result = try CLI.run(["db", "import", "--dsn", dsn, "--run-id", "r", "--out", out.path])
      let seconds = Date().timeIntervalSince(started)
      #expect(result.status == 1)
      #expect(seconds < 15, "\(dsn): \(seconds) s")
      #expect(result.standardError.contains("cannot connect to PostgreSQL"), "\(result.standardError)")
      let hidden = dsn.hasPrefix("postgresql://") ? "x:…@" : "password=…"
      #expect(result.standardError.contains(hidden), "\(result.standardError)")
      #expect(!result.standardError.contains("hunter2"), "\(result.standardError)")
      #expect(!FileManager.default.fileExists(atPath: out.path))
    }
  }

  /// A file that would not come back byte for byte (a field quoted that Cosite's writer
  /// leaves bare) and a file the database has no table for are refused before anything is
  /// stored, naming the file (and line); a compare's files for a scenario's own sharing
  /// option go with their kind.
  @Test(.enabled(if: PostGISServer.binaries != nil, "\(PostGISServer.skipReason)"))
  func filesThatWouldNotComeBackAreRefused() throws {
    let server = try PostGISServer()
    defer { server.stop() }
    let directory = CLI.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    let table = directory.appendingPathComponent("cheap-rent-recommendations.csv")
    try "rank,carrier\n1,viettel\n2,\"vnpt\"\n".write(to: table, atomically: true, encoding: .utf8)
    let quoted = try CLI.run(["db", "export", directory.path, "--dsn", server.dsn, "--run-id", "q"])
    #expect(quoted.status == 1)
    #expect(
      quoted.standardError.contains("cheap-rent-recommendations.csv:3: not as Cosite writes"), "\(quoted.standardError)"
    )
    try "rank,carrier\n1,viettel\n2,vnpt\n".write(to: table, atomically: true, encoding: .utf8)
    try "x\n".write(to: directory.appendingPathComponent("notes.csv"), atomically: true, encoding: .utf8)
    let unknown = try CLI.run(["db", "export", directory.path, "--dsn", server.dsn, "--run-id", "q"])
    #expect(unknown.status == 1)
    #expect(unknown.standardError.contains("notes.csv: no table for this file"), "\(unknown.standardError)")
    try FileManager.default.removeItem(at: directory.appendingPathComponent("notes.csv"))
    let stored = try CLI.run(["db", "export", directory.path, "--dsn", server.dsn, "--run-id", "q"])
    #expect(stored.status == 0, "\(stored.standardError)")
    #expect(
      try server.query("SELECT file, carrier FROM cosite.recommendations ORDER BY row_index")
        == ["cheap-rent-recommendations.csv\tviettel", "cheap-rent-recommendations.csv\tvnpt"])
  }

  /// Runs sharing a table need not agree on types: a later run whose CSV column holds text
  /// where an earlier one held numbers widens it to text, a property that was a number and
  /// is now a string widens it to json, a new column is added — and every run still reads
  /// back byte for byte (what the widening promises: the text is unchanged).
  @Test(.enabled(if: PostGISServer.binaries != nil, "\(PostGISServer.skipReason)"))
  func widenedColumnsReadBackUnchanged() throws {
    let server = try PostGISServer()
    defer { server.stop() }
    let runs: [(id: String, csv: String, geoJSON: String)] = [
      (
        "first", "rank,carrier,cost_vnd\n1,viettel,10.50\n2,vnpt,7\n",
        #"{"type":"FeatureCollection","features":["# + "\n"
          + #"{"type":"Feature","properties":{"rank":1,"ok":true},"geometry":{"type":"Point","coordinates":[106.7,20.8]}}"#
          + "\n]}\n"
      ),
      (
        "second", "rank,carrier,cost_vnd,note\n1,mobifone,n/a,\"shared, passive\"\n",
        #"{"type":"FeatureCollection","features":["# + "\n"
          + #"{"type":"Feature","properties":{"rank":"first","ok":null,"tags":["a","b"]},"geometry":{"type":"Point","coordinates":[106.71,20.81]}}"#
          + "\n]}\n"
      ),
    ]
    var directories: [URL] = []
    defer { for directory in directories { try? FileManager.default.removeItem(at: directory) } }
    for run in runs {
      let directory = CLI.temporaryDirectory()
      directories.append(directory)
      try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
      try run.csv.write(to: directory.appendingPathComponent("recommendations.csv"), atomically: true, encoding: .utf8)
      try run.geoJSON.write(
        to: directory.appendingPathComponent("recommended-stations.geojson"), atomically: true, encoding: .utf8)
      let stored = try CLI.run(["db", "export", directory.path, "--dsn", server.dsn, "--run-id", run.id])
      #expect(stored.status == 0, "\(stored.standardError)")
    }
    #expect(
      try server.query(
        "SELECT column_name || ':' || data_type FROM information_schema.columns WHERE table_schema = 'cosite' AND table_name IN ('recommendations', 'recommended_stations') AND column_name IN ('cost_vnd', 'note', 'rank', 'ok', 'tags') ORDER BY table_name, column_name"
      ) == ["cost_vnd:text", "note:text", "rank:numeric", "ok:boolean", "rank:json", "tags:json"])
    for (run, directory) in zip(runs, directories) {
      let back = CLI.temporaryDirectory()
      defer { try? FileManager.default.removeItem(at: back) }
      let read = try CLI.run(["db", "import", "--dsn", server.dsn, "--run-id", run.id, "--out", back.path])
      #expect(read.status == 0, "\(read.standardError)")
      for name in ["recommendations.csv", "recommended-stations.geojson"] {
        let original = try Data(contentsOf: directory.appendingPathComponent(name))
        let copy = try? Data(contentsOf: back.appendingPathComponent(name))
        #expect(copy == original, "\(run.id): \(name) differs")
      }
    }
  }

  /// Runs `cosite` with `--out` a new directory, which it returns.
  static func cosite(_ arguments: [String]) throws -> URL {
    let out = CLI.temporaryDirectory()
    let result = try CLI.run(arguments + ["--out", out.path])
    guard result.status == 0 else { throw PostGISServer.ServerError("cosite \(arguments): \(result.standardError)") }
    return out
  }
}

/// A TCP socket on 127.0.0.1 that listens and never accepts: connections complete (the
/// kernel's backlog) and then hear nothing, like a server that hangs.
final class SilentListener {
  let port: Int
  private let descriptor: Int32

  init() throws {
    #if canImport(Glibc)
      let stream = Int32(SOCK_STREAM.rawValue)
    #else
      let stream = SOCK_STREAM
    #endif
    let fd = socket(AF_INET, stream, 0)
    guard fd >= 0 else { throw PostGISServer.ServerError("cannot open a socket") }
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    address.sin_port = 0
    let bound = withUnsafePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
    }
    guard bound == 0, listen(fd, 16) == 0 else { throw PostGISServer.ServerError("cannot listen on 127.0.0.1") }
    var length = socklen_t(MemoryLayout<sockaddr_in>.size)
    _ = withUnsafeMutablePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
    }
    port = Int(UInt16(bigEndian: address.sin_port))
    descriptor = fd
  }

  func close() {
    closeDescriptor(descriptor)
  }
}

/// The C library's close(2) (inside `SilentListener`, `close` names its own method).
private func closeDescriptor(_ descriptor: Int32) {
  _ = close(descriptor)
}
