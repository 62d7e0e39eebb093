import MCDiagnostics

/// A fixture whose keycap markers (`1️⃣` … `9️⃣`) name positions: the text without them, and where
/// each stood as a 1-based line and column (columns in Unicode scalars).
package struct MarkedText {
    package let text: String
    package let markers: [String: SourcePosition]

    package init(_ marked: String) {
        var text = String.UnicodeScalarView()
        var markers: [String: SourcePosition] = [:]
        var line = 1
        var column = 1
        let scalars = Array(marked.unicodeScalars)
        var i = 0
        while i < scalars.count {
            let c = scalars[i]
            if ("1"..."9").contains(c), i + 2 < scalars.count, scalars[i + 1] == "\u{FE0F}", scalars[i + 2] == "\u{20E3}" {
                markers[String(c)] = SourcePosition(line: line, column: column)
                i += 3
                continue
            }
            text.append(c)
            if c == "\n" {
                line += 1
                column = 1
            } else {
                column += 1
            }
            i += 1
        }
        self.text = String(text)
        self.markers = markers
    }

    /// The position of marker `name` ("1" for 1️⃣).
    package subscript(_ name: String) -> SourcePosition {
        guard let location = markers[name] else { fatalError("fixture has no marker \(name)") }
        return location
    }
}
