import Geo

/// Parallel lists of a map moved to a table of their own in the GeoPackage: one row per item,
/// keyed by the feature's id, with the feature's geometry.
///
/// Short lists (a structure's tenants, a site's layers) are flattened to text and counted
/// (`AttributeTable`). A site's sector ids are not short: nine sectors with ids such as
/// `mobifone-deep-c-1-s01-lte1800-1` pass the 254 characters a Shapefile text field holds, so
/// flattening them would be cut short on export. They go, with their azimuths, to
/// `site_sectors` (one point per sector at its site), and `sites` keeps their count.
struct ChildTable: Sendable {
  /// The child table's name.
  let table: String
  /// The parent's property naming the feature, and the child's property holding it.
  let key: (parent: String, child: String)
  /// Parallel list properties of the parent and each item's property in the child.
  let lists: [(parent: String, child: String)]

  /// A site's sectors and their azimuths.
  static let siteSectors = ChildTable(
    table: "site_sectors", key: ("id", "site"), lists: [("sectors", "sector"), ("azimuths_deg", "azimuth_deg")])

  /// One feature per item: the key, the item's 1-based position, each list's item.
  func features(of parents: [OutputFeature]) -> [OutputFeature] {
    parents.flatMap { parent -> [OutputFeature] in
      let key = parent.property(self.key.parent) ?? .null
      let columns = lists.map { parent.property($0.parent)?.arrayValue ?? [] }
      let count = columns.map(\.count).max() ?? 0
      return (0..<count).map { index in
        OutputFeature(
          geometry: parent.geometry,
          properties: [(self.key.child, key), ("item", .number(Double(index + 1)))]
            + zip(lists, columns).map { list, items in (list.child, index < items.count ? items[index] : .null) })
      }
    }
  }
}
