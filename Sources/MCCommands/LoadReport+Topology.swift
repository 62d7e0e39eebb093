import MCTopology
import MCViews

extension LoadReport.Counts {
    init(_ topology: Topology) {
        self.init(
            clusters: topology.clusters.count, trustAnchors: topology.trustAnchors.count,
            links: topology.links.count, exportedServices: topology.exports.reduce(0) { $0 + $1.services.count },
            splits: topology.splits.count)
    }
}
