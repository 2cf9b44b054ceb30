import Foundation
import Radio
import Scenario

/// A layer's sectors prepared for single links from dropped users.
struct DropLinks {
  struct LinkSector {
    let structureIndex: Int
    let orientation: AntennaOrientation
    let antenna: LinkAntenna
    let heightM: Double
    /// EPRE − feeder loss, dBm.
    let eprePerFeederDBm: Double
  }

  let sectors: [LinkSector]
  /// Structures carrying the layer's sectors, in scenario order of first use.
  let structurePositions: [(x: Double, y: Double)]
  let frequencyMHz: Double
  let noiseMilliwatts: Double
  let loadFactor: Double
  let maxRadiusM: Double
  /// The layer, whose calibration (its own, or a land-cover class's) applies to every loss.
  let layer: RadioLayer

  init(scenario: ScenarioModel, carrierID: String, layer: RadioLayer, numerology: CarrierNumerology) {
    let structures = Dictionary(scenario.structures.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
    var structureIndex: [String: Int] = [:]
    var positions: [(x: Double, y: Double)] = []
    var sectors: [LinkSector] = []
    for sector in scenario.sectors where sector.carrierID == carrierID && sector.layerID == layer.id {
      guard let structure = structures[sector.structureID] else { continue }
      let index =
        structureIndex[structure.id]
        ?? {
          positions.append((structure.position.x, structure.position.y))
          structureIndex[structure.id] = positions.count - 1
          return positions.count - 1
        }()
      let epre = LinkBudget.energyPerResourceElementDBm(totalPowerDBm: sector.powerDBm, numerology: numerology)
      sectors.append(
        LinkSector(
          structureIndex: index,
          orientation: AntennaOrientation(azimuthDeg: sector.azimuthDeg, mechanicalTiltDeg: sector.mechanicalTiltDeg),
          antenna: LinkAntenna(sector, patterns: scenario.antennaPatterns), heightM: sector.heightM,
          eprePerFeederDBm: epre - sector.feederLossDB))
    }
    self.sectors = sectors
    structurePositions = positions
    frequencyMHz = layer.frequencyMHz
    let settings = scenario.coverage
    noiseMilliwatts = Units.milliwatts(
      fromDBm: LinkBudget.noisePerResourceElementDBm(numerology: numerology, noiseFigureDB: settings.noiseFigureDB))
    loadFactor = settings.loadFactor
    maxRadiusM = settings.maxRadiusM
    self.layer = layer
  }

  /// The user's links: per structure a LOS draw and a shadow-fading draw (in structure
  /// order, drawn for every structure so the stream never depends on distances), per
  /// sector the path loss at its height and its antenna gain; the strongest sector serves.
  ///
  /// LOS (TR 38.901 §7.4.2) uses d_2D-out = d_2D − d_2D-in for indoor users; the loss uses
  /// the whole distance, as PL_b(d_3D-out + d_3D-in) does with d_3D-in ≪ d_3D-out.
  /// `draws` is the caller's scratch of one (LOS, normal) pair per structure, reused from user
  /// to user so the loop allocates nothing.
  func sample(
    _ user: DroppedUser, propagation model: Propagation, random: inout DropRandom,
    draws: inout [(los: Double, normal: Double)]
  ) -> DropSample {
    let model = model.tuned(on: layer)
    draws.removeAll(keepingCapacity: true)
    for _ in structurePositions { draws.append((random.uniform(), random.normal())) }
    var best = -Double.infinity
    var bestCoupling = -Double.infinity
    var totalMilliwatts = 0.0
    for sector in sectors {
      let position = structurePositions[sector.structureIndex]
      let east = user.x - position.x
      let north = user.y - position.y
      let distance = (east * east + north * north).squareRoot()
      guard distance <= maxRadiusM else { continue }
      let draw = draws[sector.structureIndex]
      let link = LinkGeometry(
        frequencyMHz: frequencyMHz, bsHeightM: sector.heightM, ueHeightM: user.heightM, distance2DM: distance)
      let state = Self.state(model, link: link, outdoorDistanceM: max(distance - user.indoorDepthM, 0), draw: draw.los)
      let loss =
        state.pathLoss(link, environment: model.environment).lossDB + model.addedLossDB(link)
        + model.sigmaDB(state, link) * draw.normal + user.o2iLossDB
      let direction = bearingAndElevationDeg(
        eastM: east, northM: north, fromHeightM: sector.heightM, toHeightM: user.heightM)
      let gain = sector.antenna.gainDBi(
        sector.orientation.angles(bearingDeg: direction.bearingDeg, elevationDeg: direction.elevationDeg))
      let rsrp = sector.eprePerFeederDBm + gain - loss
      totalMilliwatts += Units.milliwatts(fromDBm: rsrp)
      if rsrp > best {
        best = rsrp
        bestCoupling = gain - loss
      }
    }
    guard best > -.infinity else { return DropSample(indoor: user.indoor) }
    let signal = Units.milliwatts(fromDBm: best)
    let interference = max(totalMilliwatts - signal, 0)
    return DropSample(
      couplingGainDB: bestCoupling, rsrpDBm: best,
      sinrDB: 10 * log10(signal / (loadFactor * interference + noiseMilliwatts)),
      sirDB: interference > 0 ? 10 * log10(signal / interference) : .infinity, indoor: user.indoor)
  }

  /// The link's LOS state: fixed by the class, or LOS when the draw falls below TR 38.901
  /// Table 7.4.2-1's probability at the outdoor distance.
  static func state(_ model: Propagation, link: LinkGeometry, outdoorDistanceM: Double, draw: Double) -> PathLossModel {
    switch model.lineOfSight {
    case .nlos: return model.nlosModel
    case .los: return model.losModel
    case .probabilistic:
      let probability = model.model.losProbability(distance2DM: outdoorDistanceM, ueHeightM: link.ueHeightM) ?? 0
      return draw < probability ? model.losModel : model.nlosModel
    }
  }
}
