import Foundation
import Testing

/// `cosite pathloss` exactly as scripted by other tools. Expected losses are the
/// independently computed values of RadioTests/PathLossReferenceTests (equations there).
@Suite struct PathLossCommandTests {
  @Test func singleValueWithThreeDecimals() throws {
    let result = try CLI.run([
      "pathloss", "--model", "okumura-hata", "--frequency-mhz", "900", "--bs-height-m", "30", "--ue-height-m", "1.5",
      "--distance-m", "1000", "--environment", "suburban",
    ])
    #expect(result.status == 0)
    #expect(result.standardOutput == "116.461\n")
    #expect(result.standardError.isEmpty)
  }

  @Test func outsideValidityWarnsOnStandardError() throws {
    let result = try CLI.run([
      "pathloss", "--model", "cost231-hata", "--frequency-mhz", "2600", "--bs-height-m", "30", "--ue-height-m", "1.5",
      "--distance-m", "1000",
    ])
    #expect(result.status == 0)
    #expect(result.standardError.contains("warning: cost231-hata used outside its validity (frequency)"))
  }

  @Test func batchAppendsLossColumn() throws {
    let directory = CLI.temporaryDirectory()
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    let input = """
      model,environment,frequency_mhz,bs_height_m,ue_height_m,distance_m
      okumura-hata,suburban,900,30,1.5,1000
      tr38901-uma-nlos,,3750,25,1.5,400
      free-space,,1800,30,1.5,1000

      """
    try input.write(to: directory.appendingPathComponent("links.csv"), atomically: true, encoding: .utf8)
    let result = try CLI.run(["pathloss", "--csv", "links.csv"], in: directory)
    #expect(result.status == 0)
    #expect(
      result.standardOutput == """
        model,environment,frequency_mhz,bs_height_m,ue_height_m,distance_m,loss_db
        okumura-hata,suburban,900,30,1.5,1000,116.461
        tr38901-uma-nlos,,3750,25,1.5,400,126.738
        free-space,,1800,30,1.5,1000,97.557

        """)
  }

  @Test func badRowsAreNamedAndNothingIsPrinted() throws {
    let directory = CLI.temporaryDirectory()
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    let input =
      "model,environment,frequency_mhz,bs_height_m,ue_height_m,distance_m\nfree-space,,1800,30,1.5,1000\nhata,,900,30,1.5,1000\nfree-space,,x,30,1.5,1000\n"
    try input.write(to: directory.appendingPathComponent("bad.csv"), atomically: true, encoding: .utf8)
    let result = try CLI.run(["pathloss", "--csv", "bad.csv"], in: directory)
    #expect(result.status == 1)
    #expect(result.standardOutput.isEmpty)
    #expect(result.standardError.contains("bad.csv:3: column 'model': unknown model 'hata'"))
    #expect(result.standardError.contains("bad.csv:4: column 'frequency_mhz': expected a positive number, got 'x'"))
  }

  @Test func missingOptionsAreAUsageError() throws {
    let result = try CLI.run(["pathloss", "--model", "free-space"])
    #expect(result.status != 0)
    #expect(result.standardError.contains("give --csv FILE, or all of"))
  }
}
