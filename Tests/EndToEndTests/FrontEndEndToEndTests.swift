import Foundation
import MCTestSupport
import Testing

private let fixtures = PackagePaths.root + "/Tests/EndToEndTests/Fixtures"
private let goldens = PackagePaths.root + "/Tests/EndToEndTests/Goldens"

/// A folder under the system's temporary directory, removed by the caller.
func temporaryFolder() throws -> String {
    let path = NSTemporaryDirectory() + "mcplan-e2e-" + UUID().uuidString
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
}

@Suite struct FrontEndEndToEndTests {
    static let badFiles = ["many-errors", "syntax-error", "several-documents", "not-utf8", "empty", "crlf", "wrong-types"]

    @Test(arguments: badFiles)
    func badTopologyExitsOneWithGoldenDiagnostics(name: String) throws {
        let result = try Command.product("mcplan", ["-f", name + ".yaml"], in: fixtures)
        #expect(result.status == 1)
        #expect(result.stdout.isEmpty)
        #expect(!result.stderr.contains("\u{1B}["), "no colour when standard error is not a terminal")
        #expect(Golden.mismatch(result.stderr, golden: "\(goldens)/\(name).txt") == nil)
    }

    /// One topology breaking many validation rules at once: every one is reported, in order.
    @Test func manyRulesBrokenAtOnce() throws {
        let folder = fixtures + "/many-rules"
        let result = try Command.product("mcplan", ["-C", folder], environment: ["MCPLAN_NOW": "2026-12-01T00:00:00Z"])
        #expect(result.status == 1)
        #expect(result.stdout.isEmpty)
        #expect(!result.stderr.contains("MC4CAQAwBQYDK2VwBCIE"), "key material is never echoed")
        #expect(Golden.mismatch(result.stderr, golden: goldens + "/many-rules.txt") == nil)
        let codes = Set(result.stderr.matches(of: /error\[(MC\d+)\]/).map { String($0.output.1) })
        #expect(codes.count >= 12)
    }

    @Test func invalidClockOverrideIsAnError() throws {
        let result = try Command.product("mcplan", ["-C", PackagePaths.examples + "/east-west"], environment: ["MCPLAN_NOW": "yesterday"])
        #expect(result.status == 1)
        #expect(result.stderr == "error: MCPLAN_NOW='yesterday' is not an RFC 3339 time such as 2026-12-01T00:00:00Z\n")
    }

    @Test(arguments: badFiles)
    func jsonOutputCarriesTheSameDiagnostics(name: String) throws {
        let text = try Command.product("mcplan", ["-f", name + ".yaml", "--no-color"], in: fixtures)
        let json = try Command.product("mcplan", ["-f", name + ".yaml", "-o", "json"], in: fixtures)
        #expect(json.status == 1)
        #expect(json.stderr.isEmpty)
        let document = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect(document["formatVersion"] as? String == "1.1")
        #expect((document["changes"] as? [Any])?.isEmpty == true)
        #expect((document["summary"] as? [String: Any])?["hasChanges"] as? Bool == false)
        let diagnostics = try #require(document["diagnostics"] as? [[String: Any]])
        let headers = diagnostics.map {
            "\($0["file"]!):\($0["line"]!):\($0["column"]!): \($0["severity"]!)[\($0["code"]!)]: \($0["message"]!)"
        }
        let textHeaders = text.stderr.split(separator: "\n").filter { $0.hasPrefix(name + ".yaml:") }.map(String.init)
        #expect(headers == textHeaders)
    }

    /// Every example is valid, and warns exactly as its README says it intends to.
    @Test(arguments: PackagePaths.exampleNames())
    func everyExampleIsValidWithItsIntendedWarnings(example: String) throws {
        let folder = PackagePaths.examples + "/" + example
        let result = try Command.product("mcplan", ["-C", folder])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(!result.stderr.contains("error["))
        #expect(result.stdout.contains("\nPlan: "))
        let readme = try String(contentsOfFile: folder + "/README.md", encoding: .utf8)
        let intended = try #require(readme.components(separatedBy: "Intended warnings:").last)
        let header = /warning\[(MC9\d\d)\]/
        let emitted = result.stderr.matches(of: header).map { String($0.output.1) }
        #expect(Set(emitted) == Set(intended.matches(of: /MC9\d\d/).map { String($0.output) }))
    }

    @Test func examplesCoverEverySeedScenario() {
        #expect(PackagePaths.exampleNames() == [
            "cluster1-cluster2", "custom-gateways", "east-west", "fleet", "london-paris", "trust-anchor-rotation", "workload1-workload2",
        ])
    }

    @Test func plansTheWholeFleetFromNothing() throws {
        let repo = try repositoryWithExample("fleet")
        defer { try? FileManager.default.removeItem(atPath: repo) }
        let result = try Command.product("mcplan", ["-C", repo, "-o", "json"])
        #expect(result.status == 0)
        let document = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let summary = try #require(document["summary"] as? [String: Any])
        #expect(summary["clusters"] as? Int == 15 && summary["hasChanges"] as? Bool == true)
        #expect(summary["add"] as? Int == (document["changes"] as? [Any])?.count)
        #expect((document["diagnostics"] as? [Any])?.isEmpty == true)
    }

    @Test func readsTheTopologyFromStandardInput() throws {
        let text = try String(contentsOfFile: fixtures + "/syntax-error.yaml", encoding: .utf8)
        let bad = try Command.product("mcplan", ["-f", "-"], input: text)
        #expect(bad.status == 1)
        #expect(bad.stderr.hasPrefix("<stdin>:6:9: error[MC101]: YAML syntax error: did not find expected ',' or ']'"))
        let repo = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: repo) }
        #expect(try Command.run("/usr/bin/env", ["git", "init", "-q", repo]).status == 0)
        let good = try Command.product("mcplan", ["-f", "-"], in: repo, input: "apiVersion: mcplan/v1\nkind: Topology\nclusters: []\n")
        #expect(good.status == 0, "\(good.stderr)")
        // An empty mesh still owns its folder: only the manifest would be written.
        #expect(good.stdout == "Plan: 0 to add, 0 to change, 0 to destroy across 0 clusters.\n")
    }

    /// `--stdin-path` reads standard input as the committed topology: an up-to-date folder plans
    /// no change (without it every header would name `<stdin>`), and diagnostics name the path.
    @Test func standardInputCanStandForTheTopologyFile() throws {
        let repo = try repositoryWithExample("east-west")
        defer { try? FileManager.default.removeItem(atPath: repo) }
        #expect(try Command.product("mcapply", ["-C", repo, "--commit"]).status == 0)
        let text = try String(contentsOfFile: repo + "/topology.yaml", encoding: .utf8)
        let asFile = try Command.product("mcplan", ["-f", "-", "--stdin-path", "topology.yaml"], in: repo, input: text)
        #expect(asFile.status == 0, "\(asFile.stderr)")
        #expect(asFile.stdout.hasSuffix("No changes. The rendered folder is up to date.\n"))
        let bad = try Command.product("mcplan", ["-f", "-", "--stdin-path", "topology.yaml"], in: repo, input: text + "oops: 1\n")
        #expect(bad.stderr.hasPrefix("topology.yaml:"), "\(bad.stderr)")
        let misuse = try Command.product("mcplan", ["--stdin-path", "topology.yaml"], in: repo)
        #expect(misuse.status == 64)
    }

    /// With `-f -`, `file:` paths resolve against the repository's root, wherever mcplan runs.
    @Test func standardInputResolvesFilesAgainstTheRepositoryRoot() throws {
        let repo = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: repo) }
        let example = PackagePaths.examples + "/east-west"
        try FileManager.default.createDirectory(atPath: repo + "/deep/inside", withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: example + "/certs", toPath: repo + "/certs")
        #expect(try Command.run("/usr/bin/env", ["git", "init", "-q", repo]).status == 0)
        let text = try String(contentsOfFile: example + "/topology.yaml", encoding: .utf8)
        let fromSubfolder = try Command.product("mcplan", ["-f", "-"], in: repo + "/deep/inside", input: text)
        #expect(fromSubfolder.status == 0, "\(fromSubfolder.stderr)")
        #expect(fromSubfolder.stdout.hasSuffix(" 10 to add, 0 to change, 0 to destroy across 2 clusters.\n"))
        // The same text as a file in the subfolder resolves against the subfolder: no certs there.
        try text.write(toFile: repo + "/deep/topology.yaml", atomically: true, encoding: .utf8)
        let asFile = try Command.product("mcplan", ["-C", repo, "-f", "deep/topology.yaml"])
        #expect(asFile.status == 1)
        #expect(asFile.stderr.contains("deep/topology.yaml:9:11: error[MC306]: cannot use 'certs/root.crt': no such file"))
    }

    @Test func missingFileIsUnreadable() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let result = try Command.product("mcplan", ["-C", folder])
        #expect(result.status == 1)
        #expect(result.stderr.hasPrefix("topology.yaml:1:1: error[MC100]: cannot read 'topology.yaml': no such file\n"))
        let directory = try Command.product("mcplan", ["-f", "."], in: folder)
        #expect(directory.stderr.contains("error[MC100]: cannot read '.': it is a directory"))
    }

    @Test func oversizedInputIsRefusedWithoutParsing() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let big = String(repeating: "# padding line of a topology that is far too large\n", count: 340_000)
        try big.write(toFile: folder + "/topology.yaml", atomically: true, encoding: .utf8)
        let result = try Command.product("mcplan", ["-C", folder])
        #expect(result.status == 1)
        #expect(result.stderr.hasPrefix("topology.yaml:1:1: error[MC103]: input is 16777217 bytes, over the limit of 16 MiB"))
    }

    @Test func badUsageExits64() throws {
        #expect(try Command.product("mcplan", ["--output", "yaml"]).status == 64)
        #expect(try Command.product("mcplan", ["--no-such-flag"]).status == 64)
        #expect(try Command.product("mcapply", ["--output", "xml"]).status == 64)
        #expect(try Command.product("mcplan", ["-C", "/nonexistent/folder"]).status == 64)
    }

    @Test func versionAndHelp() throws {
        let version = try Command.product("mcplan", ["--version"])
        #expect(version.status == 0 && version.stdout.hasPrefix("0.1.0; renders for Linkerd 2.18–2.20"))
        let help = try Command.product("mcapply", ["--help"])
        #expect(help.status == 0 && help.stdout.contains("--topology"))
    }

    @Test func mcapplyReportsTheSameDiagnostics() throws {
        let plan = try Command.product("mcplan", ["-f", "many-errors.yaml"], in: fixtures)
        let apply = try Command.product("mcapply", ["-f", "many-errors.yaml"], in: fixtures)
        #expect(apply.status == 1)
        // The same diagnostics; only the closing line says what each command did not do.
        #expect(apply.stderr == plan.stderr.replacingOccurrences(of: "; nothing was planned", with: "; nothing was written"))
        #expect(!FileManager.default.fileExists(atPath: fixtures + "/rendered"))
    }
}

@Suite struct CompletionScriptTests {
    @Test(arguments: ["bash", "zsh", "fish"])
    func completionScripts(shell: String) throws {
        for tool in ["mcplan", "mcapply"] {
            let result = try Command.product(tool, ["--generate-completion-script", shell])
            #expect(result.status == 0)
            #expect(result.stdout.contains(tool) && result.stdout.contains("topology"))
        }
    }

    /// Paths complete as paths: YAML files for -f, folders for --rendered and -C.
    @Test func pathsCompleteAsPaths() throws {
        let bash = try Command.product("mcplan", ["--generate-completion-script", "bash"]).stdout
        #expect(bash.contains("'-f'|'--topology')\n        __mcplan_add_completions -o plusdirs -fX '!*.@(yaml|yml)'"))
        #expect(bash.contains("'--rendered')\n        __mcplan_add_completions -d"))
        #expect(bash.contains("'-C'|'--repo')\n        __mcplan_add_completions -d"))
    }
}

/// `--help` carries examples, the exit statuses and the environment variables.
@Suite struct HelpTests {
    @Test(arguments: ["mcplan", "mcapply"])
    func helpSaysHowToUseIt(tool: String) throws {
        let help = try Command.product(tool, ["--help"])
        #expect(help.status == 0)
        for word in ["Examples:", "Exit status:", "Environment:", "MCPLAN_NOW", "NO_COLOR", "64 bad usage"] {
            #expect(help.stdout.contains(word), "\(tool) --help lacks \(word)")
        }
    }

    /// `--explain` prints the code's section of docs/diagnostics.md, which the binary carries, for
    /// every code the docs have; anywhere, without a topology.
    @Test func explainPrintsTheDocsSection() throws {
        let docs = try String(contentsOfFile: PackagePaths.root + "/docs/diagnostics.md", encoding: .utf8)
        let codes = docs.components(separatedBy: "<a id=\"").dropFirst().map { String($0.prefix(5)) }
        #expect(codes.count > 30)
        for code in codes {
            let explained = try Command.product("mcplan", ["--explain", code.uppercased()], in: NSTemporaryDirectory())
            #expect(explained.status == 0, "\(code)")
            #expect(explained.stdout.hasPrefix("## \(code.uppercased()) — "), "\(code): \(explained.stdout.prefix(60))")
            #expect(docs.contains(explained.stdout.trimmingCharacters(in: .newlines)), "\(code): the section as the docs have it")
        }
        let unknown = try Command.product("mcplan", ["--explain", "MC999"])
        #expect(unknown.status == 64 && unknown.stderr.contains("'MC999' is not a diagnostic code"))
    }
}
