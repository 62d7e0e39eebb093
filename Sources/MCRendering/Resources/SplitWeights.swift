import MCTopology

/// A split's weights as an integer-only API must carry them: one unit for all backends (milli as
/// soon as one backend is written in milli), so the ratios stay as declared. Unset weights are 1.
enum SplitWeights {
    static func integers(_ split: Split) -> [Int] {
        let weights = quantities(split)
        let milli = weights.contains(where: \.isMilli)
        return weights.map { milli ? $0.milli : $0.amount }
    }

    /// For SMI v1alpha1 (quantities): each weight as written, `500m` or `50`.
    static func quantities(_ split: Split) -> [Weight] {
        split.backends.map { $0.weight?.value ?? Weight(amount: 1, isMilli: false) }
    }
}
