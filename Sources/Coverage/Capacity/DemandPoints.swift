import Radio

/// A layer's demand points on one grid: the cells with users whose best RSRP behind the
/// building's loss reaches the service floor, in cell order, with their group, signal and
/// interference behind that loss; and the users left out — in cells no sector reaches, and
/// below the floor (per best server).
///
/// One pass over row bands on `threads` workers; the bands' points are joined in band order,
/// and the users left out are summed per band (below the floor: per run of cells with one
/// server) and the sums added in band order. The bands do not depend on the thread count
/// (`ParallelRows`), so neither does any figure.
struct DemandPoints {
  var group: [Int32] = []
  var signal: [Float] = []
  var interference: [Float] = []
  var users: [Double] = []
  /// Per kernel position: users of the cells it serves below the RSRP floor.
  var belowFloor: [Double]
  /// Users in cells no sector reaches, and of parcels too small to hold a cell centre.
  var unreached: Double

  init(
    field: LayerField, raster: ParcelRaster, groups: LoadGroups, context: LayerLoad.Context, sectorCount: Int,
    threads: Int
  ) {
    let grid = raster.grid
    let floor = context.scenario.coverage.capacity.floor.minimumRSRPDBm
    let pass = ParallelRows(rows: grid.rows, threads: threads)
    // The arrays the pass reads, taken once (not through `context` per cell).
    let parcelIndex = raster.parcelIndex
    let cellGroups = groups.cellGroup
    let groupSector = groups.groupSector
    let bestDBm = field.bestDBm
    let totalMilliwatts = field.totalMilliwatts
    let indoorLossDB = context.indoorLossDB
    let attenuations = context.sinr.attenuation
    let usersPerParcelCell = context.demand.usersPerParcelCell
    let servedLayers = context.demand.servedLayers
    let layerShareOfMask = context.demand.shareOfMask.map { $0[context.layerPosition] }
    var bands = [DemandBand](repeating: DemandBand(), count: pass.bandCount)
    bands.withUnsafeMutableBufferPointer { buffer in
      let slots = SharedSlots(buffer)
      pass.forEachBand { _, rows in
        var band = DemandBand()
        for cell in rows.lowerBound * grid.columns..<rows.upperBound * grid.columns {
          let parcel = Int(parcelIndex[cell])
          guard parcel >= 0 else { continue }
          // `DemandSplit.users(cell:parcel:layer:)`, with the layer's shares taken once.
          let users = usersPerParcelCell[parcel] * layerShareOfMask[Int(servedLayers[cell])]
          guard users > 0 else { continue }
          let cellGroup = cellGroups[cell]
          guard cellGroup >= 0 else {
            band.unreached += users
            continue
          }
          guard Double(bestDBm[cell]) - indoorLossDB[parcel] >= floor else {
            band.addBelowFloor(sector: groupSector[Int(cellGroup)], users: users)
            continue
          }
          let level = Units.milliwatts(fromDBm: Double(bestDBm[cell]))
          let attenuation = attenuations[parcel]
          band.group.append(cellGroup)
          band.signal.append(Float(level * attenuation))
          band.interference.append(Float(max(Double(totalMilliwatts[cell]) - level, 0) * attenuation))
          band.users.append(users)
        }
        slots[rows.lowerBound / ParallelRows.rowsPerBand] = band
      }
    }
    belowFloor = [Double](repeating: 0, count: sectorCount)
    unreached = context.demand.usersWithoutCells * context.demand.capacityShare[context.layerPosition]
    let count = bands.reduce(0) { $0 + $1.group.count }
    group.reserveCapacity(count)
    signal.reserveCapacity(count)
    interference.reserveCapacity(count)
    users.reserveCapacity(count)
    for position in bands.indices {
      // Each band released once joined: the bands and the joined arrays are not held twice.
      let band = bands[position]
      bands[position] = DemandBand()
      group.append(contentsOf: band.group)
      signal.append(contentsOf: band.signal)
      interference.append(contentsOf: band.interference)
      users.append(contentsOf: band.users)
      for run in band.belowFloor { belowFloor[Int(run.sector)] += run.users }
      unreached += band.unreached
    }
  }
}

/// One band's demand points in cell order, and its users left out: those below the floor as
/// runs of cells with one server (each run's sum), those no sector reaches as one sum.
private struct DemandBand {
  var group: [Int32] = []
  var signal: [Float] = []
  var interference: [Float] = []
  var users: [Double] = []
  var belowFloor: [(sector: Int32, users: Double)] = []
  var unreached = 0.0

  mutating func addBelowFloor(sector: Int32, users: Double) {
    if let last = belowFloor.indices.last, belowFloor[last].sector == sector {
      belowFloor[last].users += users
    } else {
      belowFloor.append((sector, users))
    }
  }
}
