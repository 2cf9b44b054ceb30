/// Latitudes and longitudes as site databases write them: decimal degrees (`106.7589`), or
/// degrees-minutes-seconds in the usual spellings — `106°45'32.1"E`, `106 45 32.1 E`,
/// `E106:45:32.1`, `-106°45'32.1"` (also `º`, `′`, `″`, `’`, `”`) — with a decimal point or,
/// where the export uses one, a decimal comma. Letters for the marks (`20d50m12s`) are not
/// read: `s` would be taken for south.
enum AngleText {
  enum Axis {
    case latitude, longitude

    var limit: Double { self == .latitude ? 90 : 180 }
    var hemispheres: (positive: Character, negative: Character) { self == .latitude ? ("N", "S") : ("E", "W") }
  }

  /// The angle in signed decimal degrees, or why the text is not one.
  static func degrees(_ text: String, axis: Axis, decimalComma: Bool) -> Result<Double, AngleError> {
    var body = text.trimmingCharacters(in: .whitespaces).uppercased()
    var sign = 1.0
    var lettered = false
    let (positive, negative) = axis.hemispheres
    // A hemisphere letter first or last; the other axis's letters are a mistake worth naming.
    for letter in [positive, negative, other(axis).hemispheres.positive, other(axis).hemispheres.negative] {
      if body.first == letter || body.last == letter {
        guard letter == positive || letter == negative else { return .failure(.wrongHemisphere(letter)) }
        if letter == negative { sign = -1 }
        lettered = true
        body = String(body.first == letter ? body.dropFirst() : body.dropLast())
        break
      }
    }
    body = body.trimmingCharacters(in: .whitespaces)
    if body.hasPrefix("-") {
      // A minus sign and a hemisphere letter contradict or repeat each other: -20.5N, -106W.
      guard !lettered else { return .failure(.malformed) }
      sign = -1
      body.removeFirst()
    }
    if decimalComma { body = body.replacingOccurrences(of: ",", with: ".") }
    // Parts split on the DMS marks and spaces: 1 part = decimal degrees, up to 3 = D M S.
    let marks: Set<Character> = ["°", "º", "'", "’", "′", "\"", "”", "″", ":", " "]
    let parts = body.split(whereSeparator: { marks.contains($0) })
    guard (1...3).contains(parts.count), parts.allSatisfy({ !$0.isEmpty }) else { return .failure(.malformed) }
    let numbers = parts.map { Double($0) }
    guard numbers.allSatisfy({ $0 != nil && $0!.isFinite && $0! >= 0 }) else { return .failure(.malformed) }
    let values = numbers.map { $0! }
    // Only the last part may have a fraction; minutes and seconds stay below 60.
    guard values.dropLast().allSatisfy({ $0 == $0.rounded() }), values.dropFirst().allSatisfy({ $0 < 60 }) else {
      return .failure(.malformed)
    }
    let degrees = values[0] + (values.count > 1 ? values[1] / 60 : 0) + (values.count > 2 ? values[2] / 3600 : 0)
    guard degrees <= axis.limit else { return .failure(.outOfRange(axis.limit)) }
    return .success(sign * degrees)
  }

  private static func other(_ axis: Axis) -> Axis { axis == .latitude ? .longitude : .latitude }
}

/// Why a text is not an angle.
enum AngleError: Error, Equatable {
  case malformed
  case wrongHemisphere(Character)
  case outOfRange(Double)

  /// What was expected, for the planner.
  func message(_ axis: AngleText.Axis) -> String {
    let name = axis == .latitude ? "a latitude" : "a longitude"
    switch self {
    case .malformed:
      return
        "expected \(name) in decimal degrees or degrees-minutes-seconds (e.g. \(axis == .latitude ? "20°50'12.3\"N" : "106°45'32.1\"E"))"
    case .wrongHemisphere:
      let (positive, negative) = axis.hemispheres
      return "expected \(name) (hemisphere \(positive) or \(negative))"
    case .outOfRange(let limit): return "expected \(name) of at most \(Int(limit))°"
    }
  }
}
