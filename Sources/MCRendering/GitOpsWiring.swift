import MCBasics
import MCMesh
import MCTopology
import MCYAML

/// `settings.gitops` → the files under `_gitops/` that make Argo CD or Flux consume the folders
/// (docs/rendered-folder.md). Each folder is kustomize-buildable; one `kubectl apply -k` of it
/// starts everything, and from then on it manages itself from git.
///
/// Argo CD (`_gitops/argocd/`): one Application per cluster, syncing the cluster's folder and
/// installing the linkerd-multicluster release with its values file (multi-source); failover
/// TrafficSplits' `spec.backends` ignored (linkerd-failover drives them); refreshed only when the
/// cluster's folder changes (`manifest-generate-paths`); no resources finalizer, so removing a
/// cluster's Application leaves its objects in place; `SkipDryRunOnMissingResource` and retries so
/// Links and ExternalSecrets wait for their CRDs. A root Application syncs the folder itself.
///
/// Flux (`_gitops/flux/`): the GitRepository and HelmRepository, then per cluster a Kustomization
/// for the extension's HelmRelease (values inline, no generator) and one for the folder that
/// depends on it; failover TrafficSplits get `kustomize.toolkit.fluxcd.io/ssa: IfNotPresent`
/// through a patch; `deletionPolicy: Orphan` keeps a removed cluster's objects.
enum GitOpsWiring {
    static func files(_ gitops: GitOps, topology: Topology, clusters: [String: Cluster], linked: Set<String>,
                      outgoing: [String: [OutgoingLink]], header: String) -> [RenderedTree.File] {
        var files: [RenderedTree.File] = []
        func add(_ path: [String], _ value: YAMLValue) {
            var bytes = Array(header.utf8)
            YAMLWriter.write(value, into: &bytes)
            files.append(RenderedTree.File(path: RelativePath(components: [MeshLayout.gitopsFolder] + path), bytes: bytes, digest: SHA256Digest(of: bytes)))
        }
        let names = clusters.keys.sorted()
        let failover = Dictionary(grouping: topology.splits.filter { $0.failover != nil }, by: \.cluster.value)
        switch gitops.tool.value {
        case .argocd:
            var resources: [String] = []
            let root = argoRoot(gitops)
            add([folder(.argocd), file(root)], root.value)
            resources.append(file(root))
            for name in names {
                let application = argoApplication(gitops, cluster: clusters[name]!, values: linked.contains(name), failover: failover[name] ?? [])
                add([folder(.argocd), file(application)], application.value)
                resources.append(file(application))
            }
            add([folder(.argocd), MeshLayout.kustomizationFile], kustomization(resources.sorted()))
        case .flux:
            var resources: [Object] = [fluxGitRepository(gitops), fluxHelmRepository(gitops), fluxRoot(gitops)]
            for name in names {
                let cluster = clusters[name]!
                if linked.contains(name) {
                    let release = fluxHelmRelease(gitops, cluster: cluster, values: ClusterFiles.multiclusterValues(
                        for: cluster, links: outgoing[name] ?? [], settings: topology.settings))
                    add([folder(.flux), name, file(release)], release.value)
                    add([folder(.flux), name, MeshLayout.kustomizationFile], kustomization([file(release)]))
                    resources.append(fluxExtension(gitops, cluster: name))
                }
                resources.append(fluxFolder(gitops, cluster: name, hasExtension: linked.contains(name), failover: !(failover[name] ?? []).isEmpty))
            }
            for object in resources { add([folder(.flux), file(object)], object.value) }
            add([folder(.flux), MeshLayout.kustomizationFile], kustomization(resources.map(file).sorted()))
        }
        return files
    }

    /// The folder of one tool's wiring, below `_gitops/`.
    static func folder(_ tool: GitOpsTool) -> String { tool.rawValue }

    /// An object to write: its kind and name give its file name.
    private struct Object {
        var kind: String
        var name: String
        var value: YAMLValue
    }

    private static func file(_ object: Object) -> String { "\(object.kind.lowercased())-\(object.name).yaml" }

    private static func kustomization(_ resources: [String]) -> YAMLValue {
        .mapping([("apiVersion", .string("kustomize.config.k8s.io/v1beta1")), ("kind", .string("Kustomization")),
                  ("resources", .sequence(resources.map(YAMLValue.string)))])
    }

    private static func object(_ apiVersion: String, _ kind: String, _ name: String, namespace: String,
                               annotations: [(String, YAMLValue)] = [], spec: [(String, YAMLValue)]) -> Object {
        var metadata: [(String, YAMLValue)] = [("name", .string(name)), ("namespace", .string(namespace)),
                                               ("labels", .mapping([("app.kubernetes.io/managed-by", .string("mcapply"))]))]
        if !annotations.isEmpty { metadata.append(("annotations", .mapping(annotations))) }
        return Object(kind: kind, name: name, value: .mapping([("apiVersion", .string(apiVersion)), ("kind", .string(kind)),
                                                              ("metadata", .mapping(metadata)), ("spec", .mapping(spec))]))
    }

    /// `<path>/<rest>` in the repository, without a leading `./`.
    private static func repositoryPath(_ gitops: GitOps, _ rest: String) -> String {
        let base = gitops.path.value.hasPrefix("./") ? String(gitops.path.value.dropFirst(2)) : gitops.path.value
        return base.isEmpty || base == "." ? rest : base.trimmingSuffix("/") + "/" + rest
    }

    // MARK: Argo CD

    private static let applicationVersion = "argoproj.io/v1alpha1"

    private static func argoRoot(_ gitops: GitOps) -> Object {
        let path = repositoryPath(gitops, MeshLayout.gitopsFolder + "/" + folder(.argocd))
        return object(applicationVersion, "Application", "mcapply-gitops", namespace: gitops.namespace.value,
                      annotations: [("argocd.argoproj.io/manifest-generate-paths", .string("/" + path))], spec: [
                          ("project", .string(gitops.project.value)),
                          ("source", .mapping([("repoURL", .string(gitops.repoURL.value)), ("targetRevision", .string(gitops.revision.value)),
                                               ("path", .string(path))])),
                          ("destination", .mapping([("name", .string("in-cluster")), ("namespace", .string(gitops.namespace.value))])),
                          ("syncPolicy", .mapping([("automated", .mapping([("prune", .bool(true)), ("selfHeal", .bool(true))]))])),
                      ])
    }

    private static func argoApplication(_ gitops: GitOps, cluster: Cluster, values: Bool, failover: [Split]) -> Object {
        let name = cluster.name.value
        let folderPath = repositoryPath(gitops, name)
        var sources: [YAMLValue] = []
        if values {
            sources.append(.mapping([
                ("repoURL", .string(gitops.chartRepository.value)), ("chart", .string(chartName)), ("targetRevision", .string(gitops.chartVersion.value)),
                ("helm", .mapping([("releaseName", .string(chartName)),
                                   ("valueFiles", .sequence([.string("$values/" + folderPath + "/" + MeshLayout.extensionValuesFile)]))])),
            ]))
            sources.append(.mapping([("repoURL", .string(gitops.repoURL.value)), ("targetRevision", .string(gitops.revision.value)), ("ref", .string("values"))]))
        }
        sources.append(.mapping([("repoURL", .string(gitops.repoURL.value)), ("targetRevision", .string(gitops.revision.value)), ("path", .string(folderPath))]))
        var spec: [(String, YAMLValue)] = [
            ("project", .string(gitops.project.value)),
            ("destination", .mapping([("name", .string(gitops.destination(of: name))), ("namespace", .string(cluster.multiclusterNamespace.value))])),
            ("sources", .sequence(sources)),
        ]
        if !failover.isEmpty {
            spec.append(("ignoreDifferences", .sequence(failover.map { split in
                .mapping([("group", .string("split.smi-spec.io")), ("kind", .string("TrafficSplit")), ("name", .string(split.name?.value ?? split.service.value)),
                          ("namespace", .string(split.namespace.value)), ("jsonPointers", .sequence([.string("/spec/backends")]))])
            })))
        }
        var options = ["CreateNamespace=true", "SkipDryRunOnMissingResource=true"]
        if !failover.isEmpty { options.append("RespectIgnoreDifferences=true") }
        spec.append(("syncPolicy", .mapping([
            ("automated", .mapping([("prune", .bool(true)), ("selfHeal", .bool(true))])),
            ("syncOptions", .sequence(options.map(YAMLValue.string))),
            ("retry", .mapping([("limit", .int(10)), ("backoff", .mapping([("duration", .string("10s")), ("factor", .int(2)), ("maxDuration", .string("5m"))]))])),
        ])))
        return object(applicationVersion, "Application", "mesh-" + name, namespace: gitops.namespace.value,
                      annotations: [("argocd.argoproj.io/manifest-generate-paths", .string("/" + folderPath))], spec: spec)
    }

    private static let chartName = "linkerd-multicluster"

    // MARK: Flux

    private static let sourceName = "mcapply-mesh"
    private static let chartSourceName = "linkerd"

    private static func fluxGitRepository(_ gitops: GitOps) -> Object {
        object("source.toolkit.fluxcd.io/v1", "GitRepository", sourceName, namespace: gitops.namespace.value, spec: [
            ("interval", .string("1m")), ("url", .string(gitops.repoURL.value)), ("ref", .mapping([("branch", .string(gitops.revision.value))])),
        ])
    }

    private static func fluxHelmRepository(_ gitops: GitOps) -> Object {
        object("source.toolkit.fluxcd.io/v1", "HelmRepository", chartSourceName, namespace: gitops.namespace.value, spec: [
            ("interval", .string("1h")), ("url", .string(gitops.chartRepository.value)),
        ])
    }

    private static func fluxKustomization(_ gitops: GitOps, name: String, path: String, extra: [(String, YAMLValue)]) -> Object {
        object("kustomize.toolkit.fluxcd.io/v1", "Kustomization", name, namespace: gitops.namespace.value, spec: [
            ("interval", .string("10m")), ("path", .string("./" + path)), ("prune", .bool(true)),
            ("sourceRef", .mapping([("kind", .string("GitRepository")), ("name", .string(sourceName))])),
        ] + extra)
    }

    private static func fluxRoot(_ gitops: GitOps) -> Object {
        fluxKustomization(gitops, name: "mcapply-gitops", path: repositoryPath(gitops, MeshLayout.gitopsFolder + "/" + folder(.flux)), extra: [])
    }

    private static func kubeConfig(_ gitops: GitOps, _ cluster: String) -> (String, YAMLValue) {
        ("kubeConfig", .mapping([("secretRef", .mapping([("name", .string(gitops.destination(of: cluster)))]))]))
    }

    private static func fluxExtension(_ gitops: GitOps, cluster: String) -> Object {
        fluxKustomization(gitops, name: "mesh-\(cluster)-extension", path: repositoryPath(gitops, "\(MeshLayout.gitopsFolder)/\(folder(.flux))/\(cluster)"),
                          extra: [("wait", .bool(true)), ("deletionPolicy", .string("Orphan"))])
    }

    private static func fluxFolder(_ gitops: GitOps, cluster: String, hasExtension: Bool, failover: Bool) -> Object {
        var extra: [(String, YAMLValue)] = [("deletionPolicy", .string("Orphan")), kubeConfig(gitops, cluster)]
        if hasExtension { extra.append(("dependsOn", .sequence([.mapping([("name", .string("mesh-\(cluster)-extension"))])]))) }
        if failover {
            let patch = "- op: add\n  path: /metadata/annotations/kustomize.toolkit.fluxcd.io~1ssa\n  value: IfNotPresent\n"
            extra.append(("patches", .sequence([.mapping([
                ("patch", .string(patch)),
                ("target", .mapping([("group", .string("split.smi-spec.io")), ("kind", .string("TrafficSplit")),
                                     ("labelSelector", .string("failover.linkerd.io/controlled-by=linkerd-failover"))])),
            ])])))
        }
        return fluxKustomization(gitops, name: "mesh-" + cluster, path: repositoryPath(gitops, cluster), extra: extra)
    }

    private static func fluxHelmRelease(_ gitops: GitOps, cluster: Cluster, values: YAMLValue) -> Object {
        let namespace = cluster.multiclusterNamespace.value
        return object("helm.toolkit.fluxcd.io/v2", "HelmRelease", "\(chartName)-\(cluster.name.value)", namespace: gitops.namespace.value, spec: [
            ("interval", .string("10m")), ("releaseName", .string(chartName)), ("targetNamespace", .string(namespace)), ("storageNamespace", .string(namespace)),
            kubeConfig(gitops, cluster.name.value),
            ("chart", .mapping([("spec", .mapping([
                ("chart", .string(chartName)), ("version", .string(gitops.chartVersion.value)),
                ("sourceRef", .mapping([("kind", .string("HelmRepository")), ("name", .string(chartSourceName))])),
            ]))])),
            ("install", .mapping([("createNamespace", .bool(true)), ("crds", .string("CreateReplace"))])),
            ("upgrade", .mapping([("crds", .string("CreateReplace"))])),
            ("values", values),
        ])
    }
}

extension String {
    fileprivate func trimmingSuffix(_ suffix: String) -> String {
        var text = self
        while text.hasSuffix(suffix) { text.removeLast(suffix.count) }
        return text
    }
}
