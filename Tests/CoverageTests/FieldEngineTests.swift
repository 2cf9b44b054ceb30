import Foundation
import Geo
import Radio
import Scenario
import TestSupport
import Testing

@testable import Coverage

@Suite struct FieldEngineTests {
  /// Sample cells: near the mast, on and off boresight, behind, at the grid's corners.
  static let cells = [
    (120, 150), (121, 151), (130, 160), (100, 220), (200, 40), (5, 5), (239, 299), (120, 10), (60, 155),
  ]

  @Test(arguments: [
    Propagation(model: .umaNLOS), Propagation(model: .umaLOS), Propagation(model: .rmaLOS),
    Propagation(model: .cost231Hata, environment: .suburban), Propagation(model: .freeSpace),
  ])
  func fieldEqualsRadioPointComputation(propagation: Propagation) {
    var fixture = FieldFixture()
    fixture.settings.propagation = propagation
    let mast = fixture.structure("t1", row: 120, column: 150, offset: (3.3, -2.1))
    let sector = fixture.sector("s1", on: mast, azimuthDeg: 75, mechanicalTiltDeg: 3, electricalTiltDeg: 4)
    let field = fixture.field([(sector, mast)])
    for (row, column) in Self.cells {
      let expected = fixture.referenceRSRP(sector, on: mast, row: row, column: column)
      let got = Double(field.bestDBm[row * fixture.grid.columns + column])
      #expect(abs(got - expected) < 0.01, "\(propagation.model) cell (\(row), \(column)): \(got) vs \(expected)")
    }
  }

  @Test func patternFileSectorEqualsRadioPointComputation() throws {
    var fixture = FieldFixture()
    let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .appendingPathComponent("../../geodata/antennas/panel-65deg-17dbi-1800.msi").standardizedFileURL.path
    fixture.patterns[path] = try MSIPattern(text: String(contentsOfFile: path, encoding: .utf8))
    let mast = fixture.structure("t1", row: 120, column: 150, offset: (-4, 1.5))
    let sector = fixture.sector("s1", on: mast, azimuthDeg: 200, mechanicalTiltDeg: 2, pattern: path)
    let field = fixture.field([(sector, mast)])
    for (row, column) in Self.cells {
      let expected = fixture.referenceRSRP(sector, on: mast, row: row, column: column)
      let got = Double(field.bestDBm[row * fixture.grid.columns + column])
      #expect(abs(got - expected) < 0.01, "cell (\(row), \(column)): \(got) vs \(expected)")
    }
  }

  @Test func omnidirectionalPatternFileSectorEqualsRadioPointComputation() throws {
    var fixture = FieldFixture()
    let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .appendingPathComponent("../../geodata/antennas/panel-65deg-17dbi-1800.msi").standardizedFileURL.path
    let panel = try MSIPattern(text: String(contentsOfFile: path, encoding: .utf8))
    fixture.patterns["omni"] = MSIPattern(
      name: "omni", frequencyMHz: 1800, peakGainDBi: 8, horizontalDB: .init(repeating: 0, count: 360),
      verticalDB: panel.verticalDB)
    let mast = fixture.structure("t1", row: 120, column: 150, offset: (2.5, -3.5))
    let sector = fixture.sector("s1", on: mast, azimuthDeg: 30, mechanicalTiltDeg: 3, pattern: "omni")
    let field = fixture.field([(sector, mast)])
    for (row, column) in Self.cells {
      let expected = fixture.referenceRSRP(sector, on: mast, row: row, column: column)
      let got = Double(field.bestDBm[row * fixture.grid.columns + column])
      #expect(abs(got - expected) < 0.01, "cell (\(row), \(column)): \(got) vs \(expected)")
    }
  }

  /// The same sectors over a grid shifted by 45 columns and 13 rows (10 m steps, so every
  /// offset stays exact): tiles and vector loops' leftover cells fall elsewhere, cells keep
  /// their values.
  @Test func cellsKeepTheirValuesWhereverTheTilesFall() {
    var fixture = FieldFixture()
    fixture.grid = CoverageGrid(originX: 500_000, originY: 2_300_000, resolutionM: 10, columns: 301, rows: 250)
    var sectors: [(Sector, Structure)] = []
    var generator = SplitMix(seed: 17)
    for index in 0..<6 {
      let mast = fixture.structure(
        "t\(index)", row: Int(generator.next() % 250), column: Int(generator.next() % 301), offset: (1.7, -4.2))
      sectors.append((fixture.sector("s\(index)", on: mast, azimuthDeg: Double(generator.next() % 360)), mast))
    }
    let whole = fixture.field(sectors)
    var shifted = fixture
    shifted.grid = CoverageGrid(originX: 500_450, originY: 2_300_130, resolutionM: 10, columns: 203, rows: 200)
    let part = shifted.field(sectors)
    var differing: [Int] = []
    for row in 0..<200 {
      for column in 0..<203 {
        let inPart = row * 203 + column
        let inWhole = (row + 13) * 301 + column + 45
        if part.bestDBm[inPart].bitPattern != whole.bestDBm[inWhole].bitPattern
          || part.server[inPart] != whole.server[inWhole]
          || part.totalMilliwatts[inPart].bitPattern != whole.totalMilliwatts[inWhole].bitPattern
        {
          differing.append(inPart)
        }
      }
    }
    #expect(differing.isEmpty, "\(differing.count) cells differ, first \(differing.prefix(5))")
    #expect(part.bestDBm.allSatisfy { $0 > -200 }, "every cell of the part is within some sector's reach")
  }

  @Test func bestServerAndTotalPowerFollowTheSectors() {
    let fixture = FieldFixture()
    let west = fixture.structure("w", row: 120, column: 60)
    let east = fixture.structure("e", row: 120, column: 240)
    let sectors = [
      (fixture.sector("w1", on: west, azimuthDeg: 90), west), (fixture.sector("e1", on: east, azimuthDeg: 270), east),
    ]
    let field = fixture.field(sectors)
    for (row, column) in Self.cells {
      let cell = row * fixture.grid.columns + column
      let powers = sectors.map { fixture.referenceRSRP($0.0, on: $0.1, row: row, column: column) }
      let best = powers.max()!
      #expect(field.server[cell] == Int32(powers.firstIndex(of: best)!))
      #expect(abs(Double(field.bestDBm[cell]) - best) < 0.01)
      let total = powers.map { Units.milliwatts(fromDBm: $0) }.reduce(0, +)
      #expect(abs(10 * log10(Double(field.totalMilliwatts[cell])) - 10 * log10(total)) < 0.01)
    }
  }

  @Test func zonesWithTheirOwnModelUseIt() {
    let fixture = FieldFixture()
    let mast = fixture.structure("t1", row: 120, column: 150)
    let sector = fixture.sector("s1", on: mast, azimuthDeg: 0)
    // The northern half of the grid is class 1 (UMi NLOS), the rest class 0 (UMa NLOS).
    let propagations = [Propagation(model: .umaNLOS), Propagation(model: .umiNLOS)]
    let classes = (0..<fixture.grid.cellCount).map { UInt8($0 / fixture.grid.columns >= 120 ? 1 : 0) }
    let field = fixture.field([(sector, mast)], propagations: propagations, classes: classes)
    for (row, column) in Self.cells {
      let propagation = propagations[row >= 120 ? 1 : 0]
      let expected = fixture.referenceRSRP(sector, on: mast, row: row, column: column, propagation: propagation)
      #expect(abs(Double(field.bestDBm[row * fixture.grid.columns + column]) - expected) < 0.01)
    }
  }

  @Test func resultsDoNotDependOnTheThreadCount() {
    var fixture = FieldFixture()
    fixture.grid = CoverageGrid(originX: 0, originY: 0, resolutionM: 10, columns: 400, rows: 300)
    var sectors: [(Sector, Structure)] = []
    var generator = SplitMix(seed: 11)
    for index in 0..<12 {
      let mast = fixture.structure(
        "t\(index)", row: Int(generator.next() % 300), column: Int(generator.next() % 400))
      sectors.append((fixture.sector("s\(index)", on: mast, azimuthDeg: Double(generator.next() % 360)), mast))
    }
    let one = fixture.field(sectors, threads: 1)
    let many = fixture.field(sectors, threads: 7)
    #expect(one.bestDBm.map(\.bitPattern) == many.bestDBm.map(\.bitPattern))
    #expect(one.server == many.server)
    #expect(one.totalMilliwatts.map(\.bitPattern) == many.totalMilliwatts.map(\.bitPattern))
    #expect(one.evaluations == many.evaluations)
  }
}
