import MCDiagnostics
import MCTopology
import MCYAML

extension TopologyLoader {
    static let linkFields = ["source", "target", "between", "mesh", "mode"]

    /// Every entry expanded to directional links: `source`/`target` (lists on either side give
    /// every pair), `between` (both directions), `mesh` (every ordered pair).
    static func loadLinks(_ root: Fields, context: LoadContext) -> [Link] {
        entries(root, "links").flatMap { entry -> [Link] in
            guard let fields = Fields(entry, field: "link", owner: "a link", allowed: linkFields, context: context)
            else { return [] }
            let mode = fields.has("mode") ? fields.choice("mode", LinkMode.self) : Located(.gateway, at: entry.range)
            guard let pairs = endpointPairs(fields, context: context), let mode else { return [] }
            return pairs.map { Link(source: $0.0, target: $0.1, mode: mode, declaration: entry.range) }
        }
    }

    private static func endpointPairs(_ fields: Fields, context: LoadContext) -> [(Located<String>, Located<String>)]? {
        let forms = [["source", "target"], ["between"], ["mesh"]].filter { $0.contains(where: fields.has) }
        guard forms.count <= 1 else {
            let second = forms[1][0]
            context.report(
                .invalidValue, "a link uses one form, but this one mixes '\(forms[0][0])' and '\(second)'",
                at: fields.keyRange(second) ?? fields.node.range, label: "second form",
                hint: "write 'source:'/'target:', 'between:' or 'mesh:' as separate entries")
            return nil
        }
        if fields.has("between") {
            guard let names = fields.strings("between") else { return nil }
            guard names.count == 2 else {
                context.report(.invalidValue, "'between' needs exactly two clusters, not \(names.count)",
                               at: fields.node("between")!.range, label: "\(names.count) clusters",
                               hint: "for more clusters linked both ways, use 'mesh:'")
                return nil
            }
            return [(names[0], names[1]), (names[1], names[0])]
        }
        if fields.has("mesh") {
            guard let names = fields.strings("mesh") else { return nil }
            guard names.count >= 2 else {
                context.report(.invalidValue, "'mesh' needs at least two clusters", at: fields.node("mesh")!.range,
                               label: "\(names.count) cluster", hint: "list every cluster of the mesh")
                return nil
            }
            return names.indices.flatMap { i in
                names.indices.filter { $0 != i }.map { j in (names[i], names[j]) }
            }
        }
        guard fields.has("source"), fields.has("target") else {
            let absent = fields.has("source") ? "target" : "source"
            fields.missing(absent, hint: "a link needs 'source' and 'target' (or 'between:' or 'mesh:')")
            return nil
        }
        let sources = fields.strings("source", scalarAllowed: true)
        let targets = fields.strings("target", scalarAllowed: true)
        guard let sources, let targets else { return nil }
        return sources.flatMap { source in targets.map { (source, $0) } }
    }
}
