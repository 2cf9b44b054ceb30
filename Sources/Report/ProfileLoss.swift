import Foundation
import Radio
import Scenario

/// `cosite pathloss --profile`: a terrain profile from the base station to the UE in; the
/// free-space loss, the diffraction loss over the profile and their sum out.
///
/// Input header (exactly these columns, any order): `distance_m,height_m` — distance from the
/// base station, m (the first row 0, then increasing; the last row is the UE) and ground
/// height above mean sea level, m. Output: the header `free_space_db,diffraction_db,total_db`
/// and one row with 3 decimals.
public enum ProfileLoss {
  public static let columns = ["distance_m", "height_m"]
  public static let outputHeader = "free_space_db,diffraction_db,total_db"

  /// The link the profile is for.
  public struct Link: Sendable {
    public let frequencyMHz: Double
    /// Antenna heights above the ground at the two ends, m.
    public let bsHeightM: Double
    public let ueHeightM: Double
    public let method: DiffractionMethod
    /// Effective Earth radius factor.
    public let kFactor: Double

    public init(
      frequencyMHz: Double, bsHeightM: Double, ueHeightM: Double, method: DiffractionMethod, kFactor: Double
    ) {
      self.frequencyMHz = frequencyMHz
      self.bsHeightM = bsHeightM
      self.ueHeightM = ueHeightM
      self.method = method
      self.kFactor = kFactor
    }
  }

  public struct Output: Sendable {
    public let freeSpaceDB: Double
    public let diffractionDB: Double
    public var totalDB: Double { freeSpaceDB + diffractionDB }
    /// Lines about the method used outside its published range.
    public let warnings: [String]

    /// The header and the row, 3 decimals.
    public var text: String {
      outputHeader + "\n"
        + [freeSpaceDB, diffractionDB, totalDB].map { String(format: "%.3f", $0) }.joined(separator: ",") + "\n"
    }
  }

  /// Reads the profile and computes the losses; throws a `ScenarioError` naming every bad row.
  public static func process(_ text: String, file: String, link: Link) throws -> Output {
    let profile = try Table.parse(text, file: file)
    let lengthM = profile.distancesM[profile.distancesM.count - 1]
    let diffraction = diffractionLossDB(distancesM: profile.distancesM, terrainM: profile.terrainM, link: link)
    // Free space over the straight line between the antennas (heights above mean sea level).
    let bsM = profile.terrainM[0] + link.bsHeightM
    let ueM = profile.terrainM[profile.terrainM.count - 1] + link.ueHeightM
    let freeSpace = FreeSpace.pathLoss(
      LinkGeometry(frequencyMHz: link.frequencyMHz, bsHeightM: bsM, ueHeightM: ueM, distance2DM: lengthM))
    var warnings: [String] = []
    if link.method == .deltaBullington {
      let outside = Diffraction.deltaBullingtonOutsideValidity(frequencyMHz: link.frequencyMHz, pathLengthM: lengthM)
      if !outside.isEmpty {
        warnings.append(
          "\(file): delta-bullington used outside its validity (\(outside.names.joined(separator: ", ")); published for 30–6000 MHz, 0.25–3000 km)"
        )
      }
    }
    return Output(freeSpaceDB: freeSpace.lossDB, diffractionDB: diffraction, warnings: warnings)
  }

  /// The diffraction loss over a profile that includes both ends, by `link.method`.
  public static func diffractionLossDB(distancesM: [Double], terrainM: [Double], link: Link) -> Double {
    switch link.method {
    case .deltaBullington:
      return Diffraction.deltaBullingtonLossDB(
        distancesM: distancesM, terrainM: terrainM, txHeightM: link.bsHeightM, rxHeightM: link.ueHeightM,
        frequencyMHz: link.frequencyMHz, kFactor: link.kFactor)
    case .deygout:
      // Deygout takes the points between the ends and antenna heights above mean sea level.
      let last = distancesM.count - 1
      return Diffraction.deygoutLossDB(
        distancesM: Array(distancesM[1..<last]), terrainM: Array(terrainM[1..<last]), lengthM: distancesM[last],
        startHeightM: terrainM[0] + link.bsHeightM, endHeightM: terrainM[last] + link.ueHeightM,
        frequencyMHz: link.frequencyMHz, kFactor: link.kFactor)
    }
  }
}
