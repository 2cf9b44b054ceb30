import Geo

/// A building's floor plate inside its parcel, for laying out indoor nodes and mapping their
/// coverage.
///
/// A parcel holds its building and the yards, parking and setbacks around it; the scenario
/// gives only the share of the parcel the floor covers (`IndoorEnvironment.floorShare`). The
/// plate is the parcel set back by the same distance all round — GEOS's inward buffer (an
/// erosion by a disc: convex corners stay square, reflex ones round off) — until its area is
/// that share of the parcel's, found by bisection on the setback to 0.01 % of the area. A
/// rectangle W × H at share f is set back by d = ((W + H) − √((W + H)² − 4(1 − f)WH)) ÷ 4.
public enum FloorPlate {
  /// The plate of `outline` (metres) at `share` of its area; the outline itself at a share of
  /// 1 or where GEOS cannot buffer it.
  public static func plate(of outline: MultiPolygon, share: Double, engine: GeometryEngine) -> MultiPolygon {
    let parcelM2 = outline.area
    guard share < 0.9999, parcelM2 > 0 else { return outline }
    let targetM2 = parcelM2 * share
    // No setback reaches past the inscribed circle, whose radius is at most √(A ÷ π).
    var (low, high) = (0.0, (parcelM2 / Double.pi).squareRoot())
    var best = outline
    for _ in 0..<60 {
      let setbackM = (low + high) / 2
      guard let inset = try? engine.buffer(.multiPolygon(outline), distance: -setbackM) else { return outline }
      let areaM2 = inset.area
      if areaM2 >= targetM2 {
        low = setbackM
        best = inset
      } else {
        high = setbackM
      }
      if abs(areaM2 - targetM2) <= 1e-4 * targetM2 {
        return inset
      }
    }
    return best.isEmpty ? outline : best
  }
}
