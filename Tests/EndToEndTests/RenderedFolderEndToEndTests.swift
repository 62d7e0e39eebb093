import Foundation
import MCTestSupport
import Testing

private let renderingGoldens = PackagePaths.root + "/Tests/MCRenderingTests/Goldens"
private let crds = PackagePaths.root + "/Tests/CRDs"

/// A fresh git repository holding a copy of an example.
func repositoryWithExample(_ example: String) throws -> String {
    let repo = try temporaryFolder()
    for name in try FileManager.default.contentsOfDirectory(atPath: PackagePaths.examples + "/" + example) {
        try FileManager.default.copyItem(atPath: "\(PackagePaths.examples)/\(example)/\(name)", toPath: repo + "/" + name)
    }
    #expect(try Command.run("/usr/bin/env", ["git", "init", "-q", "-b", "main", repo]).status == 0)
    return repo
}

/// Every kustomization of the GitOps wiring (`_gitops/<tool>/`, `_gitops/flux/<cluster>/`) builds.
func expectWiringBuilds(_ rendered: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
    let wiring = rendered + "/_gitops"
    guard FileManager.default.fileExists(atPath: wiring) else { return }
    var folders: [String] = []
    for case let file as String in FileManager.default.enumerator(atPath: wiring)! where file.hasSuffix("kustomization.yaml") {
        folders.append(wiring + "/" + String(file.dropLast("kustomization.yaml".count)))
    }
    #expect(!folders.isEmpty, sourceLocation: sourceLocation)
    for folder in folders {
        let build = try Command.run("/usr/bin/env", ["kubectl", "kustomize", folder])
        #expect(build.status == 0, "kubectl kustomize \(folder): \(build.stderr)", sourceLocation: sourceLocation)
    }
}

@Suite struct RenderedFolderEndToEndTests {
    /// mcapply writes exactly the golden tree; the result passes the CRD schemas,
    /// kubernetes-validate and `kubectl kustomize` for every cluster.
    @Test(arguments: PackagePaths.exampleNames())
    func mcapplyWritesTheGoldenTreeThatKubernetesAccepts(example: String) throws {
        let repo = try repositoryWithExample(example)
        defer { try? FileManager.default.removeItem(atPath: repo) }
        let apply = try Command.product("mcapply", ["-C", repo])
        #expect(apply.status == 0, "\(apply.stderr)")
        #expect(apply.stdout.hasPrefix("Wrote rendered/: "))
        let written = Golden.readTree(repo + "/rendered")
        #expect(written == Golden.readTree(renderingGoldens + "/" + example), "mcapply writes exactly the golden tree")

        let check = try Command.run("/usr/bin/env", ["python3", PackagePaths.root + "/scripts/check-rendered.py", repo + "/rendered", crds])
        #expect(check.status == 0, "\(check.stdout)\(check.stderr)")
        #expect(check.stdout.hasSuffix(" 0 failed\n"))

        let clusters = try FileManager.default.contentsOfDirectory(atPath: repo + "/rendered").filter { !$0.hasPrefix(".") && $0 != "_gitops" }
        #expect(!clusters.isEmpty)
        for cluster in clusters {
            let build = try Command.run("/usr/bin/env", ["kubectl", "kustomize", repo + "/rendered/" + cluster])
            #expect(build.status == 0, "kubectl kustomize rendered/\(cluster): \(build.stderr)")
            #expect(build.stdout.contains("kind: ConfigMap"))
        }
        try expectWiringBuilds(repo + "/rendered")

        let again = try Command.product("mcapply", ["-C", repo])
        #expect(again.status == 0 && again.stdout == "No changes. rendered/ is up to date.\n")
    }

    /// An application that includes a cluster's exports Component for its namespace gets its
    /// exported Services labelled, whether they carry their namespace or the application's
    /// kustomization sets it (`namespace:` overlays); other Services stay as they are.
    @Test(arguments: [true, false])
    func exportsComponentLabelsTheMatchingService(servicesCarryTheirNamespace: Bool) throws {
        let repo = try repositoryWithExample("east-west")
        defer { try? FileManager.default.removeItem(atPath: repo) }
        #expect(try Command.product("mcapply", ["-C", repo]).status == 0)
        let app = repo + "/apps/podinfo"
        try FileManager.default.createDirectory(atPath: app, withIntermediateDirectories: true)
        let namespace = servicesCarryTheirNamespace ? "\n  namespace: test" : ""
        try """
        apiVersion: v1
        kind: Service
        metadata:
          name: podinfo\(namespace)
        spec:
          ports: [{port: 9898}]
        ---
        apiVersion: v1
        kind: Service
        metadata:
          name: frontend\(namespace)
        spec:
          ports: [{port: 8080}]

        """.write(toFile: app + "/services.yaml", atomically: true, encoding: .utf8)
        try """
        apiVersion: kustomize.config.k8s.io/v1beta1
        kind: Kustomization
        \(servicesCarryTheirNamespace ? "" : "namespace: test\n")resources: [services.yaml]
        components: [../../rendered/east/exports/test]

        """.write(toFile: app + "/kustomization.yaml", atomically: true, encoding: .utf8)
        let build = try Command.run("/usr/bin/env", ["kubectl", "kustomize", app])
        #expect(build.status == 0, "\(build.stderr)")
        let documents = build.stdout.components(separatedBy: "\n---\n")
        let podinfo = try #require(documents.first { $0.contains("name: podinfo") })
        let frontend = try #require(documents.first { $0.contains("name: frontend") })
        #expect(podinfo.contains("mirror.linkerd.io/exported: \"true\""))
        #expect(podinfo.contains("namespace: test"))
        #expect(!frontend.contains("mirror.linkerd.io/exported"))
    }

    /// Files the tool no longer renders go, symlinks inside are replaced, and nothing outside the
    /// folder is touched.
    @Test func mcapplyOwnsTheFolderAndNothingElse() throws {
        let repo = try repositoryWithExample("east-west")
        defer { try? FileManager.default.removeItem(atPath: repo) }
        let outside = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: outside) }
        try "keep\n".write(toFile: outside + "/keep.txt", atomically: true, encoding: .utf8)
        #expect(try Command.product("mcapply", ["-C", repo]).status == 0)
        try "stray\n".write(toFile: repo + "/rendered/east/stray.yaml", atomically: true, encoding: .utf8)
        try FileManager.default.createSymbolicLink(atPath: repo + "/rendered/west/kustomization.yaml.tmp", withDestinationPath: outside)
        try FileManager.default.removeItem(atPath: repo + "/rendered/west/kustomization.yaml")
        try FileManager.default.createSymbolicLink(atPath: repo + "/rendered/west/kustomization.yaml", withDestinationPath: outside + "/keep.txt")
        try "notes\n".write(toFile: repo + "/NOTES.md", atomically: true, encoding: .utf8)
        try FileManager.default.createDirectory(atPath: repo + "/rendered/north/linkerd", withIntermediateDirectories: true)
        try "gone\n".write(toFile: repo + "/rendered/north/linkerd/configmap-x.yaml", atomically: true, encoding: .utf8)
        // Uncommitted files mcapply would overwrite or remove are hand edits: refused, then forced.
        let refused = try Command.product("mcapply", ["-C", repo])
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("  rendered/east/stray.yaml\n"))
        let result = try Command.product("mcapply", ["-C", repo, "-o", "json", "--force"])
        #expect(result.status == 0, "\(result.stderr)")
        let report = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(report["action"] as? String == "written")
        let files = try #require(report["files"] as? [String: [String]])
        #expect(files["removed"] == ["east/stray.yaml", "north/linkerd/configmap-x.yaml", "west/kustomization.yaml.tmp"])
        #expect(!FileManager.default.fileExists(atPath: repo + "/rendered/north"), "a folder emptied by removals goes")
        #expect(files["written"] == ["west/kustomization.yaml"])
        #expect(Golden.readTree(repo + "/rendered") == Golden.readTree(renderingGoldens + "/east-west"))
        #expect(try String(contentsOfFile: outside + "/keep.txt", encoding: .utf8) == "keep\n")
        #expect(try String(contentsOfFile: repo + "/NOTES.md", encoding: .utf8) == "notes\n")
        // An empty folder left by hand goes too, on a run that has nothing else to do.
        try FileManager.default.createDirectory(atPath: repo + "/rendered/west/empty/deeper", withIntermediateDirectories: true)
        #expect(try Command.product("mcapply", ["-C", repo]).status == 0)
        #expect(!FileManager.default.fileExists(atPath: repo + "/rendered/west/empty"))
        #expect(FileManager.default.fileExists(atPath: repo + "/rendered/west/kustomization.yaml"))
    }

    /// The folder on disk is compared with the render in path order: a stray whose name Unicode
    /// sorts otherwise than its bytes ("e" and a combining accent sorts after "f" as text, before
    /// it as bytes) is still found and removed, and no rendered file beside it is rewritten.
    @Test func namesSortedOtherwiseByUnicodeAreMatched() throws {
        let repo = try repositoryWithExample("east-west")
        defer { try? FileManager.default.removeItem(atPath: repo) }
        #expect(try Command.product("mcapply", ["-C", repo]).status == 0)
        for name in ["e\u{301}.yaml", "f.yaml"] {
            try "stray\n".write(toFile: repo + "/rendered/east/" + name, atomically: true, encoding: .utf8)
        }
        let result = try Command.product("mcapply", ["-C", repo, "-o", "json", "--force"])
        #expect(result.status == 0, "\(result.stderr)")
        let report = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let files = try #require(report["files"] as? [String: [String]])
        #expect(files["removed"]?.count == 2)
        #expect(files["written"] == [])
        #expect(Golden.readTree(repo + "/rendered") == Golden.readTree(renderingGoldens + "/east-west"))
    }

    /// A file where the render needs a folder goes, and the folder's files are written in its
    /// place (it is reported removed, and the new folder is not taken for it).
    @Test func aFileWhereAFolderGoesIsReplaced() throws {
        let repo = try repositoryWithExample("east-west")
        defer { try? FileManager.default.removeItem(atPath: repo) }
        #expect(try Command.product("mcapply", ["-C", repo]).status == 0)
        try FileManager.default.removeItem(atPath: repo + "/rendered/east/linkerd")
        try "not a folder\n".write(toFile: repo + "/rendered/east/linkerd", atomically: true, encoding: .utf8)
        let result = try Command.product("mcapply", ["-C", repo, "-o", "json", "--force"])
        #expect(result.status == 0, "\(result.stderr)")
        let report = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let files = try #require(report["files"] as? [String: [String]])
        #expect(files["removed"] == ["east/linkerd"])
        #expect(files["written"]?.allSatisfy { $0.hasPrefix("east/linkerd/") } == true)
        #expect(Golden.readTree(repo + "/rendered") == Golden.readTree(renderingGoldens + "/east-west"))
    }

    @Test func invalidTopologyWritesNothing() throws {
        let repo = try repositoryWithExample("east-west")
        defer { try? FileManager.default.removeItem(atPath: repo) }
        let text = try String(contentsOfFile: repo + "/topology.yaml", encoding: .utf8)
        try text.replacingOccurrences(of: "target: east", with: "target: esat").write(toFile: repo + "/topology.yaml", atomically: true, encoding: .utf8)
        let result = try Command.product("mcapply", ["-C", repo])
        #expect(result.status == 1)
        #expect(result.stderr.contains("error[MC202]"))
        #expect(!FileManager.default.fileExists(atPath: repo + "/rendered"))
    }

    @Test func renderedFolderMustBeARealFolderInsideTheRepository() throws {
        let repo = try repositoryWithExample("east-west")
        defer { try? FileManager.default.removeItem(atPath: repo) }
        let outside = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: outside) }
        let escaping = try Command.product("mcapply", ["-C", repo, "--rendered", outside + "/rendered"])
        #expect(escaping.status == 1)
        #expect(escaping.stderr.contains("must lie inside the repository"))
        try FileManager.default.createSymbolicLink(atPath: repo + "/deploy", withDestinationPath: outside)
        let linked = try Command.product("mcapply", ["-C", repo, "--rendered", "deploy/rendered"])
        #expect(linked.status == 1)
        #expect(linked.stderr.contains("is a symlink"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: outside).isEmpty)
        let custom = try Command.product("mcapply", ["-C", repo, "--rendered", "clusters"])
        #expect(custom.status == 0 && custom.stdout.hasPrefix("Wrote clusters/: "))
    }
}

/// The GitOps wiring of every example, in both flavours: it renders, validates against the Argo CD
/// and Flux CRD schemas (Tests/CRDs) and builds with kubectl kustomize.
@Suite struct GitOpsWiringEndToEndTests {
    @Test(arguments: PackagePaths.exampleNames(), ["argocd", "flux"])
    func wiringValidatesAndBuilds(example: String, tool: String) throws {
        let repo = try repositoryWithExample(example)
        defer { try? FileManager.default.removeItem(atPath: repo) }
        let path = repo + "/topology.yaml"
        var text = try String(contentsOfFile: path, encoding: .utf8)
        let gitops = "  gitops:\n    tool: \(tool)\n    repoURL: https://git.example.com/mesh.git\n    chart: {version: 2025.1.1}\n"
        if let range = text.range(of: "\n  gitops:\n") {
            // The example has wiring of its own: replace it.
            let end = text[range.upperBound...].range(of: "\n\n")?.lowerBound ?? text.endIndex
            text.replaceSubrange(range.lowerBound..<end, with: "\n" + gitops.dropLast())
        } else if text.contains("\nsettings:\n") {
            text = text.replacingOccurrences(of: "\nsettings:\n", with: "\nsettings:\n" + gitops)
        } else {
            text = text.replacingOccurrences(of: "\nkind: Topology\n", with: "\nkind: Topology\nsettings:\n" + gitops)
        }
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        let apply = try Command.product("mcapply", ["-C", repo])
        #expect(apply.status == 0, "\(apply.stderr)")
        let wiring = repo + "/rendered/_gitops/" + tool
        #expect(FileManager.default.fileExists(atPath: wiring + "/kustomization.yaml"))
        let check = try Command.run("/usr/bin/env", ["python3", PackagePaths.root + "/scripts/check-rendered.py", repo + "/rendered", crds])
        #expect(check.status == 0, "\(check.stdout)\(check.stderr)")
        try expectWiringBuilds(repo + "/rendered")
        let clusters = try FileManager.default.contentsOfDirectory(atPath: repo + "/rendered").filter { !$0.hasPrefix(".") && !$0.hasPrefix("_") }
        let built = try Command.run("/usr/bin/env", ["kubectl", "kustomize", wiring]).stdout
        for cluster in clusters {
            #expect(built.contains("name: mesh-\(cluster)\n"), "\(tool) wires \(cluster)")
        }
    }
}
