/// Workers by busy-hour service class across carriers, cell by cell: the figure `cosite
/// compare` puts beside each option's coverage.
extension CoverageResult {
  /// Workers indoors whose cell gets at least the service class `classIndex` (0 = the best
  /// class of `CoverageSettings.serviceClassesBestFirst`) from every carrier of
  /// `carriers` (indices in this result's carrier order) at once.
  ///
  /// A parcel's workers are spread evenly over its cells, as everywhere else: each parcel
  /// adds workers × (its cells meeting the class for every carrier ÷ its cells). For one
  /// carrier this is the share of workers in the classes up to `classIndex` of its
  /// `serviceIndoor` histogram times all workers; a parcel counted for every carrier is
  /// counted for each, so no one is counted twice.
  ///
  /// `better` gives cells a class from elsewhere (a plan's indoor systems): per carrier of
  /// `carriers`' kind (an index in this result), per map, cell → class; a cell takes the better
  /// of its own and that.
  public func workersIndoors(
    atLeastClass classIndex: Int, everyOf carriers: [Int], better: [Int: [Int: [Int: UInt16]]] = [:]
  ) -> Double {
    guard !carriers.isEmpty else { return 0 }
    var meeting = [Int](repeating: 0, count: parcels.count)
    for (mapIndex, map) in cellMaps.enumerated() {
      let classes = carriers.map { carrier in
        var own = map.indoorClassByCarrier[carrier]
        for (cell, value) in better[carrier]?[mapIndex] ?? [:] { own[cell] = min(own[cell], value) }
        return own
      }
      for (cell, parcel) in map.parcelIndex.enumerated() where parcel >= 0 {
        if classes.allSatisfy({ Int($0[cell]) <= classIndex }) { meeting[Int(parcel)] += 1 }
      }
    }
    var workers = 0.0
    for (index, parcel) in parcels.enumerated() where parcelCells[index] > 0 {
      workers += parcel.workers * Double(meeting[index]) / Double(parcelCells[index])
    }
    return workers
  }
}
