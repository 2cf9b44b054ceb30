import Geo

/// `value` rounded half away from zero to `decimals` places, as a JSON number.
func number(_ value: Double, decimals: Int) -> JSONValue {
  var scale = 1.0
  for _ in 0..<decimals { scale *= 10 }
  let rounded = (value * scale).rounded() / scale
  return .number(rounded == 0 ? 0 : rounded)
}

/// Hectares from square metres, rounded to 0.01 ha (100 m²).
func hectares(_ squareMetres: Double) -> JSONValue {
  number(squareMetres / 10_000, decimals: 2)
}
