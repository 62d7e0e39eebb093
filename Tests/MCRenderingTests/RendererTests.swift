import Foundation
import MCBasics
import MCDiagnostics
import MCMesh
import MCTestSupport
import MCValidation
import MCYAML
import Testing

@testable import MCRendering

@Suite struct RendererTests {
    static let goldens = PackagePaths.root + "/Tests/MCRenderingTests/Goldens"

    /// Every example renders exactly its golden tree (read and reviewed, not just recorded).
    @Test(arguments: PackagePaths.exampleNames())
    func exampleMatchesGoldenTree(example: String) throws {
        let tree = try renderExample(example)
        #expect(Golden.mismatch(tree: tree.byPath, golden: Self.goldens + "/" + example) == nil)
    }

    @Test(arguments: PackagePaths.exampleNames())
    func renderingTwiceGivesIdenticalBytes(example: String) throws {
        #expect(try renderExample(example).byPath == renderExample(example).byPath)
    }

    /// Given its base, the render keeps no bytes of the objects the base holds exactly (the same
    /// path and blob id) and writes them again, the same, when asked; every other file keeps its
    /// bytes, and the files, digests and ids are those of a render without a base.
    @Test(arguments: PackagePaths.exampleNames())
    func objectsTheBaseHoldsAreWrittenAgainWhenAsked(example: String) throws {
        let folder = PackagePaths.examples + "/" + example
        let text = try String(contentsOfFile: folder + "/topology.yaml", encoding: .utf8)
        let full = try render(text: text, folder: folder).0
        // Every other object as rendered, one at its path with other bytes, and the other files.
        var blobs: [RelativePath: ObjectID] = [:]
        for (index, object) in full.objects.enumerated() where index % 2 == 0 { blobs[object.path] = object.blobID }
        if full.objects.count > 1 { blobs[full.objects[1].path] = ObjectID.blob(holding: Array("edited\n".utf8)) }
        for file in full.files where !MeshLayout.isObjectFile(file.path) { blobs[file.path] = file.id }
        let lean = try render(text: text, folder: folder, base: CommittedFolder(treeID: "base", blobs: blobs)).0
        #expect(full.files.allSatisfy(\.holdsBytes) && full.objects.allSatisfy(\.holdsBytes))
        #expect(lean.objects.map { $0.holdsBytes } == full.objects.map { blobs[$0.path] != $0.blobID })
        #expect(lean.files.map(\.holdsBytes) == full.files.map { !MeshLayout.isObjectFile($0.path) || blobs[$0.path] != $0.id })
        #expect(lean.objects.contains { !$0.holdsBytes })
        #expect(lean.files.map(\.path) == full.files.map(\.path) && lean.files.map(\.id) == full.files.map(\.id))
        #expect(lean.files.map(\.digest) == full.files.map(\.digest) && lean.topologyDigest == full.topologyDigest)
        #expect(lean.byPath == full.byPath)
        #expect(lean.objects.map(\.bytes) == full.objects.map(\.bytes))
    }

    /// Reordering clusters, links, exports and splits in the file changes nothing in the output.
    @Test(arguments: PackagePaths.exampleNames())
    func shuffledTopologyRendersTheSameBytes(example: String) throws {
        let folder = PackagePaths.examples + "/" + example
        let text = try String(contentsOfFile: folder + "/topology.yaml", encoding: .utf8)
        let original = try render(text: text, folder: folder).0.byPath
        let root = try #require(YAMLParser.parse(Array(text.utf8), path: "t").root)
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<3 {
            guard case .mapping(let pairs) = root.value else { Issue.record("not a mapping"); return }
            let shuffled = pairs.map { key, value -> (String, YAMLValue) in
                guard ["clusters", "links", "exports", "splits", "trustAnchors"].contains(key), case .sequence(let items) = value else {
                    return (key, value)
                }
                return (key, .sequence(items.shuffled(using: &generator)))
            }
            let rewritten = YAMLWriter.write(.mapping(shuffled.shuffled(using: &generator)))
            #expect(try render(text: rewritten, folder: folder).0.byPath == original)
        }
    }

    /// MC905 counts what the renderer renders, cluster by cluster.
    @Test(arguments: PackagePaths.exampleNames())
    func resourceCountMatchesTheRender(example: String) throws {
        let folder = PackagePaths.examples + "/" + example
        let (tree, input) = try render(text: String(contentsOfFile: folder + "/topology.yaml", encoding: .utf8), folder: folder)
        let rendered = Dictionary(grouping: tree.objects, by: \.cluster).mapValues(\.count)
        #expect(rendered == MeshLayout.objectCounts(input.topology, clusters: ValidationContext(input).clusters))
    }

    @Test(arguments: PackagePaths.exampleNames())
    func noRenderedFileHoldsKeyOrTokenMaterial(example: String) throws {
        let tree = try renderExample(example)
        for (path, bytes) in tree.byPath {
            let lines = String(decoding: bytes, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
            #expect(SecretMaterial.findings(in: lines).isEmpty, "\(path)")
        }
        for object in tree.objects where object.id.kind == "Secret" {
            guard case .mapping(let fields)? = YAMLParser.parse(object.bytes, path: object.path.string).root?.value else {
                Issue.record("\(object.path) does not parse")
                continue
            }
            #expect(!fields.contains { $0.0 == "data" || $0.0 == "stringData" }, "\(object.path) carries no data")
        }
    }

    /// The facts the renderer keeps for each file are those its written bytes read back as, and
    /// every file a mesh diff reads (Links, credentials, splits, exports Components) has them.
    @Test(arguments: PackagePaths.exampleNames())
    func keptFactsAreWhatTheBytesSay(example: String) throws {
        var read = 0
        for file in try renderExample(example).files {
            let kind = MeshLayout.object(at: file.path).flatMap { RenderedFacts.kind(of: $0.role) }
                ?? MeshLayout.exportsNamespace(at: file.path).map { RenderedFacts.Kind.exports(namespace: $0.namespace) }
            guard let kind else {
                #expect(file.facts == nil, "\(file.path)")
                continue
            }
            let document = try #require(YAMLParser.parse(file.bytes, path: file.path.string).root?.value, "\(file.path)")
            let facts = try #require(file.facts, "\(file.path) keeps its facts")
            #expect(facts == RenderedFacts.read(document, as: kind), "\(file.path)")
            if case .exports(let exported) = facts { #expect(!exported.isEmpty, "\(file.path)") }
            read += 1
        }
        #expect(read > 0)
    }

    @Test(arguments: PackagePaths.exampleNames())
    func everyFileStartsWithTheHeaderAndEndsWithOneNewline(example: String) throws {
        for (path, bytes) in try renderExample(example).byPath where path != Manifest.fileName {
            let text = String(decoding: bytes, as: UTF8.self)
            #expect(text.hasPrefix("# Generated by mcapply from topology.yaml. Do not edit.\n"), "\(path)")
            #expect(text.hasSuffix("\n") && !text.hasSuffix("\n\n") && !text.contains("\r"), "\(path)")
        }
    }

    @Test func everyObjectIsLabelledAndOnePerFile() throws {
        let tree = try renderExample("fleet")
        for object in tree.objects {
            let text = String(decoding: try #require(tree.file(object.path)), as: UTF8.self)
            #expect(text.contains("    app.kubernetes.io/managed-by: mcapply\n"), "\(object.path)")
            #expect(text.components(separatedBy: "\napiVersion: ").count == 2, "one object in \(object.path)")
        }
        #expect(Set(tree.objects.map(\.path)).count == tree.objects.count)
    }

    @Test func manifestRecordsEveryFileAndTheTopologyDigest() throws {
        let tree = try renderExample("east-west")
        let bytes = try #require(tree.file(.init(components: [Manifest.fileName])))
        let manifest = try #require(Manifest.decode(bytes))
        let others = tree.files.filter { $0.path.string != Manifest.fileName }
        #expect(manifest.files == Dictionary(uniqueKeysWithValues: others.map { ($0.path.string, Digest.sha256($0.bytes)) }))
        #expect(manifest.topology.path == "topology.yaml")
        #expect(manifest.topology.digest.hasPrefix("sha256:") && manifest.topology.digest.count == 71)
        #expect(manifest.tool == .init(name: "mcapply", version: "0.1.0"))
    }
}

@Suite struct RendererEdgeTests {
    /// A cluster whose Linkerd and multicluster namespaces are one gets one credentials
    /// ExternalSecret (the labelled one), and the count MC905 uses agrees.
    @Test func sharedNamespaceGetsOneCredentialsSecret() throws {
        let folder = PackagePaths.examples + "/east-west"
        var text = try String(contentsOfFile: folder + "/topology.yaml", encoding: .utf8)
        text = text.replacingOccurrences(of: "  - name: west\n", with: "  - name: west\n    multiclusterNamespace: linkerd\n")
        let (tree, input) = try render(text: text, folder: folder)
        let secrets = tree.objects.filter { $0.id.kind == .externalSecret }
        #expect(secrets.map(\.path.string) == ["west/linkerd/externalsecret-cluster-credentials-east.yaml"])
        #expect(Set(tree.files.map(\.path)).count == tree.files.count)
        #expect(Dictionary(grouping: tree.objects, by: \.cluster).mapValues(\.count) == MeshLayout.objectCounts(input.topology, clusters: ValidationContext(input).clusters))
    }

    @Test func mixedUnitsScaleToMilli() throws {
        let folder = PackagePaths.examples + "/east-west"
        var text = try String(contentsOfFile: folder + "/topology.yaml", encoding: .utf8)
        text = text.replacingOccurrences(of: "        weight: 50\n      - service: podinfo\n        cluster: east\n        weight: 50\n",
                                         with: "        weight: 2\n      - service: podinfo\n        cluster: east\n        weight: 500m\n")
        let (tree, _) = try render(text: text, folder: folder)
        let route = String(decoding: try #require(tree.file(.init("west/test/httproute-podinfo.yaml")!)), as: UTF8.self)
        #expect(route.contains("          weight: 2000\n") && route.contains("          weight: 500\n"))
    }
}

@Suite struct ManifestTests {
    /// The hand-written JSON equals what JSONEncoder writes with the same options.
    @Test(arguments: [
        ("topology.yaml", ["east/kustomization.yaml": "sha256:1", "a-b/x.yaml": "sha256:2", "a/b.yaml": "sha256:3"]),
        ("odd \"name\"\\ with\ttab/é\u{1}.yaml", [:]),
        ("<stdin>", ["x": "y"]),
        // Keys whose byte order differs from paths' ('/' lowest there) and from String's (a
        // combining accent), all sorted by their bytes as JSONEncoder sorts them.
        ("topology.yaml", ["a/b": "1", "a-b": "2", "a.b": "3", "a0": "4", "A": "5", "b": "6", "a": "7"]),
        ("topology.yaml", ["é/x.yaml": "1", "e/x.yaml": "2", "z.yaml": "3", "e\u{301}z.yaml": "4", "日本/x": "5"]),
    ])
    func bytesMatchJSONEncoder(path: String, files: [String: String]) throws {
        let manifest = Manifest(generatedBy: "Generated by mcapply from \(path). Do not edit.", toolVersion: "0.1.0",
                                topologyPath: path, topologyDigest: "sha256:abc", files: files)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        let expected = String(decoding: try encoder.encode(manifest), as: UTF8.self) + "\n"
        #expect(String(decoding: manifest.bytes, as: UTF8.self) == expected)
        #expect(Manifest.decode(manifest.bytes) == manifest)
        #expect(Manifest.recordedFiles(manifest.bytes) == files)
    }

    @Test(arguments: ["", "{", "[]", #"{"files": []}"#, #"{"files": {"a": 1}}"#, #"{"tool": {}}"#,
                      "{\n  \"files\" : {\n", "{\n  \"files\" : {\n    \"a", "{\n  \"files\" : {\n    \"a\" : \"b\"\n  },\n"])
    func recordedFilesOfWhatIsNoManifestAreNil(text: String) {
        #expect(Manifest.recordedFiles(Array(text.utf8)) == nil)
        #expect(Manifest.Listing(Array(text.utf8)) == nil)
    }

    private static func written(_ files: [String: String]) -> [UInt8] {
        Manifest(generatedBy: "Generated by mcapply from topology.yaml. Do not edit.", toolVersion: "0.1.0",
                 topologyPath: "topology.yaml", topologyDigest: "sha256:abc", files: files).bytes
    }

    /// A manifest as mcapply writes it is read in place, its entries grouped by top-level name.
    @Test(arguments: [
        [:],
        ["east/kustomization.yaml": "sha256:1", "a-b/x.yaml": "sha256:2", "a/b.yaml": "sha256:3", "a/c/d.yaml": "sha256:4"],
        ["a/b": "1", "a-b": "2", "a.b": "3", "a0": "4", "A": "5", "b": "6", "a": "7"],
        ["é/x.yaml": "1", "e/x.yaml": "2", "z.yaml": "3", "e\u{301}z.yaml": "4", "日本/x": "5"],
    ])
    func listingReadsWhatMcapplyWrites(files: [String: String]) throws {
        let listing = try #require(Manifest.Listing(Self.written(files)))
        var recorded: [String: String] = [:]
        for key in listing.keys {
            let entries = try #require(listing.recorded(under: key))
            #expect(entries.keys.allSatisfy { Manifest.Listing.key(of: RelativePath($0)!) == key })
            recorded.merge(entries) { first, _ in first }
        }
        #expect(recorded == files)
        #expect(Set(listing.keys) == Set(files.keys.map { Manifest.Listing.key(of: RelativePath($0)!) }))
    }

    /// Any other form, even one JSON readers read alike, is left to `recordedFiles`.
    @Test(arguments: [
        ("an escaped slash", { @Sendable (text: String) in text.replacingOccurrences(of: "east/", with: #"east\/"#) }),
        ("entries out of order", { $0.replacingOccurrences(of: "a/b.yaml", with: "z/b.yaml") }),
        ("an entry twice", { $0.replacingOccurrences(of: "a/b.yaml", with: "a-b/x.yaml") }),
        ("other spacing", { $0.replacingOccurrences(of: #"" : "sha256:1""#, with: #"": "sha256:1""#) }),
        ("files given twice", { $0.replacingOccurrences(of: #""formatVersion""#, with: #""files""#) }),
        ("the rest no JSON", { String($0.dropLast(2)) }),
        ("compact JSON", { text in
            let object = try! JSONSerialization.jsonObject(with: Data(text.utf8))
            return String(decoding: try! JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]), as: UTF8.self)
        }),
    ] as [(String, @Sendable (String) -> String)])
    func listingRefusesOtherForms(change: String, edit: @Sendable (String) -> String) {
        let files = ["east/kustomization.yaml": "sha256:1", "a-b/x.yaml": "sha256:2", "a/b.yaml": "sha256:3"]
        let text = String(decoding: Self.written(files), as: UTF8.self)
        #expect(Manifest.Listing(Array(text.utf8)) != nil)
        #expect(Manifest.Listing(Array(edit(text).utf8)) == nil, "\(change)")
    }

    @Test func listingRefusesEntriesThatAreNoUTF8() throws {
        var bytes = Self.written(["east/a.yaml": "sha256:1", "west/b.yaml": "sha256:2"])
        let at = try #require(bytes.firstIndex(of: UInt8(ascii: "b")))
        bytes[at] = 0xFF
        let listing = try #require(Manifest.Listing(bytes))
        #expect(listing.recorded(under: "east/") == ["east/a.yaml": "sha256:1"])
        #expect(listing.recorded(under: "west/") == nil)
        bytes[try #require(bytes.firstIndex(of: UInt8(ascii: "w")))] = 0xFF
        #expect(Manifest.Listing(bytes) == nil)
    }

    /// Whenever the listing reads a manifest, it reads what a JSON reader reads there: checked on
    /// thousands of one-byte edits of a manifest (changed, inserted or dropped bytes, a fixed seed).
    @Test func listingReadsWhatJSONReadersReadOrNothing() throws {
        let original = Self.written(["east/a.yaml": "sha256:1", "east/b.yaml": "sha256:2", "west/c.yaml": "sha256:3", "top.yaml": "sha256:4"])
        let alphabet = Array(#"{}[]":, \n/abew.1"#.utf8) + [0x00, 0xC3, 0xA9, 0xFF]
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        var read = 0
        for _ in 0..<4000 {
            var bytes = original
            let at = next(bytes.count)
            switch next(3) {
            case 0: bytes[at] = alphabet[next(alphabet.count)]
            case 1: bytes.insert(alphabet[next(alphabet.count)], at: at)
            default: bytes.remove(at: at)
            }
            guard let listing = Manifest.Listing(bytes) else { continue }
            read += 1
            var recorded: [String: String]? = [:]
            for key in listing.keys {
                guard let entries = listing.recorded(under: key) else { recorded = nil; break }
                recorded?.merge(entries) { first, _ in first }
            }
            #expect(Manifest.recordedFiles(bytes) == recorded, "\(String(decoding: bytes, as: UTF8.self))")
        }
        #expect(read > 100)
    }

    /// Two manifests compared by top-level name: equal bytes, or none on either side.
    @Test func listingsCompareEachTopLevelName() throws {
        let ours = try #require(Manifest.Listing(Self.written(["east/a.yaml": "sha256:1", "west/b.yaml": "sha256:2", "top.yaml": "sha256:3"])))
        let theirs = try #require(Manifest.Listing(Self.written(["east/a.yaml": "sha256:1", "west/b.yaml": "sha256:9", "north/c.yaml": "sha256:4"])))
        #expect(ours.sameEntries(under: "east/", as: theirs))
        #expect(!ours.sameEntries(under: "west/", as: theirs))
        #expect(!ours.sameEntries(under: "north/", as: theirs) && !theirs.sameEntries(under: "top.yaml", as: ours))
        #expect(ours.sameEntries(under: "south/", as: theirs))
    }
}
