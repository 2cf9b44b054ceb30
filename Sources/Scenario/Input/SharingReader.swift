import Yams

/// Reads `owner_policy` and `sharing`.
///
/// ```yaml
/// owner_policy: { towerco: open, viettel: [vnpt], deep-c: closed }
/// sharing:
///   moran_radio_extra_share: 0.6
///   sharing_rate_target: 0.5
///   compare: { budget_vnd: 100_000_000_000 }        # or { target_share: 0.9 }
///   options:
///     - { name: cheap-rent, base: passive, costs: { default_rent_vnd_month: 5_000_000 } }
/// ```
enum SharingReader {
  static let builtInOptions = ["standalone", "passive", "moran", "mocn", "neutral-host"]
  static let factorKeys = [
    "moran_radio_extra_share", "moran_power_extra_share", "mocn_radio_extra_share", "mocn_power_extra_share",
    "mocn_pooling_vnd_per_site_carrier",
  ]
  static let keys = factorKeys + ["sharing_rate_target", "compare", "options"]

  /// Owner → policy; every owner key is a name the planner chose.
  static func ownerPolicy(_ map: YAMLMap) -> [String: OwnerPolicy] {
    var policies: [String: OwnerPolicy] = [:]
    let expected = "open, closed or a list of carrier ids"
    for owner in map.keys {
      guard let node = map.node(owner) else { continue }
      switch node {
      case .scalar(let scalar) where scalar.string == "open": policies[owner] = .open
      case .scalar(let scalar) where scalar.string == "closed": policies[owner] = .closed
      case .sequence(let items):
        let ids = items.compactMap { item -> String? in
          guard case .scalar(let scalar) = item else { return nil }
          return scalar.string
        }
        guard ids.count == items.count else {
          map.wrong(owner, expected, got: node)
          continue
        }
        policies[owner] = .only(ids)
      default: map.wrong(owner, expected, got: node)
      }
    }
    return policies
  }

  static func read(_ map: YAMLMap, costs: CostParameters) -> SharingSettings {
    var settings = SharingSettings()
    settings.factors = factors(map, over: settings.factors)
    settings.sharingRateTarget = map.number(
      "sharing_rate_target", expected: "a share of structures such as 0.5", range: 0...1)
    if let compare = map.map("compare", allowed: ["budget_vnd", "target_share"]) {
      let budget = compare.number("budget_vnd", expected: "an amount in VND", range: 1...1e15)
      let target = compare.number("target_share", expected: "a share of demand such as 0.9", range: 0.01...1)
      switch (budget, target) {
      case (let budget?, nil): settings.basis = .budgetVND(budget)
      case (nil, let target?): settings.basis = .targetShare(target)
      default:
        map.diagnostics.report(
          map.file, .line(compare.line), "'sharing.compare': expected exactly one of budget_vnd or target_share")
      }
    }
    guard let nodes = map.sequence("options", expected: "a list of options") else { return settings }
    for (index, node) in nodes.enumerated() {
      guard
        let entry = YAMLMap(
          node, file: map.file, path: "sharing.options[\(index)]", diagnostics: map.diagnostics,
          allowed: ["name", "base", "costs"] + factorKeys)
      else { continue }
      let name = entry.fileNameID("name", expected: "the option's name")
      let base = entry.string("base", required: true, expected: builtInOptions.joined(separator: ", "))
      if let base, !builtInOptions.contains(base) {
        map.diagnostics.report(
          map.file, .line(entry.line(of: "base")),
          "'sharing.options[\(index)].base': expected one of \(builtInOptions.joined(separator: ", ")), got \(Excerpt.quoted(base))"
        )
        continue
      }
      if let name, builtInOptions.contains(name) || settings.options.contains(where: { $0.name == name }) {
        map.diagnostics.report(
          map.file, .line(entry.line(of: "name")),
          "'sharing.options[\(index)].name': \(Excerpt.quoted(name)) is already an option")
        continue
      }
      let optionCosts = entry.map("costs", allowed: CostsReader.keys).map { CostsReader.read($0, over: costs) } ?? costs
      guard let name, let base else { continue }
      settings.options.append(
        SharingOptionSpec(
          name: name, base: base, costs: optionCosts, factors: factors(entry, over: settings.factors),
          line: entry.line))
    }
    return settings
  }

  private static func factors(_ map: YAMLMap, over base: SharingFactors) -> SharingFactors {
    var factors = base
    let share = "a share of a carrier's own radio such as 0.6"
    factors.moranRadioExtraShare =
      map.number("moran_radio_extra_share", expected: share, range: 0...1) ?? factors.moranRadioExtraShare
    factors.moranPowerExtraShare =
      map.number("moran_power_extra_share", expected: share, range: 0...1) ?? factors.moranPowerExtraShare
    factors.mocnRadioExtraShare =
      map.number("mocn_radio_extra_share", expected: share, range: 0...1) ?? factors.mocnRadioExtraShare
    factors.mocnPowerExtraShare =
      map.number("mocn_power_extra_share", expected: share, range: 0...1) ?? factors.mocnPowerExtraShare
    factors.mocnPoolingVNDPerSiteCarrier =
      map.number("mocn_pooling_vnd_per_site_carrier", expected: "an amount in VND", range: 0...1e12)
      ?? factors.mocnPoolingVNDPerSiteCarrier
    return factors
  }
}

/// Reads the `siting` section.
enum SitingReader {
  static let keys = ["new_build_land_uses", "min_separation_m"]

  static func read(_ map: YAMLMap) -> SitingSettings {
    var siting = SitingSettings()
    if let nodes = map.sequence("new_build_land_uses", expected: "a list of land uses") {
      var uses: Set<LandUse> = []
      for node in nodes {
        guard let text = node.scalar?.string, let use = LandUse(rawValue: text) else {
          map.wrong(
            "new_build_land_uses", "land uses among \(LandUse.allCases.map(\.rawValue).joined(separator: ", "))",
            got: node)
          continue
        }
        uses.insert(use)
      }
      siting.newBuildLandUses = uses
    }
    siting.minSeparationM =
      map.number("min_separation_m", expected: "a distance in m", range: 0...10_000) ?? siting.minSeparationM
    return siting
  }

}
