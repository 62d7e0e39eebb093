import MCBasics

/// A value of the topology that holds key or token material, as YAML resolved it: MC305 points at
/// it, and no diagnostic ever quotes it.
package struct SecretValue: Sendable, Hashable {
    package var range: SourceRange
    package var kind: SecretMaterial
    /// The value itself, so that messages quoting it can be redacted.
    package var text: String
    /// The lines its text is written on, which no snippet may show (a block scalar's indicator
    /// line holds none of it).
    package var lines: ClosedRange<Int>

    package init(range: SourceRange, kind: SecretMaterial, text: String, isBlock: Bool = false) {
        self.range = range
        self.kind = kind
        self.text = text
        let first = isBlock ? range.start.line + 1 : range.start.line
        lines = first...max(first, range.end.line)
    }
}

extension Diagnostic {
    /// The diagnostic with every quote of a secret value, and anything else that still looks like
    /// key or token material, replaced by `<redacted>` in its message, label, notes and hint.
    package func redacting(_ secrets: [String]) -> Diagnostic {
        var copy = self
        copy.message = Self.redact(message, secrets)
        copy.label = label.map { Self.redact($0, secrets) }
        copy.hint = hint.map { Self.redact($0, secrets) }
        copy.notes = notes.map { Note(Self.redact($0.message, secrets), file: $0.file, range: $0.range) }
        return copy
    }

    private static func redact(_ text: String, _ secrets: [String]) -> String {
        var text = text
        for secret in secrets where !secret.isEmpty && text.contains(secret) {
            text = text.replacingOccurrences(of: secret, with: "<redacted>")
        }
        guard SecretMaterial.kind(ofValue: text) != nil else { return text }
        // A fragment the values did not give away (rebuilt, cut or joined): each quoted part that
        // holds material goes, and if the material is not inside quotes, the whole text.
        let parts = text.components(separatedBy: "'")
        let redacted = parts.enumerated().map { index, part in
            index % 2 == 1 && SecretMaterial.kind(ofValue: part) != nil ? "<redacted>" : part
        }.joined(separator: "'")
        return SecretMaterial.kind(ofValue: redacted) == nil ? redacted : "<redacted>"
    }
}

extension Diagnostics {
    /// Every diagnostic redacted of `secrets` (see `Diagnostic.redacting`).
    package func redacting(_ secrets: [String]) -> Diagnostics {
        guard !secrets.isEmpty else { return self }
        var result = self
        result.replaceAll { $0.redacting(secrets) }
        return result
    }
}
