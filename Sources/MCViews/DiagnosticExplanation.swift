import Foundation

/// `mcplan --explain MC213`: the code's section of docs/diagnostics.md, compiled into the tool so
/// that an installed binary carries it.
package enum DiagnosticExplanation {
    /// The section of `code` (`MC213` or `mc213`), from its heading to the next one; nil for a code
    /// the docs do not have.
    package static func section(_ code: String) -> String? {
        let text = String(decoding: PackageResources.diagnostics_md, as: UTF8.self)
        let anchor = "<a id=\"\(code.lowercased())\"></a>"
        guard let start = text.range(of: anchor) else { return nil }
        let rest = text[start.upperBound...]
        let end = rest.range(of: "<a id=\"mc")?.lowerBound ?? rest.endIndex
        return rest[..<end].trimmingCharacters(in: .whitespacesAndNewlines) + "\n"
    }
}
