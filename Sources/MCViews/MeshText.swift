import MCBasics
import MCPlanning

/// The mesh section in words: one line per change, as an operator says it, for the text and
/// markdown plans and the commit message; and each risk's sentence.
package enum MeshText {
    /// `+`, `-` or `~`.
    static func mark(_ action: MeshChanges.Action) -> String {
        switch action {
        case .add: "+"
        case .remove: "-"
        case .change: "~"
        }
    }

    /// Every change of the mesh as `(mark, line)`, in a fixed order: clusters, links, exports,
    /// mirrors, splits, trust, credentials.
    static func lines(_ mesh: MeshChanges) -> [(mark: String, text: String)] {
        lines(mesh, limit: .max).lines
    }

    /// The first `limit` lines of the mesh (each worded only when it is kept), and how many
    /// there are in all.
    static func lines(_ mesh: MeshChanges, limit: Int) -> (lines: [(mark: String, text: String)], total: Int) {
        let visible = VisibleText.escaping
        var lines: [(mark: String, text: String)] = []
        var total = 0
        func add(_ line: @autoclosure () -> (mark: String, text: String)) {
            total += 1
            if lines.count < limit { lines.append(line()) }
        }
        for cluster in mesh.clusters {
            add((mark(cluster.action), "cluster \(visible(cluster.name)) \(cluster.action == .add ? "added" : "removed")"))
        }
        for link in mesh.links {
            let name = { "link \(visible(link.source)) → \(visible(link.target))" }
            switch link.action {
            case .add: add(("+", "\(name()) added (\(describe(link.after, identity: false)))"))
            case .remove: add(("-", "\(name()) removed (was \(describe(link.before, identity: false)))"))
            case .change:
                let identity = link.before?.gatewayIdentity != nil && link.after?.gatewayIdentity != nil
                    && link.before?.gatewayIdentity != link.after?.gatewayIdentity
                add(("~", "\(name()): \(describe(link.before, identity: identity)) → \(describe(link.after, identity: identity))"))
            }
        }
        for export in mesh.exports {
            let by = { export.mirroredBy.isEmpty ? "mirrored by no cluster yet"
                : "\(export.action == .add ? "mirrored by" : "was mirrored by") \(export.mirroredBy.map(visible).joined(separator: ", "))" }
            add((mark(export.action), "export \(visible(export.cluster)) \(visible(export.namespace))/\(visible(export.service)) (\(export.mode)) "
                + "\(export.action == .add ? "added" : "removed"), \(by())"))
        }
        for mirror in mesh.mirrors {
            let verb = switch mirror.action { case .add: "gains"; case .remove: "loses"; case .change: "changes" }
            add((mark(mirror.action), "\(visible(mirror.cluster)) \(verb) \(visible(mirror.namespace))/\(visible(mirror.service)) "
                + "(from \(mirror.from.map(visible).joined(separator: ", ")))"))
        }
        for split in mesh.splits { add((mark(split.action), text(of: split))) }
        for trust in mesh.trust {
            for anchor in trust.added { add(("+", "trust \(visible(trust.cluster)): anchor \(describe(anchor)) added")) }
            for anchor in trust.removed { add(("-", "trust \(visible(trust.cluster)): anchor \(describe(anchor)) removed")) }
        }
        for wiring in mesh.wiring {
            let verb = switch wiring.action { case .add: "added"; case .remove: "removed"; case .change: "changed" }
            add((mark(wiring.action), "wiring: \(wiring.kind) \(visible(wiring.name)) \(verb)"))
        }
        for credential in mesh.credentials {
            add(("!", "credentials \(visible(credential.cluster)): key \(visible(credential.key)) in store \(visible(credential.store)) must exist before the sync"))
        }
        return (lines, total)
    }

    /// A split's line: its backends' weights before and after, and its failover primary.
    private static func text(of split: MeshChanges.SplitChange) -> String {
        let visible = VisibleText.escaping
        var text = "split \(visible(split.cluster)) \(visible(split.namespace))/\(visible(split.name))"
        switch split.action {
        case .add: text += " added:"
        case .remove: text += " removed:"
        case .change: text += ":"
        }
        text += " " + split.backends.map { backend in
            switch (backend.before, backend.after) {
            case (let before?, let after?) where before == after: "\(visible(backend.service)) \(after)"
            case (let before?, let after?): "\(visible(backend.service)) \(before) → \(after)"
            case (nil, let after?): "\(visible(backend.service)) \(after) (new)"
            case (let before?, nil): "\(visible(backend.service)) \(before) (gone)"
            case (nil, nil): visible(backend.service)
            }
        }.joined(separator: ", ")
        if split.primaryBefore != split.primaryAfter {
            text += "; failover primary \(split.primaryBefore.map(visible) ?? "none") → \(split.primaryAfter.map(visible) ?? "none")"
        } else if let primary = split.primaryAfter {
            text += "; failover primary \(visible(primary))"
        }
        return text
    }

    /// A risk as one sentence naming what the controller or Linkerd will do.
    static func risk(_ risk: MeshChanges.Risk, rendered: String) -> String {
        let visible = VisibleText.escaping
        switch risk {
        case .clusterRemoved(let cluster):
            return "the folder \(visible(rendered))/\(visible(cluster))/ goes: an Argo CD ApplicationSet or Flux Kustomization that syncs it "
                + "will prune every object it applied to cluster \(visible(cluster))"
        case .likelyRename(let from, let to):
            return "\(visible(to)) has exactly the links \(visible(from)) had: if this is a rename, the controller deletes \(visible(from))'s objects "
                + "and creates \(visible(to))'s; the live cluster is pruned and re-applied, not renamed"
        case .linkRemoved(let source, let target, let mirrors):
            let left = mirrors.isEmpty ? "any mirror Services it created" : mirrors.map(visible).joined(separator: ", ")
            return "link \(visible(source)) → \(visible(target)) removed: Linkerd leaves \(left) in \(visible(source)) behind; "
                + "after the sync, delete them (kubectl delete svc -A -l mirror.linkerd.io/cluster-name=\(visible(target))) as linkerd multicluster unlink would"
        case .trustChanged(let cluster):
            return "the trust bundle of \(visible(cluster)) changes: proxies read it when they start, so restart workloads "
                + "(kubectl rollout restart) after the sync for the change to take effect"
        case .wiringRemoved(let kind, let name, let cluster):
            let keeps = kind == "Application" ? "it has no resources finalizer, so Argo CD leaves" : "its deletionPolicy is Orphan, so Flux leaves"
            return "the \(kind) \(visible(name)) goes with \(visible(cluster))'s folder; \(keeps) the objects it applied in \(visible(cluster)) "
                + "(and its linkerd-multicluster release): delete them by hand once the cluster is retired"
        case .valuesRemoved(let cluster):
            return "\(visible(cluster)) keeps its folder but loses \(visible(rendered))/\(visible(cluster))/linkerd-multicluster.values.yaml: "
                + "its linkerd-multicluster release falls back to the chart's defaults (no gateway, no controllers)"
        }
    }

    /// The counted part of the summary line: `1 export added (2 clusters gain 1 service)`, …;
    /// empty when the mesh does not change.
    static func counts(_ mesh: MeshChanges) -> [String] {
        func count(_ n: Int, _ noun: String, _ verb: String) -> String? {
            n == 0 ? nil : "\(n) \(noun)\(n == 1 ? "" : "s") \(verb)"
        }
        // Counted in place: a first apply's mesh gains a mirror per export per link (170,000 at
        // 500 clusters), and filtered copies of them were most of its commit message's cost.
        var parts: [String?] = [
            count(mesh.clusters.count { $0.action == .add }, "cluster", "added"),
            count(mesh.clusters.count { $0.action == .remove }, "cluster", "removed"),
            count(mesh.links.count { $0.action == .add }, "link", "added"),
            count(mesh.links.count { $0.action == .remove }, "link", "removed"),
            count(mesh.links.count { $0.action == .change }, "link", "changed"),
            count(mesh.exports.count { $0.action == .add }, "export", "added"),
            count(mesh.exports.count { $0.action == .remove }, "export", "removed"),
        ]
        var (gained, lost) = (0, 0)
        var (gaining, losing) = (Set<String>(), Set<String>())
        for mirror in mesh.mirrors {
            switch mirror.action {
            case .add: gained += 1; gaining.insert(mirror.cluster)
            case .remove: lost += 1; losing.insert(mirror.cluster)
            case .change: break
            }
        }
        var mirrors: [String] = []
        if gained > 0 {
            let clusters = gaining.count
            mirrors.append("\(clusters) cluster\(clusters == 1 ? "" : "s") gain\(clusters == 1 ? "s" : "") \(gained) service\(gained == 1 ? "" : "s")")
        }
        if lost > 0 {
            let clusters = losing.count
            mirrors.append("\(clusters) cluster\(clusters == 1 ? "" : "s") lose\(clusters == 1 ? "s" : "") \(lost) service\(lost == 1 ? "" : "s")")
        }
        if !mirrors.isEmpty {
            if let last = parts.lastIndex(where: { $0 != nil }) {
                parts[last] = parts[last]! + " (" + mirrors.joined(separator: ", ") + ")"
            } else {
                parts.append(mirrors.joined(separator: ", "))
            }
        }
        parts.append(count(mesh.splits.count { $0.action == .add }, "split", "added"))
        parts.append(count(mesh.splits.count { $0.action == .remove }, "split", "removed"))
        parts.append(count(mesh.splits.count { $0.action == .change }, "split", "changed"))
        let joined = Set(mesh.clusters.lazy.filter { $0.action == .add }.map(\.name))
        parts.append(count(mesh.trust.count { !joined.contains($0.cluster) }, "trust bundle", "changed"))
        return parts.compactMap { $0 }
    }

    private static func describe(_ link: MeshChanges.LinkState?, identity: Bool) -> String {
        guard let link else { return "none" }
        guard link.mode == "gateway" else { return link.mode }
        var text = "gateway"
        if let address = link.gatewayAddress { text += " \(VisibleText.escaping(address)):\(link.gatewayPort ?? "?")" }
        if identity, let name = link.gatewayIdentity { text += " as \(VisibleText.escaping(name))" }
        return text
    }

    private static func describe(_ anchor: MeshChanges.Anchor) -> String {
        "\(VisibleText.escaping(anchor.subject)) (sha256 \(anchor.sha256.prefix(16))…, expires \(anchor.notAfter))"
    }
}
