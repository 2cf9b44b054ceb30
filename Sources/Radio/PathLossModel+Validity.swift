/// The published validity range of each model, as warnings quote it.
extension PathLossModel {
  /// The ranges the model's `ValidityFlags` are checked against, in words.
  public var validityRange: String {
    switch self {
    case .freeSpace: return "any distance beyond the far field"
    case .okumuraHata: return "150–1500 MHz, BS 30–200 m, UE 1–10 m, 1–20 km"
    case .cost231Hata: return "1500–2000 MHz, BS 30–200 m, UE 1–10 m, 1–20 km"
    case .rmaLOS: return "0.5–7 GHz, BS 10–150 m, UE 1–10 m, 10 m–10 km"
    case .rmaNLOS: return "0.5–7 GHz, BS 10–150 m, UE 1–10 m, 10 m–5 km"
    case .umaLOS, .umaNLOS, .umiLOS, .umiNLOS: return "0.5–100 GHz, BS 10–150 m, UE 1.5–22.5 m, 10 m–5 km"
    case .ercegA, .ercegB, .ercegC: return ErcegSUI.validityRange
    }
  }
}
