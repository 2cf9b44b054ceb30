/// Short attribute names for the GeoPackage, chosen to survive a Shapefile export.
///
/// dBASE (the Shapefile's attribute file) keeps at most 10 characters of a field name, so
/// `ogr2ogr -f "ESRI Shapefile"` would truncate Cosite's longer GeoJSON property names and
/// warn. Each known property has a fixed short name (`abbreviations`, documented in
/// docs/OUTPUTS.md); any other name falls back to its first 10 characters, lowercased, with
/// every character other than `a–z`, `0–9` and `_` written as `_`. Names are unique per layer:
/// a name already taken gets a numbered suffix (`name_2`).
enum FieldNames {
  /// GeoJSON property → GeoPackage field, every value ASCII lowercase and at most 10 characters.
  static let abbreviations: [String: String] = [
    // Identity and place.
    "id": "id", "name": "name", "carrier": "carrier", "layer": "layer", "zone": "zone", "parcel": "parcel",
    "parcel_name": "parcel_nam", "structure": "structure", "sector": "sector", "province": "province",
    "option": "option", "candidate": "candidate", "kind": "kind", "owner": "owner", "site": "site", "item": "item",
    // Radio.
    "technology": "tech", "band": "band", "frequency_mhz": "freq_mhz", "bin": "bin", "min_dbm": "min_dbm",
    "max_dbm": "max_dbm", "where": "location", "azimuth_deg": "azimuth",
    "target_rsrp_dbm": "tgt_rsrp", "indoor": "indoor", "min_share": "min_share", "covered_share": "cov_share",
    // Areas, people, money.
    "area_ha": "area_ha", "uncovered_ha": "uncov_ha", "published_area_ha": "pub_ha", "newly_covered_ha": "new_ha",
    "land_use": "land_use", "building_class": "bldg_class", "workers": "workers", "demand": "demand",
    "parcels": "parcels", "outline_given": "outline", "rank": "rank", "lifetime_vnd": "life_vnd",
    "nodes": "nodes", "indoor_model": "indoor_mod", "floor_area_m2": "floor_m2",
    // Structures and sites.
    "height_m": "height_m", "free_slots": "free_slots", "rent_vnd_month": "rent_vnd_m",
    "building_height_m": "bldg_h_m", "rooftop_permit": "roof_perm", "tenants": "tenants",
    "tenant_count": "n_tenants", "layers": "layers", "layers_count": "n_layers", "sectors": "sectors",
    "sectors_count": "n_sectors", "azimuths_deg": "azimuths", "azimuths_deg_count": "n_azimuths",
    // simplestyle-spec 1.1.0.
    "fill": "fill", "fill-opacity": "fill_opac", "stroke": "stroke", "stroke-opacity": "stroke_opa",
    "stroke-width": "stroke_w", "marker-color": "marker_col", "marker-symbol": "marker_sym",
    "marker-size": "marker_siz",
  ]

  /// The property that counts a list property's items: `tenant_count` for `tenants` (the
  /// structures already carry it), `<name>_count` otherwise.
  static func countProperty(of list: String) -> String {
    list == "tenants" ? "tenant_count" : list + "_count"
  }

  /// The short field name of each property, in order, unique within the list.
  static func shortNames(_ properties: [String]) -> [String] {
    var taken: Set<String> = []
    return properties.map { property in
      let base = abbreviations[property] ?? fallback(property)
      var name = base
      var suffix = 2
      while taken.contains(name) {
        let tail = "_\(suffix)"
        name = String(base.prefix(10 - tail.count)) + tail
        suffix += 1
      }
      taken.insert(name)
      return name
    }
  }

  /// Lowercase ASCII letters, digits and `_`, starting with a letter, at most 10 characters.
  static func fallback(_ property: String) -> String {
    var name = String(
      property.lowercased().unicodeScalars.map { scalar -> Character in
        let isSafe = ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) || scalar == "_"
        return isSafe ? Character(scalar) : "_"
      })
    if name.first.map({ !("a"..."z").contains($0) }) ?? true { name = "f_" + name }
    return String(name.prefix(10))
  }
}
