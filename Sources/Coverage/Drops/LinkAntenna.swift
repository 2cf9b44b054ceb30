import Radio
import Scenario

/// A sector's antenna in Double precision, for single links (the drop mode): the same
/// models as the field engine's kernels (`SectorKernel.antenna`).
enum LinkAntenna {
  case parametric(SectorAntenna)
  case pattern(MSIPattern)
  case element(AntennaElement)
  case column(ColumnArray)

  init(_ sector: Sector, patterns: [String: MSIPattern]) {
    if let path = sector.antennaPatternPath, let pattern = patterns[path] {
      self = .pattern(pattern)
      return
    }
    switch sector.antennaType {
    case .parametric: self = .parametric(SectorKernel.referenceAntenna(for: sector))
    case .element: self = .element(.tr38901)
    case .column(let elements, let spacing):
      self = .column(
        ColumnArray(
          element: .tr38901, elementCount: elements, spacingWavelengths: spacing,
          electricalTiltDeg: sector.electricalTiltDeg))
    }
  }

  func gainDBi(_ angles: AntennaAngles) -> Double {
    switch self {
    case .parametric(let antenna): return antenna.gainDBi(angles)
    case .pattern(let pattern): return pattern.peakGainDBi - pattern.attenuationDB(angles)
    case .element(let element): return element.maxGainDBi - element.attenuationDB(angles)
    case .column(let column): return column.gainDBi(angles)
    }
  }
}
