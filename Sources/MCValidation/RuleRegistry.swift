/// The one list of rules; every rule runs on every topology.
package enum RuleRegistry {
    package static let all: [any ValidationRule] = [
        NamesAreValidKubernetesNames(),
        DefinitionsAreUnique(),
        ReferencedClustersExist(),
        ReferencedTrustAnchorsExist(),
        DerivedNamesFitKubernetesLimits(),
        LinksDoNotTargetTheirSource(),
        LinksAreDeclaredOnce(),
        GatewayLinksTargetAGateway(),
        LinkedClustersShareATrustAnchor(),
        DiscoveryStaysWithinOneLinkerdNamespace(),
        IssuersAreTrustedAcrossLinks(),
        RemoteBackendsAreExported(),
        RemoteBackendsAreLinked(),
        WeightsAreValid(),
        RoutesHaveAPort(),
        FailoverSplitsCanBeDriven(),
        CertificatesParse(),
        CertificatesAreAuthorities(),
        CertificatesAreWithinValidity(),
        CertificateKeysAreSupported(),
        IssuersAreSignedByTheirAnchors(),
        NoSecretMaterial(),
        ReferencedFilesStayInRepository(),
        CertificatesDoNotExpireSoon(),
        ExportsAreMirrored(),
        TrustAnchorsAreUsed(),
        LinkedClustersTrustTheSameAnchors(),
        LinksHaveACredentialsSource(),
        ClustersStayUnderResourceLimit(),
    ]

    /// Every code some rule reports.
    package static var codes: [String] { all.flatMap(\.codes).map(\.rawValue).sorted() }
}
