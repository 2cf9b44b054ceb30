import Foundation

/// A TDD slot pattern and the time shares it gives each direction.
///
/// Slots are `D` (downlink), `U` (uplink) or `S` (special: downlink symbols, guard, uplink
/// symbols), as configured by tdd-UL-DL-ConfigurationCommon (TS 38.331, TS 38.213 §11.1).
/// Guard symbols carry nothing, so the two shares add up to less than one.
public struct TDDPattern: Sendable, Hashable {
  /// Slots of one period, e.g. "DDDSU".
  public let slots: String
  /// OFDM symbols of the special slot: downlink, guard, uplink (summing to 14).
  public let specialDownlinkSymbols: Int
  public let specialGuardSymbols: Int
  public let specialUplinkSymbols: Int

  /// A pattern, or nil when `slots` has a letter other than D, S, U or the special slot's
  /// symbols do not add up to 14.
  public init?(slots: String, specialDownlinkSymbols: Int, specialGuardSymbols: Int, specialUplinkSymbols: Int) {
    guard !slots.isEmpty, slots.allSatisfy({ "DSU".contains($0) }),
      specialDownlinkSymbols >= 0, specialGuardSymbols >= 0, specialUplinkSymbols >= 0,
      specialDownlinkSymbols + specialGuardSymbols + specialUplinkSymbols == 14
    else { return nil }
    self.init(
      checkedSlots: slots, downlink: specialDownlinkSymbols, guardPeriod: specialGuardSymbols,
      uplink: specialUplinkSymbols)
  }

  private init(checkedSlots slots: String, downlink: Int, guardPeriod: Int, uplink: Int) {
    self.slots = slots
    specialDownlinkSymbols = downlink
    specialGuardSymbols = guardPeriod
    specialUplinkSymbols = uplink
  }

  /// DDDSU with a 10:2:2 special slot: a common n78 (3.5 GHz) configuration [K]. It gives the
  /// 0.743 downlink share used by Cosite's NR layers (0.74) and a 0.229 uplink share.
  public static let dddsu = TDDPattern(checkedSlots: "DDDSU", downlink: 10, guardPeriod: 2, uplink: 2)

  /// Share of time carrying downlink: (D slots + special DL symbols / 14) / slots.
  public var downlinkShare: Double { share(full: "D", specialSymbols: specialDownlinkSymbols) }

  /// Share of time carrying uplink: (U slots + special UL symbols / 14) / slots.
  public var uplinkShare: Double { share(full: "U", specialSymbols: specialUplinkSymbols) }

  private func share(full: Character, specialSymbols: Int) -> Double {
    var symbols = 0
    for slot in slots {
      if slot == full { symbols += 14 } else if slot == "S" { symbols += specialSymbols }
    }
    return Double(symbols) / Double(14 * slots.count)
  }
}
