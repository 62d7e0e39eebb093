import MCDiagnostics
import MCTopology

/// MC200: clusters, trust anchors and namespaces are DNS-1123 labels; services are DNS-1035
/// labels; split names and service accounts are DNS-1123 subdomains.
struct NamesAreValidKubernetesNames: ValidationRule {
    let codes: [DiagnosticCode] = [.invalidName]

    func check(_ context: ValidationContext, into diagnostics: inout [Diagnostic]) {
        var seen = Set<SourceRange>()
        func require(_ name: Located<String>, _ what: String, _ format: Format) {
            guard !format.accepts(name.value), seen.insert(name.range).inserted else { return }
            diagnostics.append(.invalidName(name, what, format, in: context))
        }
        let topology = context.topology
        let settings = topology.settings
        for namespace in [settings.linkerdNamespace, settings.multiclusterNamespace] {
            require(namespace, "namespace", .label)
        }
        for anchor in topology.trustAnchors { require(anchor.name, "trust anchor", .label) }
        for cluster in topology.clusters {
            require(cluster.name, "cluster", .label)
            require(cluster.linkerdNamespace, "namespace", .label)
            require(cluster.multiclusterNamespace, "namespace", .label)
            if let gateway = cluster.gateway {
                require(gateway.namespace, "namespace", .label)
                require(gateway.serviceAccount, "service account", .subdomain)
            }
            if let credentials = cluster.credentials { require(credentials.store, "secret store", .subdomain) }
        }
        for export in topology.exports {
            require(export.namespace, "namespace", .label)
            for service in export.services { require(service, "service", .serviceName) }
        }
        for split in topology.splits {
            require(split.namespace, "namespace", .label)
            require(split.service, "service", .serviceName)
            if let name = split.name { require(name, "split", .subdomain) }
            for backend in split.backends { require(backend.service, "service", .serviceName) }
        }
    }

    enum Format {
        case label, serviceName, subdomain

        func accepts(_ name: String) -> Bool {
            switch self {
            case .label: NameFormat.isDNS1123Label(name)
            case .serviceName: NameFormat.isDNS1035Label(name)
            case .subdomain: NameFormat.isDNS1123Subdomain(name)
            }
        }

        var title: String {
            switch self {
            case .label: "DNS-1123 label"
            case .serviceName: "DNS-1035 label"
            case .subdomain: "DNS-1123 subdomain"
            }
        }

        var hint: String {
            switch self {
            case .label: "use at most 63 lowercase letters, digits and '-', starting and ending with a letter or digit"
            case .serviceName: "use at most 63 lowercase letters, digits and '-', starting with a letter and ending with a letter or digit"
            case .subdomain: "use lowercase letters, digits, '-' and '.', each part starting and ending with a letter or digit"
            }
        }
    }
}

extension Diagnostic {
    fileprivate static func invalidName(
        _ name: Located<String>, _ what: String, _ format: NamesAreValidKubernetesNames.Format, in context: ValidationContext
    ) -> Diagnostic {
        context.diagnostic(.invalidName, "invalid \(what) name '\(name.value)'", at: name.range, label: "not a \(format.title)", hint: format.hint)
    }
}
