/// Shares of area, workers and demand, one per bin (they add up to 1 when there is any).
public struct WeightedShares: Sendable, Hashable {
  public let area: [Double]
  public let workers: [Double]
  public let demand: [Double]
}

/// Parcel and zone figures from a coverage result. Workers and demand are spread evenly
/// over each parcel's area, so a parcel's worker share equals its area share; zones
/// weight their parcels by cells (area), workers or demand. Parcels smaller than a cell
/// (no cell centre inside) have no figures and are left out of every share.
extension CoverageResult {
  /// Share of the parcel's cells in each bin; nil when the parcel has no cells.
  public func shares(_ histogram: ParcelHistogram, parcel: Int) -> [Double]? {
    let cells = parcelCells[parcel]
    guard cells > 0 else { return nil }
    return (0..<histogram.binCount).map { Double(histogram.count(parcel: parcel, bin: $0)) / Double(cells) }
  }

  /// Indices of the parcels of zone `zone`.
  public func parcels(inZone zone: Int) -> [Int] {
    zoneOfParcel.indices.filter { zoneOfParcel[$0] == zone }
  }

  /// Zone shares per bin, weighted by area, workers and demand.
  public func shares(_ histogram: ParcelHistogram, zone: Int) -> WeightedShares {
    var area = [Double](repeating: 0, count: histogram.binCount)
    var workers = area
    var demand = area
    var totals = (cells: 0.0, workers: 0.0, demand: 0.0)
    for parcel in parcels(inZone: zone) {
      guard let parcelShares = shares(histogram, parcel: parcel) else { continue }
      let cells = Double(parcelCells[parcel])
      totals.cells += cells
      totals.workers += self.parcels[parcel].workers
      totals.demand += self.parcels[parcel].demand
      for bin in 0..<histogram.binCount {
        area[bin] += parcelShares[bin] * cells
        workers[bin] += parcelShares[bin] * self.parcels[parcel].workers
        demand[bin] += parcelShares[bin] * self.parcels[parcel].demand
      }
    }
    func normalised(_ values: [Double], _ total: Double) -> [Double] { values.map { total > 0 ? $0 / total : 0 } }
    return WeightedShares(
      area: normalised(area, totals.cells), workers: normalised(workers, totals.workers),
      demand: normalised(demand, totals.demand))
  }

  /// Share of the parcel's area meeting the coverage target; nil without cells.
  public func coveredShare(_ carrier: CarrierCoverage, parcel: Int) -> Double? {
    let cells = parcelCells[parcel]
    return cells > 0 ? Double(carrier.coveredCells[parcel]) / Double(cells) : nil
  }

  /// Whether the parcel misses the target share (false for parcels without cells).
  public func missesTarget(_ carrier: CarrierCoverage, parcel: Int) -> Bool {
    guard let share = coveredShare(carrier, parcel: parcel) else { return false }
    return share < settings.target.minimumShare
  }

  /// Share of the zone meeting the target, by area, workers and demand (as one bin).
  public func coveredShare(_ carrier: CarrierCoverage, zone: Int) -> (area: Double, workers: Double, demand: Double) {
    var covered = (cells: 0.0, workers: 0.0, demand: 0.0)
    var totals = (cells: 0.0, workers: 0.0, demand: 0.0)
    for parcel in parcels(inZone: zone) {
      guard let share = coveredShare(carrier, parcel: parcel) else { continue }
      let (cells, workers, demand) = (Double(parcelCells[parcel]), parcels[parcel].workers, parcels[parcel].demand)
      covered = (covered.cells + share * cells, covered.workers + share * workers, covered.demand + share * demand)
      totals = (totals.cells + cells, totals.workers + workers, totals.demand + demand)
    }
    return (
      totals.cells > 0 ? covered.cells / totals.cells : 0, totals.workers > 0 ? covered.workers / totals.workers : 0,
      totals.demand > 0 ? covered.demand / totals.demand : 0
    )
  }
}
