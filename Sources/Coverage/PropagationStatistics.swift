import Radio
import Scenario

/// A propagation class's loss as a distribution: the LOS state it assumes (fixed, or drawn
/// with TR 38.901 Table 7.4.2-1's probability) and each state's shadow fading.
extension Propagation {
  /// The model of each LOS state: a TR 38.901 scenario's LOS and NLOS members; a model with
  /// no LOS state is both.
  var losModel: PathLossModel { model.lineOfSightVariant ?? model }
  var nlosModel: PathLossModel { model.nonLineOfSightVariant ?? model }

  /// The loss distribution of `link`, with the inputs any state's model was used outside
  /// its validity range for.
  func lossDistribution(_ link: LinkGeometry) -> (distribution: LossDistribution, outsideValidity: ValidityFlags) {
    switch lineOfSight {
    case .nlos, .los:
      let state = lineOfSight == .los ? losModel : nlosModel
      let loss = state.pathLoss(link, environment: environment)
      return (
        .gaussian(meanDB: loss.lossDB + addedLossDB(link), sigmaDB: sigmaDB(state, link)), loss.outsideValidity
      )
    case .probabilistic:
      let los = losModel.pathLoss(link, environment: environment)
      let nlos = nlosModel.pathLoss(link, environment: environment)
      let probability = model.losProbability(distance2DM: link.distance2DM, ueHeightM: link.ueHeightM) ?? 0
      let distribution = LossDistribution(
        losProbability: probability, losMeanDB: los.lossDB + addedLossDB(link), losSigmaDB: sigmaDB(losModel, link),
        nlosMeanDB: nlos.lossDB + addedLossDB(link), nlosSigmaDB: sigmaDB(nlosModel, link))
      return (distribution, los.outsideValidity.union(nlos.outsideValidity))
    }
  }

  /// Loss added to every state's model on `link`: the clutter's and the layer's tuning, dB.
  @inline(__always) func addedLossDB(_ link: LinkGeometry) -> Double {
    clutterLossDB + (tuning?.correctionDB(distance2DM: link.distance2DM, bsHeightM: link.bsHeightM) ?? 0)
  }

  /// Shadow-fading σ of `state` on `link`, dB: the layer's calibrated one, the scenario's, the
  /// model's published one, or the empirical default (0 for free space).
  func sigmaDB(_ state: PathLossModel, _ link: LinkGeometry) -> Double {
    if let sigma = tuning?.sigmaDB { return sigma }
    if let shadowSigmaDB { return shadowSigmaDB }
    if let published = ShadowFading.sigmaDB(state, link) { return published }
    return state == .freeSpace ? 0 : Propagation.defaultEmpiricalSigmaDB
  }

  /// σ used to spread the O2I loss indoors: the single state's, or NLOS's under a
  /// probabilistic LOS state (NLOS dominates where indoor coverage is decided: TR 38.901's
  /// UMa P_LOS is below 0.15 beyond 150 m), on a 1 km reference link of a 25 m macro.
  func indoorReferenceSigmaDB(frequencyMHz: Double, ueHeightM: Double) -> Double {
    let state = lineOfSight == .los ? losModel : nlosModel
    let link = LinkGeometry(frequencyMHz: frequencyMHz, bsHeightM: 25, ueHeightM: ueHeightM, distance2DM: 1000)
    return sigmaDB(state, link)
  }
}

extension CoverageTarget {
  /// The standard normal quantile of the reliability: the margin in σ a cell needs.
  var reliabilityQuantile: Double { NormalDistribution.quantile(reliability) }
}

extension ScenarioModel {
  /// The propagation of each parcel, in the order of `parcels`: its zone's own, else the land
  /// cover's class of most of it, else the scenario's.
  var propagationOfParcels: [Propagation] {
    var index = 0
    return zones.flatMap { zone in
      zone.parcels.map { _ in
        defer { index += 1 }
        let cover = index < landCoverOfParcels.count ? landCoverOfParcels[index]?.propagation : nil
        return zone.propagation ?? cover ?? coverage.propagation
      }
    }
  }
}
