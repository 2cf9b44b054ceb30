import Testing

@testable import Coverage

/// A tile's candidate fields on disk (issue #22): given back as written, and refused with
/// the byte and what was expected when they cannot be the fields of this plan's groups.
@Suite struct CandidateArchiveTests {
  /// `ZoneClusterTests`' two zone groups; group 1's grid is 200 × 140 = 28,000 cells.
  let model = ZoneClusterTests().scenario(marginM: 500)

  func encoded(_ entries: [CandidateArchive.Entry], group: Int = 1) -> [UInt8] {
    CandidateArchive.encode([(group, entries)], scenarioDigest: model.digest, build: "b")
  }

  func refusal(_ bytes: [UInt8]) -> String? {
    do {
      _ = try CandidateArchive.decode(
        bytes, name: "c", groups: CoverageRun.groups(of: model), scenarioDigest: model.digest, build: "b")
      return nil
    } catch { return "\(error)" }
  }

  @Test func fieldsComeBackAsWritten() throws {
    let entries: [CandidateArchive.Entry] = [("a@t1", [0, 5, 27_999], [5]), ("b@t1", [], [3])]
    let parts = try CandidateArchive.decode(
      encoded(entries), name: "c", groups: CoverageRun.groups(of: model), scenarioDigest: model.digest, build: "b")
    #expect(parts.count == 1)
    #expect(parts[0].group == 1)
    #expect(parts[0].entries.map(\.id) == ["a@t1", "b@t1"])
    #expect(parts[0].entries.map(\.target) == [[0, 5, 27_999], []])
    #expect(parts[0].entries.map(\.outdoor) == [[5], [3]])
  }

  @Test func fieldsThatCannotBeThisPlansAreRefused() {
    #expect(
      refusal(encoded([("a@t1", [28_000], [])]))?.contains("cells of station a@t1 ascending, below 28000") == true)
    #expect(refusal(encoded([("a@t1", [4, 4], [])]))?.contains("ascending") == true)
    #expect(refusal(encoded([("a@t1", [-1], [])]))?.contains("ascending") == true)
    #expect(refusal(encoded([("a@t1", [1], []), ("a@t1", [2], [])]))?.contains("station a@t1 once") == true)
    #expect(refusal(encoded([], group: 2))?.contains("a zone group below 2") == true)
    let foreign = CandidateArchive.encode([(1, [])], scenarioDigest: "other", build: "b")
    #expect(refusal(foreign)?.contains("computed from another scenario") == true)
    let otherBuild = CandidateArchive.encode([(1, [])], scenarioDigest: model.digest, build: "c")
    #expect(refusal(otherBuild)?.contains("computed by another build (c; this is b)") == true)
    #expect(refusal(Array("cosite tile result\n".utf8))?.contains("not a Cosite tile's candidate fields") == true)
    #expect(refusal(encoded([("a@t1", [1], [])]) + [0])?.contains("expected the end of the file") == true)
  }

  /// Eight bytes overwritten with a huge, a negative or a large count anywhere: refused or
  /// read, never a crash or a huge allocation; in the header (magic, version, digest, build) always
  /// refused.
  @Test func overwrittenWordsAreErrorsNotCrashes() {
    let bytes = encoded([("a@t1", [0, 5, 27_999], [5]), ("b@t1", [], [3])])
    // magic, version, digest and the build "b", each with its count
    let headerBytes = 8 + CandidateArchive.magic.utf8.count + 8 + 8 + model.digest.utf8.count + 8 + 1
    for offset in 0..<(bytes.count - 8) {
      for value: Int64 in [.max, -1, 1 << 40] {
        var damaged = bytes
        withUnsafeBytes(of: value.littleEndian) {
          for (index, byte) in $0.enumerated() { damaged[offset + index] = byte }
        }
        let refused = refusal(damaged)
        if offset + 8 <= headerBytes, damaged != bytes { #expect(refused != nil, "byte \(offset) = \(value) was read") }
      }
    }
  }
}
