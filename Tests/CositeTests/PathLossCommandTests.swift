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

  /// TR 38.901 Table 7.4.1-1's indoor formulas by name. InF-SH NLOS, node 8 m, UE 1.5 m, 50 m
  /// at 3.5 GHz: d_3D = √(50² + 6.5²) = 50.4207 m; LOS 31.84 + 21.5·log10(d) + 19·log10(3.5) =
  /// 78.783, NLOS 32.4 + 23·log10(d) + 20·log10(3.5) = 82.441: the larger, 82.441. InH mixed
  /// NLOS, 3 m to 1.5 m, 30 m: d_3D 30.0375; max(32.4 + 17.3·log10(d) + 20·log10(3.5) =
  /// 68.845, 38.3·log10(d) + 17.30 + 24.9·log10(3.5) = 87.442) = 87.442. InF-DL LOS at 28 GHz,
  /// 20 m between equal heights: 31.84 + 21.5·log10(20) + 19·log10(28) = 87.308. InH at 200 m
  /// (118.977) is past its 150 m validity: a warning naming the row.
  @Test func indoorModelsByName() throws {
    let single = try CLI.run([
      "pathloss", "--model", "tr38901-inf-sh-nlos", "--frequency-mhz", "3500", "--bs-height-m", "8", "--ue-height-m",
      "1.5", "--distance-m", "50",
    ])
    #expect(single.status == 0)
    #expect(single.standardOutput == "82.441\n")
    let directory = CLI.temporaryDirectory()
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    let input = """
      model,environment,frequency_mhz,bs_height_m,ue_height_m,distance_m
      tr38901-inh-mixed-nlos,,3500,3,1.5,30
      tr38901-inf-dl-los,,28000,1.5,1.5,20
      tr38901-inh-open-nlos,,3500,3,1.5,200

      """
    try input.write(to: directory.appendingPathComponent("indoor.csv"), atomically: true, encoding: .utf8)
    let batch = try CLI.run(["pathloss", "--csv", "indoor.csv"], in: directory)
    #expect(batch.status == 0)
    #expect(
      batch.standardOutput == """
        model,environment,frequency_mhz,bs_height_m,ue_height_m,distance_m,loss_db
        tr38901-inh-mixed-nlos,,3500,3,1.5,30,87.442
        tr38901-inf-dl-los,,28000,1.5,1.5,20,87.308
        tr38901-inh-open-nlos,,3500,3,1.5,200,118.977

        """)
    #expect(batch.standardError.contains("indoor.csv:4: tr38901-inh-open-nlos used outside its validity (distance)"))
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
    #expect(result.standardError.contains("give --csv FILE, --profile FILE"))
  }

  /// The single 40 m ridge of RadioTests/DeltaBullingtonTests (10 km, 10 m masts, 900 MHz):
  /// diffraction 27.245443 dB by delta-Bullington (hand-evaluated there), 16.995907 dB by
  /// Deygout (J(ν) of the ridge, ν = 1.542316); free space over 10 km at 900 MHz:
  /// 32.447783 + 20 log10 900 + 20 log10 10 = 111.532633 dB.
  @Test func profileGivesFreeSpaceDiffractionAndTotal() throws {
    let directory = CLI.temporaryDirectory()
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    let profile = "distance_m,height_m\n0,0\n2500,0\n5000,40\n7500,0\n10000,0\n"
    try profile.write(to: directory.appendingPathComponent("ridge.csv"), atomically: true, encoding: .utf8)
    let arguments = [
      "pathloss", "--profile", "ridge.csv", "--frequency-mhz", "900", "--bs-height-m", "10", "--ue-height-m", "10",
    ]
    let bullington = try CLI.run(arguments, in: directory)
    #expect(bullington.status == 0)
    #expect(bullington.standardOutput == "free_space_db,diffraction_db,total_db\n111.533,27.245,138.778\n")
    #expect(bullington.standardError.isEmpty)
    let deygout = try CLI.run(
      arguments + ["--diffraction", "deygout", "--k-factor", "1.3333333333333333"], in: directory)
    #expect(deygout.status == 0)
    #expect(deygout.standardOutput == "free_space_db,diffraction_db,total_db\n111.533,16.996,128.529\n")
  }

  @Test func badProfileRowsAreNamedAndNothingIsPrinted() throws {
    let directory = CLI.temporaryDirectory()
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    let profile = "distance_m,height_m\n5,0\n30,x\n60,1\n60,2\n90\n"
    try profile.write(to: directory.appendingPathComponent("bad.csv"), atomically: true, encoding: .utf8)
    let result = try CLI.run(
      ["pathloss", "--profile", "bad.csv", "--frequency-mhz", "1800", "--bs-height-m", "30", "--ue-height-m", "1.5"],
      in: directory)
    #expect(result.status == 1)
    #expect(result.standardOutput.isEmpty)
    for expected in [
      "bad.csv:2: column 'distance_m': the first row is the base station, expected 0, got 5",
      "bad.csv:3: column 'height_m': expected a number, got 'x'",
      "bad.csv:5: column 'distance_m': expected more than the previous row's 60, got 60",
      "bad.csv:6: expected 2 fields, got 1",
    ] {
      #expect(result.standardError.contains(expected), "\(expected)")
    }
  }

  @Test func profileOptionsAreChecked() throws {
    let unknown = try CLI.run([
      "pathloss", "--profile", "p.csv", "--frequency-mhz", "1800", "--bs-height-m", "30", "--ue-height-m", "1.5",
      "--diffraction", "epstein",
    ])
    #expect(unknown.status != 0)
    #expect(unknown.standardError.contains("unknown --diffraction; expected one of: delta-bullington, deygout"))
    let missing = try CLI.run(["pathloss", "--profile", "p.csv", "--frequency-mhz", "1800", "--bs-height-m", "30"])
    #expect(missing.status != 0)
    #expect(missing.standardError.contains("--profile needs --ue-height-m"))
    let stray = try CLI.run([
      "pathloss", "--model", "free-space", "--frequency-mhz", "1800", "--bs-height-m", "30", "--ue-height-m", "1.5",
      "--distance-m", "100", "--k-factor", "1.2",
    ])
    #expect(stray.status != 0)
    #expect(stray.standardError.contains("--diffraction and --k-factor go with --profile FILE"))
  }
}
