import MCBasics
import MCDiagnostics

/// What validation produced: every diagnostic, and the validated model when none is an error.
package struct ValidationResult: Sendable {
    package var validated: ValidatedTopology?
    package var diagnostics: [Diagnostic]
}

/// Runs every rule of the registry over the whole topology, the rules on all cores (each reads
/// the same immutable context); their diagnostics are joined in the registry's order, then sorted.
package enum Validator {
    package static func validate(_ input: ValidationInput, rules: [any ValidationRule] = RuleRegistry.all) -> ValidationResult {
        let context = ValidationContext(input)
        var diagnostics = Parallel.map(rules.count) { index in
            var found: [Diagnostic] = []
            rules[index].check(context, into: &found)
            return found
        }.flatMap { $0 }
        diagnostics.sort()
        guard !diagnostics.contains(where: { $0.severity == .error }) else {
            return ValidationResult(validated: nil, diagnostics: diagnostics)
        }
        let pem = context.anchorCertificates.compactMapValues { $0.certificate?.pem }
        return ValidationResult(validated: ValidatedTopology(topology: input.topology, anchorPEM: pem), diagnostics: diagnostics)
    }
}
