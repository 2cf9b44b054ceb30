import Foundation
import Radio
import Scenario
import TestSupport
import Testing

@testable import Coverage

/// The flat path's loss lookup (pinned (loss, slope) pairs, one or one per propagation
/// class) against the scalar `DistanceLossTable.lookup` on the table's own nodes: the same
/// Float value, bit for bit, from 1 m to beyond the table's end.
@Suite struct CellLossTests {
  static func table(_ model: PathLossModel, maxLossDB: Double) -> DistanceLossTable {
    DistanceLossTable(
      propagation: Propagation(model: model), reliability: 0.9, frequencyMHz: 1815, bsHeightM: 35, ueHeightM: 1.5,
      maxLossDB: maxLossDB, maxDistanceM: 20_000)
  }

  /// Squared distances: 1 m², table nodes themselves, and random distances to 9 km.
  static func squaredDistances(_ generator: inout SplitMix) -> [Float] {
    let distance = Float(generator.next() % 9_000_000) / 1000 + 1
    let node = Float(bitPattern: DistanceLossTable.baseBits + UInt32(generator.next() % 6000) << 15)
    return [1, node, distance * distance]
  }

  @Test func oneTableEqualsTheScalarLookup() {
    let table = Self.table(.umaNLOS, maxLossDB: 150)
    let pinned = PinnedLossTables(lossesByKernel: [[table.lossDB]])
    defer { pinned.deallocate() }
    let loss = SingleClassLoss(pairs: pinned.byKernel[0].pairs, count: pinned.byKernel[0].stride)
    var generator = SplitMix(seed: 7)
    table.lossDB.withUnsafeBufferPointer { nodes in
      for _ in 0..<5000 {
        for squared in Self.squaredDistances(&generator) {
          let got = loss.lossDB(squaredM2: squared, cell: 0)
          let expected = DistanceLossTable.lookup(nodes, squaredM2: squared)
          #expect(got.bitPattern == expected.bitPattern, "d² = \(squared) m²: \(got) vs \(expected)")
        }
      }
    }
  }

  @Test func classTablesOfDifferentLengthsEqualTheScalarLookup() {
    // UMi NLOS reaches its end sooner than UMa LOS: the shorter table is padded.
    let tables = [Self.table(.umaLOS, maxLossDB: 140), Self.table(.umiNLOS, maxLossDB: 125)]
    #expect(tables[0].lossDB.count != tables[1].lossDB.count)
    let pinned = PinnedLossTables(lossesByKernel: [tables.map(\.lossDB)])
    defer { pinned.deallocate() }
    var generator = SplitMix(seed: 9)
    let classes = (0..<3000).map { _ in UInt8(generator.next() % 2) }
    classes.withUnsafeBufferPointer { classBuffer in
      let loss = ClassLoss(
        pairs: pinned.byKernel[0].pairs, stride: pinned.byKernel[0].stride, classes: classBuffer.baseAddress!)
      for cell in 0..<classes.count {
        for squared in Self.squaredDistances(&generator) {
          let got = loss.lossDB(squaredM2: squared, cell: cell)
          let expected = tables[Int(classes[cell])].lossDB.withUnsafeBufferPointer {
            DistanceLossTable.lookup($0, squaredM2: squared)
          }
          #expect(got.bitPattern == expected.bitPattern, "class \(classes[cell]), d² \(squared): \(got) vs \(expected)")
        }
      }
    }
  }

  @Test func kernelsWithEqualTablesShareOneCopy() {
    let uma = Self.table(.umaNLOS, maxLossDB: 150).lossDB
    let umi = Self.table(.umiNLOS, maxLossDB: 150).lossDB
    let pinned = PinnedLossTables(lossesByKernel: [[uma], [umi], [uma]])
    defer { pinned.deallocate() }
    #expect(pinned.byKernel[0].pairs == pinned.byKernel[2].pairs)
    #expect(pinned.byKernel[0].pairs != pinned.byKernel[1].pairs)
  }
}
