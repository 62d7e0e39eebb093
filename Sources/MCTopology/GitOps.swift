/// Which GitOps controller consumes the rendered folders.
package enum GitOpsTool: String, CaseIterable, Sendable {
    case argocd
    case flux
}

/// `settings.gitops`: what the tool cannot know to wire Argo CD or Flux to the folders (docs/topology.md).
package struct GitOps: Sendable {
    package var tool: Located<GitOpsTool>
    /// The git repository the controller reads.
    package var repoURL: Located<String>
    /// The branch it follows.
    package var revision: Located<String>
    /// The rendered folder's path in that repository.
    package var path: Located<String>
    /// Where the wiring objects live (the Argo CD or Flux namespace).
    package var namespace: Located<String>
    /// The Argo CD project.
    package var project: Located<String>
    /// The Helm repository of the linkerd-multicluster chart, and its version.
    package var chartRepository: Located<String>
    package var chartVersion: Located<String>
    /// Per cluster, the Argo CD destination name or the Flux kubeconfig Secret; default: the cluster's name.
    package var destinations: [(cluster: Located<String>, name: Located<String>)]

    package static let defaultRevision = "main"
    package static let defaultPath = "rendered"
    package static let defaultProject = "default"
    package static let defaultChartRepository = "https://helm.linkerd.io/edge"

    package static func defaultNamespace(_ tool: GitOpsTool) -> String {
        switch tool {
        case .argocd: "argocd"
        case .flux: "flux-system"
        }
    }

    package init(tool: Located<GitOpsTool>, repoURL: Located<String>, revision: Located<String>, path: Located<String>, namespace: Located<String>,
                 project: Located<String>, chartRepository: Located<String>, chartVersion: Located<String>,
                 destinations: [(cluster: Located<String>, name: Located<String>)]) {
        self.tool = tool
        self.repoURL = repoURL
        self.revision = revision
        self.path = path
        self.namespace = namespace
        self.project = project
        self.chartRepository = chartRepository
        self.chartVersion = chartVersion
        self.destinations = destinations
    }

    /// Where `cluster` is deployed to.
    package func destination(of cluster: String) -> String {
        destinations.last { $0.cluster.value == cluster }?.name.value ?? cluster
    }
}
