import MCDiagnostics
import MCTopology
import MCYAML

extension TopologyLoader {
    static let settingsFields = [
        "linkerdNamespace", "multiclusterNamespace", "clusterDomain", "trustDomain", "routeAPI",
        "excludedLabels", "excludedAnnotations", "certificateWarningDays",
    ]

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
        return settings
    }
}
