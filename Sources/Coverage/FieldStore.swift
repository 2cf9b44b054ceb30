/// Layer fields kept from one coverage run for another run of the same zones whose network
/// only adds sectors (a plan's, in `cosite compare`): the later run computes only the added
/// sectors' field and merges it into the kept one (`LayerField.merge`: the strictly stronger
/// server wins, total power summed run by run — the way terrain runs merge, rounding the
/// total differently from one pass where two or more added sectors reach a cell).
///
/// Used by one coverage run at a time, on its calling thread.
public final class FieldStore {
  struct Key: Hashable {
    let group: String?
    let sectorIndices: [Int]
  }

  private var fields: [Key: LayerField] = [:]
  /// Sectors below this index are the recorded run's; nil while recording.
  private var recordedSectorCount: Int?

  public init() {}

  /// From now on, runs reuse what was recorded: sectors with an index below `count` are the
  /// recorded run's own (same index, same sector), the rest are added.
  public func reuse(sectorsBelow count: Int) { recordedSectorCount = count }

  /// The field of `kernels` on the zone group `group`, computed by `compute` for what is
  /// not kept.
  func field(group: String?, kernels: [SectorKernel], compute: ([SectorKernel]) -> LayerField) -> LayerField {
    guard let recorded = recordedSectorCount else {
      let field = compute(kernels)
      fields[Key(group: group, sectorIndices: kernels.map(\.sectorIndex))] = field
      return field
    }
    let old = kernels.filter { $0.sectorIndex < recorded }
    let added = kernels.filter { $0.sectorIndex >= recorded }
    guard !old.isEmpty, var field = fields[Key(group: group, sectorIndices: old.map(\.sectorIndex))] else {
      return compute(kernels)
    }
    guard !added.isEmpty else { return field }
    field.merge(compute(added))
    return field
  }
}
