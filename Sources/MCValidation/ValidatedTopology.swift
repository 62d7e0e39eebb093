import MCTopology

/// A topology that passed every rule: the only input later stages accept. Only `Validator`
/// makes one.
package struct ValidatedTopology: Sendable {
    package let topology: Topology
    /// The PEM of each trust anchor by name, for the trust-roots bundles.
    package let anchorPEM: [String: String]

    init(topology: Topology, anchorPEM: [String: String]) {
        self.topology = topology
        self.anchorPEM = anchorPEM
    }
}
