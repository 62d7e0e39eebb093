import MCDiagnostics
import MCTopology
import MCYAML

extension TopologyLoader {
    static let settingsFields = [
        "linkerdNamespace", "multiclusterNamespace", "clusterDomain", "trustDomain", "routeAPI",
        "excludedLabels", "excludedAnnotations", "certificateWarningDays", "gitops",
    ]
    static let gitopsFields = ["tool", "repoURL", "revision", "path", "namespace", "project", "chart", "destinations"]

    static func loadSettings(_ root: Fields, context: LoadContext) -> Settings {
        let at = root.keyRange("settings") ?? root.node.range
        var settings = Settings(
            linkerdNamespace: Located(Settings.defaultLinkerdNamespace, at: at),
            multiclusterNamespace: Located(Settings.defaultMulticlusterNamespace, at: at),
            clusterDomain: Located(Settings.defaultClusterDomain, at: at),
            trustDomain: Located(Settings.defaultTrustDomain, at: at),
            routeAPI: Located(RouteAPI.default, at: at),
            certificateWarningDays: Located(Settings.defaultCertificateWarningDays, at: at))
        guard let node = root.node("settings"),
              let fields = Fields(node, field: "settings", owner: "settings", allowed: settingsFields, context: context)
        else { return settings }
        if let v = fields.string("linkerdNamespace") { settings.linkerdNamespace = v }
        if let v = fields.string("multiclusterNamespace") { settings.multiclusterNamespace = v }
        if let v = fields.string("clusterDomain") { settings.clusterDomain = v }
        if let v = fields.string("trustDomain") { settings.trustDomain = v }
        if let v = fields.choice("routeAPI", RouteAPI.self) { settings.routeAPI = v }
        if let v = fields.strings("excludedLabels") { settings.excludedLabels = v }
        if let v = fields.strings("excludedAnnotations") { settings.excludedAnnotations = v }
        if let v = fields.int("certificateWarningDays") {
            if v.value >= 0 {
                settings.certificateWarningDays = v
            } else {
                context.report(.invalidValue, "certificateWarningDays must not be negative", at: v.range,
                               label: "negative", hint: "use 0 to turn the warning off")
            }
        }
        if let node = fields.node("gitops") { settings.gitops = loadGitOps(node, context: context) }
        return settings
    }

    static func loadGitOps(_ node: YAMLNode, context: LoadContext) -> GitOps? {
        guard let fields = Fields(node, field: "gitops", owner: "settings.gitops", allowed: gitopsFields, context: context) else { return nil }
        var tool: Located<GitOpsTool>?
        if fields.has("tool") { tool = fields.choice("tool", GitOpsTool.self) } else { fields.missing("tool", hint: "add 'tool: argocd' or 'tool: flux'") }
        let repoURL = fields.requiredString("repoURL", hint: "add the URL Argo CD or Flux clones, e.g. 'repoURL: https://github.com/example/mesh.git'")
        let revision = fields.string("revision")
        let path = fields.string("path")
        for text in [repoURL, revision, path].compactMap({ $0 }) where text.value.isEmpty {
            context.report(.invalidValue, "settings.gitops fields must not be empty", at: text.range, label: "empty",
                           hint: "write a value, or leave revision and path out for their defaults (main, rendered)")
        }
        var chartRepository: Located<String>?
        var chartVersion: Located<String>?
        if let chartNode = fields.node("chart") {
            if let chart = Fields(chartNode, field: "chart", owner: "settings.gitops.chart", allowed: ["repoURL", "version"], context: context) {
                chartRepository = chart.string("repoURL")
                chartVersion = chart.requiredString("version", hint: "add the linkerd-multicluster chart version to install, e.g. 'version: 2025.1.1'")
            }
        } else {
            fields.missing("chart", hint: "add 'chart: {version: <linkerd-multicluster chart version>}'")
        }
        var destinations: [(cluster: Located<String>, name: Located<String>)] = []
        if let map = fields.node("destinations") {
            if let pairs = map.mapping {
                for pair in pairs {
                    guard let cluster = pair.key.scalar?.text else { continue }
                    if let name = Fields.string(pair.value, field: cluster, context: context) {
                        destinations.append((Located(cluster, at: pair.key.range), name))
                    }
                }
            } else {
                context.wrongType(map, field: "destinations", expected: "a mapping of cluster names to destinations")
            }
        }
        guard let tool, let repoURL, let chartVersion else { return nil }
        let at = node.range
        return GitOps(tool: tool, repoURL: repoURL, revision: revision ?? Located(GitOps.defaultRevision, at: at),
                      path: path ?? Located(GitOps.defaultPath, at: at),
                      namespace: fields.string("namespace") ?? Located(GitOps.defaultNamespace(tool.value), at: at),
                      project: fields.string("project") ?? Located(GitOps.defaultProject, at: at),
                      chartRepository: chartRepository ?? Located(GitOps.defaultChartRepository, at: at), chartVersion: chartVersion,
                      destinations: destinations)
    }
}
