import MCDiagnostics
import MCTopology

/// MC222: weights lie between 0 and 1,000,000, and a split without failover has some weight.
struct WeightsAreValid: ValidationRule {
    let codes: [DiagnosticCode] = [.invalidWeights]
    static let maximum = 1_000_000

    func check(_ context: ValidationContext, into diagnostics: inout [Diagnostic]) {
        for split in context.topology.splits where split.failover == nil && split.isComplete {
            var outOfRange = false
            for backend in split.backends {
                guard let weight = backend.weight, weight.value.amount < 0 || weight.value.amount > Self.maximum else { continue }
                outOfRange = true
                diagnostics.append(.weightOutOfRange(weight, in: context))
            }
            guard !outOfRange, split.backends.allSatisfy({ ($0.weight?.value.amount ?? 1) == 0 }) else { continue }
            diagnostics.append(.allWeightsZero(split, in: context))
        }
    }
}

extension Diagnostic {
    fileprivate static func weightOutOfRange(_ weight: Located<Weight>, in context: ValidationContext) -> Diagnostic {
        context.diagnostic(
            .invalidWeights,
            weight.value.amount < 0 ? "weight \(weight.value.amount) is negative" : "weight \(weight.value.amount) is over 1,000,000",
            at: weight.range, label: "out of range", hint: "use a weight from 0 to 1000000 (or 0m to 1000000m)")
    }

    fileprivate static func allWeightsZero(_ split: Split, in context: ValidationContext) -> Diagnostic {
        context.diagnostic(
            .invalidWeights, "every backend of the split of '\(split.service.value)' has weight 0",
            at: split.service.range, label: "no traffic would flow",
            hint: "give at least one backend a weight, or add 'failover: {primary: …}'")
    }
}
