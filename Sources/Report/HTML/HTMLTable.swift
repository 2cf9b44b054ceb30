/// A table of plain texts as HTML, every cell escaped.
struct HTMLTable {
  let header: [String]
  var rows: [[String]] = []
  /// Columns holding numbers (aligned right); the first column never is.
  var numericFrom = 1
  var caption: String? = nil

  init(header: [String], rows: [[String]] = [], numericFrom: Int = 1, caption: String? = nil) {
    self.header = header
    self.rows = rows
    self.numericFrom = numericFrom
    self.caption = caption
  }

  var html: String {
    var lines = ["<table>"]
    if let caption { lines.append("<caption>\(HTMLText.escaped(caption))</caption>") }
    lines.append("<thead><tr>" + header.map { "<th>\(HTMLText.escaped($0))</th>" }.joined() + "</tr></thead>")
    lines.append("<tbody>")
    for row in rows {
      let cells = row.enumerated().map { column, text in
        let escaped = HTMLText.escaped(text)
        return column >= numericFrom ? "<td class=\"n\">\(escaped)</td>" : "<td>\(escaped)</td>"
      }
      lines.append("<tr>" + cells.joined() + "</tr>")
    }
    lines.append("</tbody></table>")
    return lines.joined(separator: "\n")
  }
}
