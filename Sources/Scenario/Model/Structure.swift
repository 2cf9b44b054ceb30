import Geo

/// The kind of passive structure antennas can be mounted on.
public enum StructureKind: String, Hashable, Sendable, CaseIterable {
  /// Greenfield lattice tower or monopole (typically 30–60 m).
  case tower
  /// Pole or mast on a building roof (3–6 m above the roof).
  case rooftop
  /// Street or lighting pole (small cells, ~8–15 m).
  case pole
}

/// An existing passive structure: tower, rooftop mast or pole.
public struct Structure: Hashable, Sendable {
  public let id: String
  public let kind: StructureKind
  public let positionLonLat: Coordinate
  /// Position in the scenario's metric CRS, metres.
  public let position: Coordinate
  /// Height of the top above ground, m.
  public let heightM: Double
  public let owner: String
  /// Antenna positions still free for new tenants.
  public let freeSlots: Int
  public let rentVNDPerMonth: Double
  /// Height of the building under a rooftop mast, m; nil when not given or not a rooftop.
  public let buildingHeightM: Double?
  /// Where a new tenant's antennas may be mounted, m above ground (the owner's height
  /// window); nil = anywhere from the ground to the top.
  public let mountWindowM: ClosedRange<Double>?
  /// Structural budget for new antennas (TIA-222 wind load, expressed as sectors the
  /// structure can still carry), shared by every new tenant; nil = only the slots limit.
  public let maxAddedSectors: Int?

  public init(
    id: String, kind: StructureKind, positionLonLat: Coordinate, position: Coordinate, heightM: Double,
    owner: String, freeSlots: Int, rentVNDPerMonth: Double, buildingHeightM: Double? = nil,
    mountWindowM: ClosedRange<Double>? = nil, maxAddedSectors: Int? = nil
  ) {
    self.id = id
    self.kind = kind
    self.positionLonLat = positionLonLat
    self.position = position
    self.heightM = heightM
    self.owner = owner
    self.freeSlots = freeSlots
    self.rentVNDPerMonth = rentVNDPerMonth
    self.buildingHeightM = buildingHeightM
    self.mountWindowM = mountWindowM
    self.maxAddedSectors = maxAddedSectors
  }

  /// Height of a rooftop mast above its roof, m; nil without a building height.
  public var mastHeightM: Double? { buildingHeightM.map { heightM - $0 } }

  /// Whether a rooftop mast is "non-bulky" under Joint Circular 15/2016 (no building permit):
  /// at most 3 m tall and at most 20 % of the building's height. nil when not a rooftop mast
  /// with a known building height. Heights come from decimal text, so a mast exactly at a
  /// limit counts as within it: 10.8 m on a 9 m building is 1.8000000000000007 m against
  /// 0.2 × 9 = 1.8000000000000003 in binary; 1 µm absorbs that rounding.
  public var isNonBulkyRooftopMast: Bool? {
    guard kind == .rooftop, let building = buildingHeightM, let mast = mastHeightM else { return nil }
    let roundingM = 1e-6
    return mast <= 3 + roundingM && mast <= 0.2 * building + roundingM
  }
}

/// One sector (cell) of a carrier's site on a structure.
public struct Sector: Hashable, Sendable {
  public let id: String
  public let carrierID: String
  public let layerID: String
  public let structureID: String
  public let azimuthDeg: Double
  public let mechanicalTiltDeg: Double
  public let electricalTiltDeg: Double
  public let antennaGainDBi: Double
  /// Planet/MSI pattern file, resolved to an absolute path; nil for the 3GPP parametric pattern.
  public let antennaPatternPath: String?
  /// Total transmit power of the sector over its bandwidth, dBm.
  public let powerDBm: Double
  /// Antenna centre height above ground, m.
  public let heightM: Double
  public let feederLossDB: Double
  /// The antenna model when no pattern file is given.
  public let antennaType: AntennaType
  /// Physical cell id (LTE 0–503, NR 0–1007) and channel number (EARFCN or NR-ARFCN), when
  /// the sites file gives them: how a drive test names the cell it measured.
  public var pci: Int? = nil
  public var channel: Int? = nil

  public init(
    id: String, carrierID: String, layerID: String, structureID: String, azimuthDeg: Double,
    mechanicalTiltDeg: Double, electricalTiltDeg: Double, antennaGainDBi: Double,
    antennaPatternPath: String?, powerDBm: Double, heightM: Double, feederLossDB: Double,
    antennaType: AntennaType = .parametric
  ) {
    self.antennaType = antennaType
    self.id = id
    self.carrierID = carrierID
    self.layerID = layerID
    self.structureID = structureID
    self.azimuthDeg = azimuthDeg
    self.mechanicalTiltDeg = mechanicalTiltDeg
    self.electricalTiltDeg = electricalTiltDeg
    self.antennaGainDBi = antennaGainDBi
    self.antennaPatternPath = antennaPatternPath
    self.powerDBm = powerDBm
    self.heightM = heightM
    self.feederLossDB = feederLossDB
  }
}

/// The modelled antenna of a sector without a pattern file.
public enum AntennaType: Hashable, Sendable {
  /// The 65°/10° parametric panel of TR 36.814 Table A.2.1.1-2 with the sector's gain.
  case parametric
  /// One TR 38.901 Table 7.3-1 element (65°/65°, 30 dB, 8 dBi).
  case element
  /// A vertical column of TR 38.901 elements (ITU-R M.2101 Annex 1 §5 array factor),
  /// steered down by the sector's electrical tilt.
  case column(elements: Int, spacingWavelengths: Double)

  /// The names a sites file uses.
  public static let names = ["parametric", "3gpp-element", "3gpp-column"]
  /// Elements and spacing of a column when the sites file gives none: the 10 × 1 column of
  /// the TR 38.901 §7.8 calibration (Table 7.8-1) at 0.5 λ, as the calibrating simulators
  /// (Sionna's Phase1Config, QuaDRiGa, NVIDIA Aerial) set it.
  public static let defaultColumnElements = 10
  public static let defaultColumnSpacingWavelengths = 0.5
}
