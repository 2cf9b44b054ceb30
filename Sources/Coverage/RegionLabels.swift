/// 4-connected regions of equal class in a class raster, numbered in scan order.
struct RegionLabels {
  /// Region per cell; −1 where the class is negative (nothing).
  let labels: [Int32]
  let regionCount: Int

  /// Labels `classes` (row-major, `rows` × `columns`) by flood fill with an explicit stack.
  init(classes: UnsafeBufferPointer<Int32>, rows: Int, columns: Int) {
    var labels = [Int32](repeating: -1, count: rows * columns)
    var next: Int32 = 0
    var stack: [Int] = []
    labels.withUnsafeMutableBufferPointer { label in
      for start in 0..<(rows * columns) where classes[start] >= 0 && label[start] < 0 {
        let value = classes[start]
        label[start] = next
        stack.append(start)
        while let cell = stack.popLast() {
          let row = cell / columns
          let column = cell - row * columns
          if column > 0, classes[cell - 1] == value, label[cell - 1] < 0 {
            label[cell - 1] = next
            stack.append(cell - 1)
          }
          if column + 1 < columns, classes[cell + 1] == value, label[cell + 1] < 0 {
            label[cell + 1] = next
            stack.append(cell + 1)
          }
          if row > 0, classes[cell - columns] == value, label[cell - columns] < 0 {
            label[cell - columns] = next
            stack.append(cell - columns)
          }
          if row + 1 < rows, classes[cell + columns] == value, label[cell + columns] < 0 {
            label[cell + columns] = next
            stack.append(cell + columns)
          }
        }
        next += 1
      }
    }
    self.labels = labels
    regionCount = Int(next)
  }
}
