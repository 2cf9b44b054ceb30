import Foundation
import Scenario

/// One decision the optimiser can take: a station on one site serving one or more
/// carriers, with what it costs under a sharing option.
public struct StationOffer: Sendable {
  public let siteIndex: Int
  /// Pool stations it installs (one per carrier; several when a new build or a radio is
  /// shared).
  public let stations: [Int]
  /// Carriers it serves, ascending scenario indices (under MOCN: every planned carrier).
  public let carriers: [Int]
  public let cost: OfferCost
  /// Slots it takes on the site and sectors it adds to the structure's load.
  public let slots: Int
  public let sectors: Int
  /// An indoor system's kind (nil for a macro station) and its nodes: small cells, or a DAS's
  /// antennas (0 for a macro station).
  public var indoorKind: IndoorSystemKind? = nil
  public var nodes = 0
}

/// What an indoor offer installs in a building.
public enum IndoorSystemKind: String, Sendable, Hashable {
  /// Small cells: each node a radio (one carrier's, or a neutral host's for several).
  case smallCells = "small cells"
  /// A distributed antenna system: one distribution, each carrier's signal sources.
  case das = "DAS"
}

/// The money and energy of an offer.
public struct OfferCost: Sendable, Hashable {
  public let oneOffVND: Double
  public let yearlyVND: Double
  /// One-off plus the present value of the yearly costs over the horizon.
  public let lifetimeVND: Double
  public let energyKWhPerYear: Double
}

/// What an offer costs (every figure a scenario parameter; CostParameters documents them):
/// - the structure: a new build's cost by kind, once; on an existing structure, one
///   installation per tenant (one per shared radio);
/// - radio equipment per sector and power per sector; with a shared radio the first
///   carrier pays in full (unless it joins a radio already on the structure) and each extra
///   one pays the option's extra share;
/// - rent per tenant per month (one ground lease for a new build; one tenancy per shared
///   radio), O&M per station (one per shared radio), electricity;
/// - lifetime = one-off + yearly × the annuity factor of the discount rate and horizon.
enum CostModel {
  /// Present value of 1 VND a year for `horizonYears` at `discountRate` (ordinary annuity).
  static func annuityFactor(discountRate: Double, horizonYears: Int) -> Double {
    guard discountRate > 0 else { return Double(horizonYears) }
    return (1 - pow(1 + discountRate, -Double(horizonYears))) / discountRate
  }

  static func cost(site: CandidateSite, sectorCounts: [Int], option: SharingOption) -> OfferCost {
    let costs = option.costs
    let tenancies = option.sharesRadio ? 1 : sectorCounts.count
    let structureVND: Double
    if site.isNew {
      switch site.structure.kind {
      case .tower: structureVND = costs.newTowerVND
      case .rooftop: structureVND = costs.newRooftopVND
      case .pole: structureVND = costs.newPoleVND
      }
    } else {
      structureVND = costs.colocationInstallVND * Double(tenancies)
    }
    let extra = option.extraShares
    var radioSectors = 0.0
    var powerSectors = 0.0
    for (position, count) in sectorCounts.sorted(by: >).enumerated() {
      let full = !option.sharesRadio || (position == 0 && site.tenants.isEmpty)
      radioSectors += Double(count) * (full ? 1 : extra.radio)
      powerSectors += Double(count) * (full ? 1 : extra.power)
    }
    let oneOff = structureVND + radioSectors * costs.radioEquipmentPerSectorVND
    let energy = powerSectors * costs.powerPerSectorKW * 8_760
    let leases = site.isNew ? 1 : tenancies
    let yearly =
      site.structure.rentVNDPerMonth * 12 * Double(leases) + energy * costs.electricityVNDPerKWh
      + costs.operationsVNDPerSiteYear * Double(tenancies)
    let factor = annuityFactor(discountRate: costs.discountRate, horizonYears: costs.horizonYears)
    return OfferCost(
      oneOffVND: oneOff, yearlyVND: yearly, lifetimeVND: oneOff + yearly * factor, energyKWhPerYear: energy)
  }
}
