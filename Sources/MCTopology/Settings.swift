/// Mesh-wide settings; every field has a default (docs/topology.md).
package struct Settings: Sendable {
    package var linkerdNamespace: Located<String>
    package var multiclusterNamespace: Located<String>
    package var clusterDomain: Located<String>
    package var trustDomain: Located<String>
    package var routeAPI: Located<RouteAPI>
    package var excludedLabels: [Located<String>]
    package var excludedAnnotations: [Located<String>]
    package var certificateWarningDays: Located<Int>
    /// How Argo CD or Flux consume the folders; nil: no wiring is rendered.
    package var gitops: GitOps?

    package static let defaultLinkerdNamespace = "linkerd"
    package static let defaultMulticlusterNamespace = "linkerd-multicluster"
    package static let defaultClusterDomain = "cluster.local"
    package static let defaultTrustDomain = "cluster.local"
    package static let defaultCertificateWarningDays = 60

    package init(
        linkerdNamespace: Located<String>, multiclusterNamespace: Located<String>,
        clusterDomain: Located<String>, trustDomain: Located<String>, routeAPI: Located<RouteAPI>,
        excludedLabels: [Located<String>] = [], excludedAnnotations: [Located<String>] = [],
        certificateWarningDays: Located<Int>
    ) {
        self.linkerdNamespace = linkerdNamespace
        self.multiclusterNamespace = multiclusterNamespace
        self.clusterDomain = clusterDomain
        self.trustDomain = trustDomain
        self.routeAPI = routeAPI
        self.excludedLabels = excludedLabels
        self.excludedAnnotations = excludedAnnotations
        self.certificateWarningDays = certificateWarningDays
    }
}

/// The API a weighted split renders to.
package enum RouteAPI: String, CaseIterable, Sendable {
    case gatewayHTTPRoute = "gateway.networking.k8s.io/v1"
    case linkerdHTTPRoute = "policy.linkerd.io/v1beta3"
    case smiV1alpha1 = "split.smi-spec.io/v1alpha1"
    case smiV1alpha2 = "split.smi-spec.io/v1alpha2"

    package static let `default` = RouteAPI.gatewayHTTPRoute

    /// HTTPRoutes name a port in their parent and backend references; TrafficSplits do not.
    package var needsPort: Bool { self == .gatewayHTTPRoute || self == .linkerdHTTPRoute }
}
