import Radio
import Scenario

/// One dropped user: where, how high, and what its building adds to every path.
struct DroppedUser {
  /// Index of the parcel (scenario order) the user stands in.
  let parcel: Int
  let x: Double
  let y: Double
  let heightM: Double
  let indoor: Bool
  /// Horizontal depth inside the building, m (0 outdoors).
  let indoorDepthM: Double
  /// O2I loss of this user (wall, depth, extra loss and its σ_P draw), dB; 0 outdoors.
  let o2iLossDB: Double

  /// Draws a user. The order of draws is fixed: position, indoor state, floors, depth, O2I.
  ///
  /// Indoors (TR 38.901 §7.4.3.1 and Table 7.8-1): floor n_fl uniform on 1…N_fl with N_fl
  /// uniform on the settings' range, height 3(n_fl − 1) + UE height; depth d_2D-in the
  /// minimum of two uniform draws on 0–25 m (Table 7.4.3-2, UMa/UMi); loss
  /// PL_tw + 0.5·d_2D-in + N(0, σ_P²) with the building class's model and σ.
  static func draw(
    _ random: inout DropRandom, sampler: AreaSampler, parcelClasses: [BuildingClass?],
    settings: CoverageSettings, frequencyMHz: Double, antennas: [(x: Double, y: Double)]
  ) -> DroppedUser {
    let drops = settings.drops
    var (position, parcel) = sampler.point(&random)
    let minimum = drops.minDistanceM * drops.minDistanceM
    for _ in 0..<1000 {
      let tooClose = antennas.contains { antenna in
        let dx = position.x - antenna.x
        let dy = position.y - antenna.y
        return dx * dx + dy * dy < minimum
      }
      if !tooClose { break }
      (position, parcel) = sampler.point(&random)
    }
    let building: BuildingClass?
    if let share = drops.indoorShare {
      let isIndoor = random.uniform() < share
      let lowLoss = random.uniform() < drops.lowLossShare
      building = isIndoor ? BuildingClass(name: "drop", o2i: lowLoss ? .lowLoss : .highLoss, extraLossDB: 0) : nil
    } else if settings.target.indoor, let own = parcelClasses[parcel], own.o2i != .none {
      building = own
    } else {
      building = nil
    }
    guard let building else {
      return DroppedUser(
        parcel: parcel, x: position.x, y: position.y, heightM: settings.ueHeightM, indoor: false, indoorDepthM: 0,
        o2iLossDB: 0)
    }
    let buildingFloors = random.integer(in: drops.floors)
    let floor = random.integer(in: 1...max(buildingFloors, 1))
    let height = DropSettings.floorHeightM * Double(floor - 1) + settings.ueHeightM
    let depth = min(random.uniform(), random.uniform()) * 25
    let mean = CoverageRun.indoorLossDB(building, frequencyMHz: frequencyMHz, indoorDepthM: depth)
    let loss = mean + CoverageRun.o2iSigmaDB(building) * random.normal()
    return DroppedUser(
      parcel: parcel, x: position.x, y: position.y, heightM: height, indoor: true, indoorDepthM: depth, o2iLossDB: loss)
  }
}
