import Foundation
import Radio
import Scenario
import Testing

@testable import Coverage

/// Issue #14's regression: judged at the median (reliability 0.5) with one NLOS state, the
/// field and the figures are those of the median models whatever σ is; and with no spread at
/// all (σ = 0 outdoors and indoors) every reliability gives the median's figures.
@Suite struct MedianRegressionTests {
  static func fixture(_ propagation: Propagation, reliability: Double) -> FieldFixture {
    var fixture = FieldFixture()
    fixture.settings.propagation = propagation
    fixture.settings.target = CoverageTarget(
      rsrpDBm: -105, indoor: false, minimumShare: 0.95, reliability: reliability)
    return fixture
  }

  static func bits(_ propagation: Propagation, reliability: Double) -> [UInt32] {
    let fixture = fixture(propagation, reliability: reliability)
    let mast = fixture.structure("t1", row: 120, column: 150, offset: (3.3, -2.1))
    let sector = fixture.sector("s1", on: mast, azimuthDeg: 75, mechanicalTiltDeg: 3, electricalTiltDeg: 4)
    return fixture.field([(sector, mast)]).bestDBm.map(\.bitPattern)
  }

  @Test(arguments: [PathLossModel.umaNLOS, .cost231Hata, .ercegB])
  func medianFieldDoesNotDependOnSigma(model: PathLossModel) {
    let published = Self.bits(Propagation(model: model, lineOfSight: .nlos), reliability: 0.5)
    for sigma in [0.0, 6.0] {
      let given = Self.bits(Propagation(model: model, lineOfSight: .nlos, shadowSigmaDB: sigma), reliability: 0.5)
      #expect(given == published, "\(model) σ \(sigma)")
    }
    // And it is the model's median: FieldEngineTests compares it with Radio point by point;
    // here σ 6 at 0.9 must move it (else this test could not tell σ apart).
    let spread = Self.bits(Propagation(model: model, lineOfSight: .nlos, shadowSigmaDB: 6), reliability: 0.9)
    #expect(spread != published)
  }

  @Test(arguments: [0.1, 0.9, 0.99])
  func withoutSpreadEveryReliabilityIsTheMedian(reliability: Double) {
    let deterministic = Propagation(model: .umaNLOS, lineOfSight: .nlos, shadowSigmaDB: 0)
    #expect(Self.bits(deterministic, reliability: reliability) == Self.bits(deterministic, reliability: 0.5))
  }

  /// A world with outdoor, high-loss and metal-clad parcels in reach of three sectors.
  static func world(sigmaDB: Double?, o2iSigmaDB: Double?, reliability: Double) -> OneSiteWorld {
    var world = OneSiteWorld()
    world.settings.propagation = Propagation(model: .umaNLOS, lineOfSight: .nlos, shadowSigmaDB: sigmaDB)
    world.settings.target = CoverageTarget(rsrpDBm: -100, indoor: true, minimumShare: 0.9, reliability: reliability)
    world.buildingClasses = [
      BuildingClass(name: "outdoor", o2i: .none, extraLossDB: 0),
      BuildingClass(name: "high-loss", o2i: .highLoss, extraLossDB: 0, o2iSigmaDB: o2iSigmaDB),
      BuildingClass(name: "metal-clad", o2i: .highLoss, extraLossDB: 10, o2iSigmaDB: o2iSigmaDB),
    ]
    let classes = ["outdoor", "high-loss", "metal-clad"]
    for row in 0..<4 {
      for column in 0..<4 {
        world.squares.append(
          OneSiteWorld.Square(
            eastM: -800 + Double(column) * 400, northM: -800 + Double(row) * 400, sideM: 300,
            buildingClass: classes[(row + column) % 3]))
      }
    }
    world.sectors = [0.0, 120, 240].enumerated().map { OneSiteWorld.sector("s\($0.offset)", azimuthDeg: $0.element) }
    return world
  }

  /// Every per-parcel figure of a run, as comparable values.
  static func figures(_ world: OneSiteWorld) throws -> [[Int]] {
    let result = try CoverageRun.run(world.scenario(), threads: 2)
    let layers = result.layers.flatMap { [$0.rsrpOutdoor, $0.rsrpIndoor, $0.sinrOutdoor, $0.sinrIndoor] }
    let carriers = result.carriers.flatMap { [$0.serviceOutdoor, $0.serviceIndoor] }
    return (layers + carriers).map(\.counts) + result.carriers.map(\.coveredCells)
      + [result.carriers.map(\.gaps.count)]
  }

  @Test func medianFiguresDoNotDependOnSigmaOutdoorsOrIndoors() throws {
    let published = try Self.figures(Self.world(sigmaDB: nil, o2iSigmaDB: nil, reliability: 0.5))
    #expect(try Self.figures(Self.world(sigmaDB: 0, o2iSigmaDB: 0, reliability: 0.5)) == published)
    #expect(try Self.figures(Self.world(sigmaDB: 6, o2iSigmaDB: 9, reliability: 0.5)) == published)
    // The figures do respond to the reliability when there is a spread.
    #expect(try Self.figures(Self.world(sigmaDB: nil, o2iSigmaDB: nil, reliability: 0.9)) != published)
  }

  @Test func withoutSpreadNinetyPercentFiguresAreTheMedianOnes() throws {
    let median = try Self.figures(Self.world(sigmaDB: 0, o2iSigmaDB: 0, reliability: 0.5))
    #expect(try Self.figures(Self.world(sigmaDB: 0, o2iSigmaDB: 0, reliability: 0.9)) == median)
  }
}
