/// Land-cover classes a calibration tunes on their own: each marked with its name
/// (`Propagation.landCoverClass`), so that its cells form a propagation class of their own and
/// take the layer's tuning for that class.
extension Dictionary where Key == Int32, Value == LandCoverClass {
  /// Marks the classes named `names` (nil: every class).
  mutating func markCalibrated(_ names: Set<String>?) {
    for (code, landCoverClass) in self where names?.contains(landCoverClass.name) ?? true {
      self[code] = landCoverClass.markedCalibrated
    }
  }
}

extension LandCoverClass {
  /// This class with its propagation marked as its own calibration class.
  var markedCalibrated: LandCoverClass {
    var propagation = self.propagation
    propagation.landCoverClass = name
    return LandCoverClass(name: name, propagation: propagation)
  }
}

extension ScenarioModel {
  /// This scenario with every land-cover class marked (`markCalibrated`): what `cosite
  /// calibrate` predicts with, to tell each cell's class whether or not a tuning names it —
  /// the losses are those of the scenario, whose marked classes are a subset.
  public func markingEveryLandCoverClass() -> ScenarioModel {
    guard let cover = landCover else { return self }
    var classes = cover.classes
    classes.markCalibrated(nil)
    var marked = LandCover(
      crs: cover.crs, columns: cover.columns, rows: cover.rows, originX: cover.originX, originY: cover.originY,
      cellSizeX: cover.cellSizeX, cellSizeY: cover.cellSizeY, codes: cover.codes, classes: classes)
    marked.sourceName = cover.sourceName
    var copy = self
    copy.landCover = marked
    copy.landCoverOfParcels = landCoverOfParcels.map { $0?.markedCalibrated }
    return copy
  }
}
