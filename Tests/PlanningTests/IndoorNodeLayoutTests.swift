import Foundation
import Geo
import Testing

@testable import Planning

/// Indoor node layouts on floor plates whose covering numbers are known by hand: lower bounds
/// from witness points no single disc can hold together (or from area: a disc of radius r
/// covers at most π·r²), upper bounds from explicit coverings worked in each comment.
@Suite struct IndoorNodeLayoutTests {
  /// A rectangle from (x, y) of w × h, rotated by `degrees` about the origin.
  static func rectangle(x: Double, y: Double, w: Double, h: Double, degrees: Double = 0) throws -> MultiPolygon {
    let (c, s) = (cos(degrees * Double.pi / 180), sin(degrees * Double.pi / 180))
    let corners = [(x, y), (x + w, y), (x + w, y + h), (x, y + h), (x, y)].map { px, py in
      Coordinate(x: px * c - py * s, y: px * s + py * c)
    }
    return MultiPolygon([Polygon(exterior: try LinearRing(corners))])
  }

  /// Every point of a 0.5 m grid over `inside` within `radiusM` of some node: the covering
  /// checked independently of the layout's own samples.
  static func covers(
    _ layout: IndoorNodeLayout, radiusM: Double, box: (Double, Double, Double, Double),
    inside: (Double, Double) -> Bool
  ) -> Bool {
    var x = box.0
    while x <= box.2 {
      var y = box.1
      while y <= box.3 {
        if inside(x, y) && !layout.nodes.contains(where: { hypot($0.x - x, $0.y - y) <= radiusM }) { return false }
        y += 0.5
      }
      x += 0.5
    }
    return true
  }

  /// A 200 × 10 m hall at r = 30 m. Its area asks for one node (2,000 m² ÷ (3√3/2 · 900) =
  /// 0.86). Lower bound 4: points on the centre line at 0, 61, 122 and 183 m lie 61 m > 2r
  /// apart, so no disc holds two. Upper bound 4: nodes at 25, 75, 125 and 175 m on the centre
  /// line reach every point — the farthest, a corner of a 50 m stretch, is √(25² + 5²) =
  /// 25.5 m away. The layout must find four, along the hall and turned 30° alike.
  @Test func aLongThinHallNeedsMoreThanItsArea() throws {
    for degrees in [0.0, 30.0] {
      let hall = try Self.rectangle(x: 0, y: 0, w: 200, h: 10, degrees: degrees)
      let layout = try #require(IndoorNodeLayout(covering: hall, radiusM: 30))
      #expect(layout.nodes.count == 4)
      let (c, s) = (cos(-degrees * Double.pi / 180), sin(-degrees * Double.pi / 180))
      let local = IndoorNodeLayout(
        nodes: layout.nodes.map { Coordinate(x: $0.x * c - $0.y * s, y: $0.x * s + $0.y * c) }, radiusM: 30)
      #expect(Self.covers(local, radiusM: 30, box: (0, 0, 200, 10)) { _, _ in true })
      #expect(local.nodes.allSatisfy { (0...200).contains($0.x) && (0...10).contains($0.y) })
    }
  }

  /// A 100 × 100 m floor at r = 75 m: a node at the centre reaches the corners, 70.7 m away.
  @Test func oneNodeWhereItReachesTheCorners() throws {
    let floor = try Self.rectangle(x: 0, y: 0, w: 100, h: 100)
    let layout = try #require(IndoorNodeLayout(covering: floor, radiusM: 75))
    #expect(layout.nodes.count == 1)
    #expect(Self.covers(layout, radiusM: 75, box: (0, 0, 100, 100)) { _, _ in true })
  }

  /// An L-shaped plate (a 120 × 40 m wing and a 40 × 80 m wing, 8,000 m²) at r = 25 m: every
  /// point covered (checked on its own 0.5 m grid), every node inside, and at least the area
  /// bound ⌈8,000 ÷ (π · 625)⌉ = 5 nodes.
  @Test func anLShapedPlateIsCoveredEverywhere() throws {
    let ring = try LinearRing(
      [(0, 0), (120, 0), (120, 40), (40, 40), (40, 120), (0, 120), (0, 0)].map { Coordinate(x: $0.0, y: $0.1) })
    let plate = MultiPolygon([Polygon(exterior: ring)])
    let layout = try #require(IndoorNodeLayout(covering: plate, radiusM: 25))
    let inside = { (x: Double, y: Double) in
      (0...120).contains(x) && (0...40).contains(y) || (0...40).contains(x) && (0...120).contains(y)
    }
    #expect(Self.covers(layout, radiusM: 25, box: (0, 0, 120, 120), inside: inside))
    #expect(layout.nodes.allSatisfy { inside($0.x, $0.y) })
    #expect(layout.nodes.count >= 5)
  }

  /// A 400 × 300 m hall at r = 40 m: at least ⌈120,000 ÷ (π · 1,600)⌉ = 24 nodes, and fewer
  /// than the square grid a planner would draw by hand — squares of side r√2 = 56.6 m, each
  /// with a node at its centre: ⌈400 ÷ 56.6⌉ × ⌈300 ÷ 56.6⌉ = 8 × 6 = 48.
  @Test func aLargeHallBeatsTheSquareGrid() throws {
    let hall = try Self.rectangle(x: 0, y: 0, w: 400, h: 300)
    let layout = try #require(IndoorNodeLayout(covering: hall, radiusM: 40))
    #expect((24..<48).contains(layout.nodes.count))
    #expect(Self.covers(layout, radiusM: 40, box: (0, 0, 400, 300)) { _, _ in true })
  }

  /// More nodes for the busy hour: the layout keeps its nodes and adds the rest inside, the
  /// plate still covered.
  @Test func extendingAddsNodesInside() throws {
    let hall = try Self.rectangle(x: 0, y: 0, w: 200, h: 10)
    let layout = try #require(IndoorNodeLayout(covering: hall, radiusM: 30))
    let more = layout.extended(to: 7, in: hall)
    #expect(more.nodes.count == 7 && Array(more.nodes.prefix(4)) == layout.nodes)
    #expect(more.nodes.allSatisfy { (0...200).contains($0.x) && (0...10).contains($0.y) })
    #expect(Set(more.nodes).count == 7)
  }

  /// The floor plate of a 100 × 60 m parcel at a share of 0.6: set back d all round,
  /// (100 − 2d)(60 − 2d) = 3,600 → d² − 80d + 600 = 0 → d = (80 − √4,000) ÷ 2 = 8.3772 m,
  /// an 83.246 × 43.246 m rectangle.
  @Test func thePlateIsTheParcelSetBack() throws {
    let parcel = try Self.rectangle(x: 1_000, y: 2_000, w: 100, h: 60)
    let plate = FloorPlate.plate(of: parcel, share: 0.6, engine: GeometryEngine())
    let bounds = try #require(plate.bounds)
    let d = (80 - 4_000.0.squareRoot()) / 2
    #expect(abs(bounds.min.x - (1_000 + d)) < 0.01 && abs(bounds.max.x - (1_100 - d)) < 0.01)
    #expect(abs(bounds.min.y - (2_000 + d)) < 0.01 && abs(bounds.max.y - (2_060 - d)) < 0.01)
    #expect(abs(plate.area - 3_600) < 0.5)
    #expect(FloorPlate.plate(of: parcel, share: 1, engine: GeometryEngine()) == parcel)
  }
}
