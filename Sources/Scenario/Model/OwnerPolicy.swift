/// Whom a structure's owner lets co-locate (scenario `owner_policy`). A carrier may always
/// add to its own structures; without a policy an owner is open to every carrier (Decree
/// 72/2012 and Instruction 52/CT-BTTTT ask owners to share).
public enum OwnerPolicy: Hashable, Sendable {
  case open
  case closed
  /// Only these carriers (ids) besides the owner.
  case only([String])

  public func admits(_ carrierID: String, owner: String) -> Bool {
    if carrierID == owner { return true }
    switch self {
    case .open: return true
    case .closed: return false
    case .only(let carriers): return carriers.contains(carrierID)
    }
  }
}
