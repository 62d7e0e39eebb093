/// The MCnnn table of docs/diagnostics.md: every code the product can report, with its fixed severity.
package enum DiagnosticCode: String, CaseIterable, Sendable, Codable, Comparable {
    case unreadableInput = "MC100"
    case syntaxError = "MC101"
    case duplicateKey = "MC102"
    case unsupportedYAML = "MC103"
    case unknownField = "MC104"
    case wrongType = "MC105"
    case missingField = "MC106"
    case unsupportedVersion = "MC107"
    case invalidValue = "MC108"

    case invalidName = "MC200"
    case duplicateDefinition = "MC201"
    case unknownCluster = "MC202"
    case unknownTrustAnchor = "MC203"
    case derivedNameTooLong = "MC204"

    case selfLink = "MC210"
    case duplicateLink = "MC211"
    case gatewayTargetWithoutGateway = "MC212"
    case noSharedTrustAnchor = "MC213"
    case linkerdNamespaceMismatch = "MC214"
    case issuerNotTrustedAcrossLink = "MC215"

    case backendNotExported = "MC220"
    case backendClusterNotLinked = "MC221"
    case invalidWeights = "MC222"
    case missingSplitPort = "MC223"
    case unknownFailoverPrimary = "MC224"

    case unparsableCertificate = "MC300"
    case certificateNotCA = "MC301"
    case certificateOutsideValidity = "MC302"
    case unsupportedKey = "MC303"
    case issuerNotSignedByAnchor = "MC304"
    case secretMaterial = "MC305"
    case fileOutsideRepository = "MC306"

    case certificateExpiringSoon = "MC900"
    case unmirroredExport = "MC901"
    case unusedTrustAnchor = "MC902"
    case trustAnchorSetsDiffer = "MC903"
    case linkWithoutCredentials = "MC904"
    case tooManyResources = "MC905"

    /// Codes from MC900 on are warnings; everything else is an error.
    package var severity: Severity { rawValue >= "MC900" ? .warning : .error }

    package static func < (a: DiagnosticCode, b: DiagnosticCode) -> Bool { a.rawValue < b.rawValue }

    /// One line saying when the code is reported, as in docs/diagnostics.md.
    package var summary: String {
        switch self {
        case .unreadableInput: "file unreadable, empty, not UTF-8"
        case .syntaxError: "YAML syntax error"
        case .duplicateKey: "duplicate mapping key"
        case .unsupportedYAML: "unsupported or excessive YAML"
        case .unknownField: "unknown field"
        case .wrongType: "wrong type"
        case .missingField: "required field missing"
        case .unsupportedVersion: "unsupported apiVersion or kind"
        case .invalidValue: "invalid enum value or malformed value"
        case .invalidName: "invalid name"
        case .duplicateDefinition: "duplicate definition"
        case .unknownCluster: "unknown cluster"
        case .unknownTrustAnchor: "unknown trust anchor"
        case .derivedNameTooLong: "a derived Kubernetes name would exceed its limit"
        case .selfLink: "link from a cluster to itself"
        case .duplicateLink: "the same link declared twice"
        case .gatewayTargetWithoutGateway: "gateway-mode link whose target has no gateway"
        case .noSharedTrustAnchor: "linked clusters share no trust anchor"
        case .linkerdNamespaceMismatch: "remote-discovery link or federated export across Linkerd namespaces"
        case .issuerNotTrustedAcrossLink: "an issuer the other end of a link does not trust"
        case .backendNotExported: "split backend is not exported by its cluster"
        case .backendClusterNotLinked: "split backend names a cluster the split's cluster does not link to"
        case .invalidWeights: "weights invalid"
        case .missingSplitPort: "split port missing where the route API needs it"
        case .unknownFailoverPrimary: "failover primary is not one of the backends"
        case .unparsableCertificate: "certificate cannot be parsed"
        case .certificateNotCA: "trust anchor or issuer is not a CA"
        case .certificateOutsideValidity: "certificate expired or not yet valid"
        case .unsupportedKey: "unsupported key type"
        case .issuerNotSignedByAnchor: "issuer is not signed by any anchor of its cluster"
        case .secretMaterial: "private key or token material"
        case .fileOutsideRepository: "a referenced file escapes the repository or cannot be read"
        case .certificateExpiringSoon: "certificate expires soon"
        case .unmirroredExport: "export that no link mirrors"
        case .unusedTrustAnchor: "trust anchor that no cluster uses"
        case .trustAnchorSetsDiffer: "linked clusters share an anchor but not the same set"
        case .linkWithoutCredentials: "link without a credentials source"
        case .tooManyResources: "a cluster renders more than 2,000 resources"
        }
    }
}
