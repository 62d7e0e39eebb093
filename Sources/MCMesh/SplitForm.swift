import MCTopology

/// The object a split renders as: an HTTPRoute when its route API is one and it is no failover
/// split, else an SMI TrafficSplit (`v1alpha2` for failover, which linkerd-failover drives).
package enum SplitForm: Sendable, Equatable {
    /// `port` is nil only for a split that MC223 refuses.
    case route(RouteAPI, port: Int?)
    case trafficSplit(RouteAPI, failover: Bool)

    package init(_ split: Split, settings: Settings) {
        let api = split.routeAPI?.value ?? settings.routeAPI.value
        if split.failover != nil {
            self = .trafficSplit(.smiV1alpha2, failover: true)
        } else if api.needsPort {
            self = .route(api, port: split.port?.value)
        } else {
            self = .trafficSplit(api, failover: false)
        }
    }

    package var api: RouteAPI {
        switch self {
        case .route(let api, _), .trafficSplit(let api, _): api
        }
    }

    package var kind: ResourceKind {
        switch self {
        case .route: .httpRoute
        case .trafficSplit: .trafficSplit
        }
    }
}
