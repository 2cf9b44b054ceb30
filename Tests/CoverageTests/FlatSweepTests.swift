import Foundation
import Radio
import Scenario
import TestSupport
import Testing

@testable import Coverage

/// The flat path's back cone: the columns it skips per row are those a brute-force test of
/// every cell centre finds in the cone, and skipping them changes no cell's value.
@Suite struct FlatSweepTests {
  /// An attenuation without a back cone: every cell takes the full path.
  struct WithoutCone<Inner: Attenuation>: Attenuation {
    let inner: Inner
    var backCone: BackCone? { nil }
    func stage(right: Float, forward: Float, up: Float) -> (Float, Float) {
      inner.stage(right: right, forward: forward, up: up)
    }
    func attenuationDB(stage: (Float, Float)) -> Float { inner.attenuationDB(stage: stage) }
  }

  static func kernels(_ fixture: FieldFixture, seed: UInt64) -> [SectorKernel] {
    var generator = SplitMix(seed: seed)
    var builder = KernelBuilder(
      settings: fixture.settings, propagations: [fixture.settings.propagation], grid: fixture.grid, patterns: [:])
    return (0..<8).map { index in
      let mast = fixture.structure(
        "t\(index)", row: Int(generator.next() % 240), column: Int(generator.next() % 300), offset: (0.7, -3.1))
      let sector = fixture.sector(
        "s\(index)", on: mast, azimuthDeg: Double(generator.next() % 3600) / 10,
        mechanicalTiltDeg: Double(generator.next() % 100) / 10, heightM: 20 + Double(generator.next() % 30))
      return builder.kernel(
        sectorIndex: index, sector: sector, structure: mast, layer: fixture.layer, numerology: fixture.layer.numerology!
      )
    }
  }

  @Test func coneColumnsAreTheCellsInTheCone() throws {
    let fixture = FieldFixture()
    var inCone = 0
    for kernel in Self.kernels(fixture, seed: 31) {
      let cone = try #require(Self.parametric(kernel).backCone)
      let geometry = FlatGeometry(kernel)
      for row in stride(from: -400, to: 400, by: 7) {
        let dy = (Double(row) + 0.5) * 10 - kernel.y
        let columns = geometry.columns(inCone: cone, dy: dy, kernelX: kernel.x, resolution: 10)
        for column in -600..<600 {
          // The cone's test on the cell centre, in Double from the engine's Float frame.
          let dx = (Double(column) + 0.5) * 10 - kernel.x
          let horizontal = dx * Double(kernel.sinAzimuth) + dy * Double(kernel.cosAzimuth)
          let right = dx * Double(kernel.cosAzimuth) - dy * Double(kernel.sinAzimuth)
          let forward = horizontal * Double(kernel.cosTilt) - Double(kernel.heightDifferenceM * kernel.sinTilt)
          let margin = -forward * cone.tangent - abs(right)
          // Centres within a micrometre of the cone's edge may fall either way.
          guard abs(margin) > 1e-6 else { continue }
          if margin > 0 { inCone += 1 }
          #expect(
            (columns?.contains(column) ?? false) == (margin > 0),
            "row \(row) column \(column): \(String(describing: columns)), margin \(margin)")
        }
      }
    }
    #expect(inCone > 10_000)
  }

  static func parametric(_ kernel: SectorKernel) -> ParametricAttenuation {
    guard case .parametric(let h, let v, let maxDB, let sideLobe, let tilt) = kernel.antenna else {
      preconditionFailure("the fixture's sectors have the parametric pattern")
    }
    return ParametricAttenuation(
      horizontal3dBDeg: h, vertical3dBDeg: v, maxDB: maxDB, sideLobeDB: sideLobe, tiltDeg: tilt)
  }

  /// The field of `kernels` over the fixture's grid, tile by tile, through the flat sweep
  /// with `attenuation` of each kernel.
  static func field<A: Attenuation>(
    _ fixture: FieldFixture, _ kernels: [SectorKernel], attenuation: (SectorKernel) -> A
  ) -> (field: LayerField, evaluations: Int) {
    let tables = PinnedLossTables(kernels)
    defer { tables.deallocate() }
    let grid = fixture.grid
    var field = LayerField(cellCount: grid.cellCount)
    let classes = [UInt8](repeating: 0, count: grid.cellCount)
    var evaluations = 0
    let unused = UnsafeMutablePointer<Int>.allocate(capacity: 1)
    defer { unused.deallocate() }
    field.bestDBm.withUnsafeMutableBufferPointer { best in
      field.server.withUnsafeMutableBufferPointer { server in
        field.totalMilliwatts.withUnsafeMutableBufferPointer { total in
          classes.withUnsafeBufferPointer { classBuffer in
            let output = FieldEngine.Output(
              best: best.baseAddress!, server: server.baseAddress!, total: total.baseAddress!,
              classes: classBuffer.baseAddress!, evaluations: unused)
            for (index, kernel) in kernels.enumerated() {
              let loss = SingleClassLoss(pairs: tables.byKernel[index].pairs, count: tables.byKernel[index].stride)
              for rows in stride(from: 0, to: grid.rows, by: FieldEngine.tileSize) {
                for columns in stride(from: 0, to: grid.columns, by: FieldEngine.tileSize) {
                  let area = TileArea(
                    rows: rows..<min(rows + FieldEngine.tileSize, grid.rows),
                    columns: columns..<min(columns + FieldEngine.tileSize, grid.columns), resolution: 10,
                    columnsInGrid: grid.columns)
                  evaluations += FieldEngine.sweepFlat(kernel, attenuation(kernel), loss, area, output)
                }
              }
            }
          }
        }
      }
    }
    return (field, evaluations)
  }

  @Test func skippingTheConeChangesNoCell() {
    let fixture = FieldFixture()
    let kernels = Self.kernels(fixture, seed: 32)
    let fast = Self.field(fixture, kernels) { Self.parametric($0) }
    let full = Self.field(fixture, kernels) { WithoutCone(inner: Self.parametric($0)) }
    #expect(fast.evaluations == full.evaluations && fast.evaluations > 100_000)
    #expect(fast.field.bestDBm.map(\.bitPattern) == full.field.bestDBm.map(\.bitPattern))
    #expect(fast.field.server == full.field.server)
    #expect(fast.field.totalMilliwatts.map(\.bitPattern) == full.field.totalMilliwatts.map(\.bitPattern))
  }
}
