/// The limit that stopped CBC before it proved a plan optimal (the raw value is the one
/// `recommendations.json` writes).
public enum SolverStop: String, Sendable {
  /// `--time-limit-s`: how far CBC got depends on the machine's speed and load.
  case timeLimit = "time_limit"
  /// `--node-limit`: the same input stops at the same node, with the same plan, anywhere.
  case nodeLimit = "node_limit"
}
