import MCDiagnostics

/// One invariant of a valid mesh. A rule looks at the whole topology through the context,
/// reports every violation it finds (never only the first), and copes with a partially broken
/// model: what is missing or broken was already reported, so the rule skips it instead of
/// reporting a follow-up error.
package protocol ValidationRule: Sendable {
    /// The codes this rule reports; each code belongs to exactly one rule.
    var codes: [DiagnosticCode] { get }

    func check(_ context: ValidationContext, into diagnostics: inout [Diagnostic])
}
