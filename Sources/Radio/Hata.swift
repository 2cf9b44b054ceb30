import Foundation

/// The Okumura–Hata and COST-231–Hata empirical models (median loss, distance in km).
public enum Hata {
  /// Mobile antenna correction a(h_m), dB.
  ///
  /// Hata, "Empirical formula for propagation loss in land mobile radio services",
  /// IEEE Trans. VT-29(3), 1980, eq. (4) small/medium city, (5) large city (f ≤ 200 MHz
  /// and f ≥ 400 MHz; split here at 300 MHz).
  public static func mobileCorrectionDB(frequencyMHz f: Double, ueHeightM hm: Double, largeCity: Bool) -> Double {
    guard largeCity else { return (1.1 * log10(f) - 0.7) * hm - (1.56 * log10(f) - 0.8) }
    if f <= 300 {
      let term = log10(1.54 * hm)
      return 8.29 * term * term - 1.1
    }
    let term = log10(11.75 * hm)
    return 3.2 * term * term - 4.97
  }

  /// Okumura–Hata, Hata 1980 eq. (3) urban, (6) suburban, (7) open area.
  /// Valid for 150–1500 MHz, h_b 30–200 m, h_m 1–10 m, d 1–20 km.
  public static func okumuraHata(_ link: LinkGeometry, environment: Environment) -> PathLoss {
    let f = link.frequencyMHz
    let hb = link.bsHeightM
    let d = max(link.distance2DM, 1) / 1000
    let a = mobileCorrectionDB(frequencyMHz: f, ueHeightM: link.ueHeightM, largeCity: environment == .urbanLargeCity)
    let urban = 69.55 + 26.16 * log10(f) - 13.82 * log10(hb) - a + (44.9 - 6.55 * log10(hb)) * log10(d)
    let loss = urban + areaCorrectionDB(frequencyMHz: f, environment: environment)
    return PathLoss(lossDB: loss, outsideValidity: validity(link, frequencyMHz: 150...1500))
  }

  /// COST-231–Hata (COST Action 231 final report, 1999, §4.4.1):
  /// L = 46.3 + 33.9 log f − 13.82 log h_b − a(h_m) + (44.9 − 6.55 log h_b) log d + C_m,
  /// C_m = 3 dB in metropolitan centres, 0 dB in medium cities and suburban centres.
  /// Valid for 1500–2000 MHz (often used to 2600 MHz: flagged), h_b 30–200 m, h_m 1–10 m,
  /// d 1–20 km. COST 231 defines no open-area variant: `rural-open` applies Hata's
  /// open-area correction (eq. 7), a common extension.
  public static func cost231(_ link: LinkGeometry, environment: Environment) -> PathLoss {
    let f = link.frequencyMHz
    let hb = link.bsHeightM
    let d = max(link.distance2DM, 1) / 1000
    let largeCity = environment == .urbanLargeCity
    let a = mobileCorrectionDB(frequencyMHz: f, ueHeightM: link.ueHeightM, largeCity: largeCity)
    let cm = largeCity ? 3.0 : 0.0
    var loss = 46.3 + 33.9 * log10(f) - 13.82 * log10(hb) - a + (44.9 - 6.55 * log10(hb)) * log10(d) + cm
    if environment == .ruralOpen { loss += areaCorrectionDB(frequencyMHz: f, environment: .ruralOpen) }
    return PathLoss(lossDB: loss, outsideValidity: validity(link, frequencyMHz: 1500...2000))
  }

  /// Hata 1980 eq. (6) suburban and (7) open-area corrections to the urban loss.
  static func areaCorrectionDB(frequencyMHz f: Double, environment: Environment) -> Double {
    switch environment {
    case .urban, .urbanLargeCity: return 0
    case .suburban:
      let term = log10(f / 28)
      return -2 * term * term - 5.4
    case .ruralOpen:
      let term = log10(f)
      return -4.78 * term * term + 18.33 * term - 40.94
    }
  }

  private static func validity(_ link: LinkGeometry, frequencyMHz: ClosedRange<Double>) -> ValidityFlags {
    flag(link.frequencyMHz, frequencyMHz, .frequency).union(flag(link.bsHeightM, 30...200, .bsHeight))
      .union(flag(link.ueHeightM, 1...10, .ueHeight)).union(flag(link.distance2DM, 1000...20000, .distance))
  }
}
