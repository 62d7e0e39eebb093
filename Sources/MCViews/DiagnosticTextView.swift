import Foundation
import MCBasics
import MCDiagnostics

/// Diagnostics as people and editors read them (docs/diagnostics.md): a parseable header line, the source line
/// with carets under the whole range and a label, then notes and a hint. Lines holding key or token
/// material are shown as `<redacted>`.
package struct DiagnosticTextView {
    private let sources: [String: SourceFile]
    private let style: TerminalStyle
    /// The lines of each file holding secret material, found once per file and only when a
    /// diagnostic of that file is shown.
    private let secretLines = SecretLineCache()

    /// - Parameter secretLines: lines known to hold secret material beyond what a line shows
    ///   (values whose escapes or flow style hide it from the line scan), by file path.
    package init(sources: [SourceFile], style: TerminalStyle, secretLines: [String: Set<Int>] = [:]) {
        self.sources = Dictionary(sources.map { ($0.path, $0) }, uniquingKeysWith: { first, _ in first })
        self.style = style
        self.secretLines.known = secretLines
    }

    /// Every diagnostic, a blank line between them, how many of each code were left out, and a
    /// closing count of them all.
    /// - Parameter outcome: what the errors mean for the run, after the count ("nothing was written").
    package func render(_ diagnostics: [Diagnostic], omitted: [(code: DiagnosticCode, count: Int)] = [],
                        outcome: String = "nothing was written") -> String {
        guard !diagnostics.isEmpty else { return "" }
        var out = diagnostics.map(render).joined(separator: "\n")
        for (code, count) in omitted {
            out += "\n… and \(count.formatted) more \(code.rawValue) \(code.severity == .error ? "error" : "warning")\(count == 1 ? "" : "s")"
                + " (\(code.summary)), not shown\n"
        }
        let errors = diagnostics.filter { $0.severity == .error }.count + omitted.filter { $0.code.severity == .error }.map(\.count).reduce(0, +)
        let warnings = diagnostics.count + omitted.map(\.count).reduce(0, +) - errors
        var counts: [String] = []
        if errors > 0 { counts.append(plural(errors, "error")) }
        if warnings > 0 { counts.append(plural(warnings, "warning")) }
        out += "\n" + counts.joined(separator: " and ") + (errors > 0 ? "; " + outcome : "") + "\n"
        return out
    }

    package func render(_ diagnostic: Diagnostic) -> String {
        let start = diagnostic.range.start
        let severity = diagnostic.severity == .error
            ? style.paint("error[\(diagnostic.code.rawValue)]", .boldRed)
            : style.paint("warning[\(diagnostic.code.rawValue)]", .boldYellow)
        // User text is printed with its control characters escaped: a value cannot forge a line.
        let visible = VisibleText.escaping
        var lines = ["\(visible(diagnostic.file)):\(start.line):\(start.column): \(severity): \(style.paint(visible(diagnostic.message), .bold))"]
        let gutterWidth = String(start.line).count + 1
        let gutter = String(repeating: " ", count: gutterWidth)
        let caretColor: TerminalStyle.Color = diagnostic.severity == .error ? .boldRed : .boldYellow
        if let source = sources[diagnostic.file], let text = source.line(start.line) {
            lines.append(style.paint(gutter + "|", .boldBlue))
            let number = String(start.line).padding(toLength: gutterWidth)
            if secretLines.lines(of: source).contains(start.line) {
                lines.append(style.paint(number + "| ", .boldBlue) + "<redacted>")
            } else {
                lines.append(style.paint(number + "| ", .boldBlue) + visible(String(text)))
                let (pad, width) = caretSpan(of: diagnostic.range, in: text)
                var marker = style.paint(String(repeating: "^", count: width), caretColor)
                if let label = diagnostic.label { marker += " " + style.paint(visible(label), caretColor) }
                lines.append(style.paint(gutter + "| ", .boldBlue) + pad + marker)
            }
        }
        for note in diagnostic.notes {
            let at = "\(visible(note.file)):\(note.range.start.line):\(note.range.start.column)"
            lines.append(gutter + style.paint("= note:", .bold) + " \(visible(note.message)) (\(at))")
        }
        if let hint = diagnostic.hint {
            lines.append(gutter + style.paint("= hint:", .cyan) + " " + visible(hint))
        }
        lines.append(gutter + style.paint("= help:", .cyan) + " " + Self.documentation(of: diagnostic.code))
        return lines.joined(separator: "\n") + "\n"
    }

    /// Where a code is explained: its section of docs/diagnostics.md, or under `MCPLAN_DOCS_URL`
    /// when set (a published copy).
    static func documentation(of code: DiagnosticCode) -> String {
        (documentationBase ?? "docs/diagnostics.md") + "#" + code.rawValue.lowercased()
    }

    private static let documentationBase: String? = {
        guard let base = ProcessInfo.processInfo.environment["MCPLAN_DOCS_URL"], !base.isEmpty else { return nil }
        return base
    }()

    /// The whitespace before the carets (tabs kept so they line up) and the caret count: the whole
    /// range on its first line, at least one; wide (East Asian) characters take two cells.
    private func caretSpan(of range: SourceRange, in line: Substring) -> (String, Int) {
        let scalars = Array(line.unicodeScalars)
        let startIndex = min(max(range.start.column - 1, 0), scalars.count)
        var endIndex = range.end.line == range.start.line ? range.end.column - 1 : scalars.count
        if range.end.line != range.start.line {
            while endIndex > startIndex, scalars[endIndex - 1] == " " || scalars[endIndex - 1] == "\t" { endIndex -= 1 }
        }
        endIndex = max(startIndex, min(endIndex, scalars.count))
        var pad = ""
        for scalar in scalars[..<startIndex] {
            pad += scalar == "\t" ? "\t" : String(repeating: " ", count: cells(scalar))
        }
        let width = scalars[startIndex..<endIndex].reduce(0) { $0 + cells($1) }
        return (pad, max(1, width))
    }

    /// Terminal cells a character takes: two for wide East Asian characters and emoji.
    private func cells(_ scalar: Unicode.Scalar) -> Int {
        switch scalar.value {
        case 0x1100...0x115F, 0x2E80...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F,
             0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x1F300...0x1F64F, 0x1F900...0x1F9FF, 0x20000...0x3FFFD:
            2
        default:
            1
        }
    }

    private func plural(_ count: Int, _ word: String) -> String {
        "\(count) \(word)\(count == 1 ? "" : "s")"
    }
}

extension String {
    fileprivate func padding(toLength length: Int) -> String {
        count >= length ? self : self + String(repeating: " ", count: length - count)
    }
}

/// Memoises `SecretMaterial.secretLines` per file for one view.
private final class SecretLineCache {
    private var byPath: [String: Set<Int>] = [:]
    /// Lines the caller knows hold secret material.
    var known: [String: Set<Int>] = [:]

    func lines(of source: SourceFile) -> Set<Int> {
        if let found = byPath[source.path] { return found }
        let found = SecretMaterial.secretLines(in: (0..<source.lineCount).map { source.line($0 + 1)! })
            .union(known[source.path] ?? [])
        byPath[source.path] = found
        return found
    }
}

extension Int {
    /// With thousands separators: 12,345.
    fileprivate var formatted: String {
        let digits = Array(String(self))
        var out = ""
        for (index, digit) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { out += "," }
            out.append(digit)
        }
        return out
    }
}
