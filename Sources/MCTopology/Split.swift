import MCDiagnostics

/// Weighted (or failover) routing of one apex service in one cluster.
package struct Split: Sendable {
    package var cluster: Located<String>
    package var namespace: Located<String>
    /// The apex service that clients call.
    package var service: Located<String>
    package var port: Located<Int>?
    package var name: Located<String>?
    package var routeAPI: Located<RouteAPI>?
    package var backends: [Backend]
    package var failover: Failover?
    package var range: SourceRange
    /// False when some field failed to load (already reported).
    package var isComplete = true

    package init(
        cluster: Located<String>, namespace: Located<String>, service: Located<String>,
        port: Located<Int>? = nil, name: Located<String>? = nil, routeAPI: Located<RouteAPI>? = nil,
        backends: [Backend], failover: Failover? = nil, range: SourceRange
    ) {
        self.cluster = cluster
        self.namespace = namespace
        self.service = service
        self.port = port
        self.name = name
        self.routeAPI = routeAPI
        self.backends = backends
        self.failover = failover
        self.range = range
    }

    /// The object's name: `name`, or the apex service's.
    package var objectName: String { name?.value ?? service.value }
}

/// One destination of a split.
package struct Backend: Sendable {
    package var service: Located<String>
    /// Set for a remote backend: the mirror `<service>-<cluster>`.
    package var cluster: Located<String>?
    /// Set for a federated backend: `<service>-federated`.
    package var federated: Located<Bool>?
    package var weight: Located<Weight>?
    package var range: SourceRange

    package init(
        service: Located<String>, cluster: Located<String>? = nil, federated: Located<Bool>? = nil,
        weight: Located<Weight>? = nil, range: SourceRange
    ) {
        self.service = service
        self.cluster = cluster
        self.federated = federated
        self.weight = weight
        self.range = range
    }
}

/// A weight as written: an integer, or a Kubernetes quantity in milli units (`500m`).
package struct Weight: Sendable, Hashable {
    package var amount: Int
    package var isMilli: Bool

    package init(amount: Int, isMilli: Bool) {
        self.amount = amount
        self.isMilli = isMilli
    }

    /// The weight in milli units.
    package var milli: Int { isMilli ? amount : amount * 1000 }
}

/// linkerd-failover: which backend is primary.
package struct Failover: Sendable {
    package var primary: Located<String>
    package var range: SourceRange

    package init(primary: Located<String>, range: SourceRange) {
        self.primary = primary
        self.range = range
    }
}
