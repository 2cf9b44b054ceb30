import ArgumentParser
import Foundation
import Radio
import Report

/// `cosite pathloss`: one path loss, or a CSV of them.
struct PathLoss: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "pathloss",
    abstract: "Compute median path loss in dB with a propagation model.",
    discussion:
      "Single value: give --model, --frequency-mhz, --bs-height-m, --ue-height-m and --distance-m (the ground, 2-D distance; the 3-D distance follows from the heights); prints the loss with 3 decimals. Batch: --csv FILE with the header model,environment,frequency_mhz,bs_height_m,ue_height_m,distance_m writes the same rows with loss_db appended to standard output. Models: \(NamedPathLossModel.allNames.joined(separator: ", ")) (the tr38901-inf-* and tr38901-inh-* models are TR 38.901's indoor-factory and indoor-office LOS and NLOS formulas, Table 7.4.1-1, for a node inside the hall). Environments (Hata models): \(Environment.allCases.map(\.rawValue).joined(separator: ", ")). Inputs outside a model's validity range give a warning on standard error. Terrain: --profile FILE with the header distance_m,height_m (distance from the base station, first row 0, increasing, the last row the UE; ground height above mean sea level) and --frequency-mhz, --bs-height-m, --ue-height-m prints free_space_db,diffraction_db,total_db; --diffraction chooses \(DiffractionMethod.allCases.map(\.rawValue).joined(separator: " or ")) (default delta-bullington, ITU-R P.526-15 §4.5), --k-factor the effective Earth radius factor (default 4/3)."
  )

  @Option(help: "Propagation model.") var model: String?
  @Option(name: .customLong("frequency-mhz"), help: "Carrier frequency, MHz.") var frequencyMHz: Double?
  @Option(name: .customLong("bs-height-m"), help: "Base-station antenna height above ground, m.") var bsHeightM: Double?
  @Option(name: .customLong("ue-height-m"), help: "UE antenna height above ground, m.") var ueHeightM: Double?
  @Option(name: .customLong("distance-m"), help: "Ground (2-D) distance, m.") var distanceM: Double?
  @Option(help: "Environment for the Hata models (default urban).") var environment: String?
  @Option(help: "Batch mode: a CSV file of links.") var csv: String?
  @Option(help: "Terrain mode: a CSV profile (distance_m,height_m) from the base station to the UE.")
  var profile: String?
  @Option(help: "Terrain mode: diffraction method (delta-bullington or deygout).") var diffraction: String?
  @Option(name: .customLong("k-factor"), help: "Terrain mode: effective Earth radius factor (default 4/3).")
  var kFactor: Double?

  func validate() throws {
    let single = [model != nil, frequencyMHz != nil, bsHeightM != nil, ueHeightM != nil, distanceM != nil]
    if profile != nil {
      try validateProfileMode()
      return
    }
    guard diffraction == nil, kFactor == nil else {
      throw ValidationError("--diffraction and --k-factor go with --profile FILE")
    }
    if csv != nil {
      guard !single.contains(true), environment == nil else {
        throw ValidationError("--csv cannot be combined with single-value options")
      }
      return
    }
    guard !single.contains(false) else {
      throw ValidationError(
        "give --csv FILE, --profile FILE (with --frequency-mhz, --bs-height-m, --ue-height-m), or all of --model, --frequency-mhz, --bs-height-m, --ue-height-m, --distance-m"
      )
    }
    for (name, value) in [
      ("frequency-mhz", frequencyMHz), ("bs-height-m", bsHeightM), ("ue-height-m", ueHeightM),
      ("distance-m", distanceM),
    ] {
      guard let value, value.isFinite, value > 0 else { throw ValidationError("--\(name) must be a positive number") }
    }
    guard let model, NamedPathLossModel(name: model) != nil else {
      throw ValidationError("unknown --model; expected one of: \(NamedPathLossModel.allNames.joined(separator: ", "))")
    }
    if let environment, Environment(rawValue: environment) == nil {
      throw ValidationError(
        "unknown --environment; expected one of: \(Environment.allCases.map(\.rawValue).joined(separator: ", "))")
    }
  }

  /// --profile takes the frequency and both antenna heights, and nothing of the other modes.
  private func validateProfileMode() throws {
    guard csv == nil, model == nil, distanceM == nil, environment == nil else {
      throw ValidationError("--profile cannot be combined with --csv, --model, --distance-m or --environment")
    }
    for (name, value) in [("frequency-mhz", frequencyMHz), ("bs-height-m", bsHeightM), ("ue-height-m", ueHeightM)] {
      guard let value else { throw ValidationError("--profile needs --\(name)") }
      guard value.isFinite, value > 0 else { throw ValidationError("--\(name) must be a positive number") }
    }
    if let kFactor, !(kFactor.isFinite && kFactor > 0) {
      throw ValidationError("--k-factor must be a positive number")
    }
    if let diffraction, DiffractionMethod(rawValue: diffraction) == nil {
      throw ValidationError(
        "unknown --diffraction; expected one of: \(DiffractionMethod.allCases.map(\.rawValue).joined(separator: ", "))")
    }
  }

  func run() throws {
    if let profile {
      try runProfile(profile)
      return
    }
    if let csv {
      guard let data = FileManager.default.contents(atPath: csv), let text = String(data: data, encoding: .utf8) else {
        printError("error: cannot read \(csv)")
        throw ExitCode(1)
      }
      let output = try reportingScenarioErrors { try PathLossTable.process(text, file: csv) }
      output.warnings.forEach { printError("warning: \($0)") }
      print(output.text, terminator: "")
      return
    }
    guard let model = model.flatMap(NamedPathLossModel.init(name:)), let frequencyMHz, let bsHeightM, let ueHeightM,
      let distanceM
    else { return }
    let link = LinkGeometry(
      frequencyMHz: frequencyMHz, bsHeightM: bsHeightM, ueHeightM: ueHeightM, distance2DM: distanceM)
    let loss = model.pathLoss(link, environment: environment.flatMap(Environment.init(rawValue:)) ?? .urban)
    if !loss.outsideValidity.isEmpty {
      printError(
        "warning: \(model.name) used outside its validity (\(loss.outsideValidity.names.joined(separator: ", ")))")
    }
    print(String(format: "%.3f", loss.lossDB))
  }
}

extension PathLoss {
  /// Terrain mode: free space, diffraction over the profile and their sum.
  fileprivate func runProfile(_ file: String) throws {
    guard let data = FileManager.default.contents(atPath: file), let text = String(data: data, encoding: .utf8) else {
      printError("error: cannot read \(file)")
      throw ExitCode(1)
    }
    guard let frequencyMHz, let bsHeightM, let ueHeightM else { return }
    let link = ProfileLoss.Link(
      frequencyMHz: frequencyMHz, bsHeightM: bsHeightM, ueHeightM: ueHeightM,
      method: diffraction.flatMap(DiffractionMethod.init(rawValue:)) ?? .deltaBullington, kFactor: kFactor ?? 4.0 / 3)
    let output = try reportingScenarioErrors { try ProfileLoss.process(text, file: file, link: link) }
    output.warnings.forEach { printError("warning: \($0)") }
    print(output.text, terminator: "")
  }
}
