import Foundation
import Testing

@testable import GeoIO

@Suite struct ZipTests {
  /// The CRC-32 check value of "123456789" (Williams, "A Painless Guide to CRC Error Detection
  /// Algorithms", §15, CRC-32/ISO-HDLC), and of nothing.
  @Test func crc32MatchesTheCheckValue() {
    #expect(CRC32.checksum(Array("123456789".utf8)) == 0xCBF4_3926)
    #expect(CRC32.checksum([UInt8]()) == 0)
  }

  static let entries: [(name: String, contents: Data)] = [
    ("doc.kml", Data(Fixtures.kml.utf8)),
    ("files/readme.txt", Data(String(repeating: "coverage map, RSRP in dBm\n", count: 200).utf8)),
    ("empty.txt", Data()),
    ("bản đồ.txt", Data("x".utf8)),
  ]

  /// Python's zipfile (an independent reader): order, names, methods, fixed date, contents, CRCs.
  @Test(.enabled(if: isInstalled("/usr/bin/python3")))
  func pythonReadsTheArchive() throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    let path = try directory.write(try GeoIO.zip(Self.entries), "maps.kmz")
    let script = """
      import sys, zipfile, json
      z = zipfile.ZipFile(sys.argv[1])
      print(json.dumps({"bad": z.testzip(), "entries": [[i.filename, i.compress_type, list(i.date_time), \
      i.file_size, i.CRC] for i in z.infolist()], "readme": z.read("files/readme.txt").decode()}))
      """
    let result = try run("/usr/bin/python3", ["-c", script, path])
    #expect(result.standardError.isEmpty)
    let json = try #require(
      try JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? [String: Any])
    #expect(json["bad"] is NSNull)  // testzip(): every CRC and header checks out
    let entries = try #require(json["entries"] as? [[Any]])
    #expect(entries.map { $0[0] as? String } == ["doc.kml", "files/readme.txt", "empty.txt", "bản đồ.txt"])
    // DEFLATE (8) where it pays, STORE (0) for the empty and one-byte entries.
    #expect(entries.map { $0[1] as? Int } == [8, 8, 0, 0])
    #expect(entries.allSatisfy { ($0[2] as? [Int]) == [1980, 1, 1, 0, 0, 0] })
    #expect(entries.map { $0[3] as? Int } == Self.entries.map(\.contents.count))
    #expect((entries[0][4] as? Int).map(UInt32.init) == CRC32.checksum(Self.entries[0].contents))
    #expect(json["readme"] as? String == String(repeating: "coverage map, RSRP in dBm\n", count: 200))
  }

  /// Info-ZIP's unzip (a second independent reader) tests every entry's CRC.
  @Test(.enabled(if: isInstalled("/usr/bin/unzip")))
  func unzipTestsTheArchive() throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    let path = try directory.write(try GeoIO.zip(Self.entries), "maps.zip")
    let result = try run("/usr/bin/unzip", ["-t", path])
    #expect(result.status == 0)
    #expect(result.standardOutput.contains("No errors detected"))
  }

  @Test func equalInputGivesEqualBytes() throws {
    #expect(try GeoIO.zip(Self.entries) == GeoIO.zip(Self.entries))
  }

  @Test func kmzAndKMLReadBackThroughGDAL() throws {
    let kmz = try GeoIO.zip([("doc.kml", Data(Fixtures.kml.utf8)), ("files/legend.txt", Data("legend".utf8))])
    for (data, kind) in [(kmz, VectorFileKind.kmz), (Data(Fixtures.kml.utf8), .kml)] {
      let layers = try GeoIO.readVector(data, kind: kind)
      #expect(layers.count == 1)
      #expect(layers.first?.featureCount == 2)
      #expect(layers.first?.features.map { $0["Name"] ?? $0["name"] } == ["S1", "S2"])
      #expect(layers.first?.epsg == 4326)
    }
  }

  @Test func rejectsRepeatedNames() {
    #expect(throws: GeoIOError.self) { try GeoIO.zip([("a.txt", Data()), ("a.txt", Data())]) }
  }
}
