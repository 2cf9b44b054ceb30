/// A cell's distance loss in the flat path's row loops: the node and fraction from the bits
/// of d² as in `DistanceLossTable.lookup`, the node's (loss, slope) pair read from a
/// `SlopeTable` — the same value as the scalar lookup's low + (high − low) · fraction. The
/// two steps are apart so that the arithmetic has a loop of its own, which the vectoriser
/// takes even where it leaves the table's reads lane by lane.
protocol CellLoss {
  /// `SlopeTable` pairs of every class.
  var pairs: UnsafePointer<Float> { get }
  /// The pair (of the cell's class) and fraction for squared ground distance `squaredM2`
  /// (≥ 1) of grid cell `cell`.
  func node(squaredM2: Float, cell: Int) -> (index: Int32, fraction: Float)
}

extension CellLoss {
  /// Loss at squared ground distance `squaredM2` (≥ 1) of grid cell `cell`, dB.
  @_transparent func lossDB(squaredM2: Float, cell: Int) -> Float {
    let node = node(squaredM2: squaredM2, cell: cell)
    return SlopeTable.value(pairs, index: node.index, fraction: node.fraction)
  }
}

extension DistanceLossTable {
  /// d² at the node of pair `index`, m².
  static func squaredM2(atPair index: Int) -> Float { Float(bitPattern: baseBits + UInt32(index) << fractionBits) }

  /// The pair index and fraction of `squaredM2`, clamped to `lastSquaredM2` (the node of
  /// the last pair, whose slope is 0: the table's guard node). Beyond it the scalar lookup
  /// clamps the index instead and reads the same loss + 0 · fraction.
  @_transparent static func node(squaredM2: Float, lastSquaredM2: Float) -> (index: Int32, fraction: Float) {
    let clamped = FastMath.lower(squaredM2, lastSquaredM2)
    let bits = clamped.bitPattern &- baseBits
    let fraction = Float(Int32(bitPattern: bits & 0x7FFF)) * fractionScale
    return (Int32(bitPattern: bits &>> fractionBits), fraction)
  }
}

/// One table for every cell (a grid of one propagation class).
struct SingleClassLoss: CellLoss {
  let pairs: UnsafePointer<Float>
  let lastSquaredM2: Float

  init(pairs: UnsafePointer<Float>, count: Int) {
    self.pairs = pairs
    lastSquaredM2 = DistanceLossTable.squaredM2(atPair: count - 1)
  }

  @_transparent func node(squaredM2: Float, cell: Int) -> (index: Int32, fraction: Float) {
    DistanceLossTable.node(squaredM2: squaredM2, lastSquaredM2: lastSquaredM2)
  }
}

/// A table per propagation class, `stride` pairs apart, chosen by the cell's class.
struct ClassLoss: CellLoss {
  let pairs: UnsafePointer<Float>
  let stride: Int32
  let lastSquaredM2: Float
  let classes: UnsafePointer<UInt8>

  init(pairs: UnsafePointer<Float>, stride: Int, classes: UnsafePointer<UInt8>) {
    self.pairs = pairs
    self.stride = Int32(stride)
    lastSquaredM2 = DistanceLossTable.squaredM2(atPair: stride - 1)
    self.classes = classes
  }

  @_transparent func node(squaredM2: Float, cell: Int) -> (index: Int32, fraction: Float) {
    let node = DistanceLossTable.node(squaredM2: squaredM2, lastSquaredM2: lastSquaredM2)
    return (Int32(classes[cell]) &* stride &+ node.index, node.fraction)
  }
}

/// Every kernel's loss tables in stable memory for the parallel section: the plain losses
/// per class (the terrain path's scalar lookup) and the (loss, slope) pairs of all classes,
/// `stride` pairs per class, the shorter tables padded with their flat last pair (the flat
/// path). Kernels with equal tables share one copy, which stays in cache across sectors.
struct PinnedLossTables: @unchecked Sendable {
  struct Kernel {
    let losses: UnsafeBufferPointer<UnsafeBufferPointer<Float>>
    /// `SlopeTable` pairs, `stride` pairs (2 · `stride` floats) per class.
    let pairs: UnsafePointer<Float>
    let stride: Int
  }

  let byKernel: [Kernel]
  private let unique: [Kernel]

  init(_ kernels: [SectorKernel]) {
    self.init(lossesByKernel: kernels.map { $0.tables.map(\.lossDB) })
  }

  /// Per kernel, the loss nodes of each propagation class (`DistanceLossTable.lossDB`).
  ///
  /// Kernels built from one `KernelBuilder`'s cache hold the same arrays (one storage), so a
  /// kernel is first looked up by its arrays' storage — cheap — and only a storage not seen
  /// yet by the tables' contents (hashing every node: with ~10⁵ sectors in a national busy
  /// hour, hashing the contents per kernel was 60 % of the run). Same sharing as by contents
  /// alone, and the same values.
  init(lossesByKernel: [[[Float]]]) {
    var indexOfStorage: [[UInt]: Int] = [:]
    var indexOf: [[[Float]]: Int] = [:]
    var unique: [Kernel] = []
    byKernel = lossesByKernel.map { tables in
      // `lossesByKernel` keeps every array alive here, so no two live storages share an address.
      let storage = tables.flatMap { table in
        table.withUnsafeBufferPointer { [UInt(bitPattern: $0.baseAddress), UInt($0.count)] }
      }
      if let index = indexOfStorage[storage] { return unique[index] }
      let index: Int
      if let found = indexOf[tables] {
        index = found
      } else {
        index = unique.count
        indexOf[tables] = index
        unique.append(Self.pin(tables))
      }
      indexOfStorage[storage] = index
      return unique[index]
    }
    self.unique = unique
  }

  private static func pin(_ tables: [[Float]]) -> Kernel {
    let losses = UnsafeMutableBufferPointer<UnsafeBufferPointer<Float>>.allocate(capacity: tables.count)
    for (index, table) in tables.enumerated() {
      let copy = UnsafeMutableBufferPointer<Float>.allocate(capacity: table.count)
      _ = copy.initialize(from: table)
      losses[index] = UnsafeBufferPointer(copy)
    }
    let slopes = tables.map { SlopeTable(nodes: $0).pairs }
    let stride = (slopes.map(\.count).max() ?? 0) / 2
    let pairs = UnsafeMutablePointer<Float>.allocate(capacity: 2 * stride * tables.count)
    for (index, table) in slopes.enumerated() {
      let base = pairs + 2 * stride * index
      base.initialize(from: table, count: table.count)
      // Padding: copies of the flat last pair (its loss, slope 0).
      for pair in (table.count / 2)..<stride {
        (base + 2 * pair).initialize(to: table[table.count - 2])
        (base + 2 * pair + 1).initialize(to: 0)
      }
    }
    return Kernel(losses: UnsafeBufferPointer(losses), pairs: pairs, stride: stride)
  }

  func deallocate() {
    for entry in unique {
      for table in entry.losses { table.deallocate() }
      entry.losses.deallocate()
      entry.pairs.deallocate()
    }
  }
}
