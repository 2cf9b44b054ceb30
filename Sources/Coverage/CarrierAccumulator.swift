import Scenario

/// Per-cell results of a carrier over all its layers.
struct CarrierAccumulator {
  /// Best service class any layer gives (index into `serviceClassesBestFirst`, the class count
  /// for none), outdoors and indoors. The best class of any layer is the class of the best
  /// rate of any layer: a class is a rate threshold.
  var bestOutdoorClass: [UInt16]
  var bestIndoorClass: [UInt16]
  /// The same indoors by one direction alone: the best downlink class and the best uplink
  /// class of any layer (each may come from a different layer than the combined class).
  var bestIndoorDownlinkClass: [UInt16]
  var bestIndoorUplinkClass: [UInt16]
  /// 1 where some layer meets the coverage target.
  var covered: [UInt8]
  /// 1 where some layer reaches the target's RSRP outdoors (no building loss).
  var coveredOutdoor: [UInt8]

  /// Nothing yet: the class of a rate of 0 (none, unless a class asks for 0 Mbit/s). Filled
  /// band by band on `threads` workers (`ParallelRows`; `columns`: cells per row), each array
  /// its own (a copy of one array would be made on the thread that first writes it).
  init(cellCount: Int, settings: CoverageSettings, columns: Int, threads: Int) {
    let classes = settings.serviceClassesBestFirst
    precondition(classes.count < Int(UInt16.max), "too many service classes")
    let none = UInt16(binIndex(0, thresholds: classes.map(\.minimumDownlinkMbps)))
    let columns = max(1, columns)
    let pass = ParallelRows(rows: (cellCount + columns - 1) / columns, threads: threads)
    func filled<Element: BitwiseCopyable>(_ value: Element) -> [Element] {
      [Element](count: cellCount) { cells in
        pass.forEachBand { _, rows in
          for cell in rows.lowerBound * columns..<min(cellCount, rows.upperBound * columns) { cells[cell] = value }
        }
      }
    }
    bestOutdoorClass = filled(none)
    bestIndoorClass = filled(none)
    bestIndoorDownlinkClass = filled(none)
    bestIndoorUplinkClass = filled(none)
    covered = filled(UInt8(0))
    coveredOutdoor = filled(UInt8(0))
  }

  /// Calls `body` with the arrays as slots that concurrent workers write, each cell by one
  /// worker only.
  mutating func withSlots<Result>(_ body: (CarrierSlots) -> Result) -> Result {
    bestOutdoorClass.withUnsafeMutableBufferPointer { outdoor in
      bestIndoorClass.withUnsafeMutableBufferPointer { indoor in
        bestIndoorDownlinkClass.withUnsafeMutableBufferPointer { downlink in
          bestIndoorUplinkClass.withUnsafeMutableBufferPointer { uplink in
            covered.withUnsafeMutableBufferPointer { covered in
              coveredOutdoor.withUnsafeMutableBufferPointer { coveredOutdoor in
                body(
                  CarrierSlots(
                    bestOutdoorClass: SharedSlots(outdoor), bestIndoorClass: SharedSlots(indoor),
                    bestIndoorDownlinkClass: SharedSlots(downlink), bestIndoorUplinkClass: SharedSlots(uplink),
                    covered: SharedSlots(covered), coveredOutdoor: SharedSlots(coveredOutdoor)))
              }
            }
          }
        }
      }
    }
  }
}

/// A `CarrierAccumulator`'s arrays for concurrent workers.
struct CarrierSlots: Sendable {
  let bestOutdoorClass: SharedSlots<UInt16>
  let bestIndoorClass: SharedSlots<UInt16>
  let bestIndoorDownlinkClass: SharedSlots<UInt16>
  let bestIndoorUplinkClass: SharedSlots<UInt16>
  let covered: SharedSlots<UInt8>
  let coveredOutdoor: SharedSlots<UInt8>
}
