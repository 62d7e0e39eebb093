import Foundation
import MCTestSupport
import Testing

private let jwt = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJtZXNoIn0.c2lnbmF0dXJlLXNlY3JldA"
private let jwtFragments = ["eyJzdWIiOiJtZXNoIn0", "c2lnbmF0dXJlLXNlY3JldA"]
private let keyBody = "MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQDfakeKeyBody"
private let pemKey = "-----BEGIN PRIVATE KEY-----\n\(keyBody)\n-----END PRIVATE KEY-----\n"

private let root = "trustAnchors:\n  - {name: root, file: certs/root.crt}\n"
private func topology(_ body: String) -> String { "apiVersion: mcplan/v1\nkind: Topology\n" + root + body }
private let east = "  - {name: east, trustAnchors: [root], gateway: {address: east.example.com}}\n"

/// Secret material smuggled into the topology, or a file it references, in the forms a hostile or
/// careless input takes. Each must be MC305 (exit 1, nothing written), and no fragment of the
/// secret may appear in any output: text diagnostics, JSON, the markdown comment, or a file.
@Suite struct SecretEndToEndTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        var topology: String
        var files: [String: String] = [:]
        var fragments: [String]
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        .init(name: "a token as a cluster name", topology: topology("clusters:\n  - {name: \(jwt), trustAnchors: [root]}\n"), fragments: jwtFragments),
        .init(name: "a private key as a cluster name", topology: topology("clusters:\n  - name: |\n" + pemKey.split(separator: "\n").map { "      \($0)\n" }.joined() + "    trustAnchors: [root]\n"),
              fragments: [keyBody]),
        .init(name: "a token as a link target (did-you-mean)", topology: topology("clusters:\n" + east + "links:\n  - {source: east, target: \(jwt)}\n"), fragments: jwtFragments),
        .init(name: "a token as an unknown key", topology: topology("clusters:\n" + east + "\(jwt): 1\n"), fragments: jwtFragments),
        .init(name: "a token as a store name", topology: topology("clusters:\n  - {name: east, trustAnchors: [root], credentials: {externalSecret: {store: \(jwt), key: k}}}\n"),
              fragments: jwtFragments),
        .init(name: "a token as a trust domain", topology: topology("clusters:\n  - {name: east, trustAnchors: [root], trustDomain: \"\(jwt)\"}\n"), fragments: jwtFragments),
        .init(name: "a token as an excluded label", topology: topology("settings: {excludedLabels: [\"\(jwt)\"]}\nclusters:\n" + east), fragments: jwtFragments),
        .init(name: "a private key as a credentials property", topology: topology(
            "clusters:\n  - {name: east, trustAnchors: [root], credentials: {externalSecret: {store: vault, key: k, property: \"\(pemKey.replacingOccurrences(of: "\n", with: "\\n"))\"}}}\n"),
              fragments: [keyBody]),
        .init(name: "a certificate and a key in one escaped pem line", topology: "apiVersion: mcplan/v1\nkind: Topology\ntrustAnchors:\n  - name: root\n    pem: \"CERT\\n"
              + pemKey.replacingOccurrences(of: "\n", with: "\\n") + "\"\nclusters:\n  - {name: east, trustAnchors: [root]}\n", fragments: [keyBody]),
        .init(name: "a token rebuilt from escapes", topology: topology("clusters:\n" + east + "settings: {trustDomain: \"\(jwt.replacingOccurrences(of: ".", with: "\\x2E"))\"}\n"),
              fragments: jwtFragments),
        .init(name: "a token continued over lines", topology: topology("clusters:\n" + east + "settings:\n  trustDomain: \"\(jwt.prefix(20))\\\n    \(jwt.dropFirst(20))\"\n"),
              fragments: ["c2lnbmF0dXJl"]),
        .init(name: "a flow-style token", topology: topology("clusters:\n  - {name: east, trustAnchors: [root], token: hunter2secret}\n"), fragments: ["hunter2secret"]),
        .init(name: "a JSON client key", topology: topology("clusters:\n  - {\"name\": east, \"trustAnchors\": [root], \"client-key-data\": \"S0VZREFUQXNlY3JldA\"}\n"),
              fragments: ["S0VZREFUQXNlY3JldA"]),
        .init(name: "a one-line JSON kubeconfig", topology: topology("clusters:\n" + east + "settings: {trustDomain: '{\"users\":[{\"user\":{\"token\":\"dG9rZW5zZWNyZXQ\"}}]}'}\n"),
              fragments: ["dG9rZW5zZWNyZXQ"]),
        .init(name: "a key after CRLF lines in a referenced file", topology: "apiVersion: mcplan/v1\nkind: Topology\ntrustAnchors:\n  - {name: root, file: certs/bundle.crt}\nclusters:\n  - {name: east, trustAnchors: [root]}\n",
              files: ["certs/bundle.crt": "not a cert\r\n" + pemKey.replacingOccurrences(of: "\n", with: "\r\n")], fragments: [keyBody]),
    ]

    @Test(arguments: cases)
    func secretIsRefusedAndNeverShown(_ testCase: Case) throws {
        let repo = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: repo) }
        try FileManager.default.createDirectory(atPath: repo + "/certs", withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: PackagePaths.examples + "/east-west/certs/root.crt", toPath: repo + "/certs/root.crt")
        for (path, text) in testCase.files { try text.write(toFile: repo + "/" + path, atomically: true, encoding: .utf8) }
        try testCase.topology.write(toFile: repo + "/topology.yaml", atomically: true, encoding: .utf8)
        #expect(try Command.run("/usr/bin/env", ["git", "init", "-q", repo]).status == 0)
        var outputs: [String] = []
        for arguments in [[], ["-o", "json"], ["-o", "markdown"]] {
            let plan = try Command.product("mcplan", ["-C", repo] + arguments)
            #expect(plan.status == 1, "\(arguments)")
            outputs += [plan.stdout, plan.stderr]
            if arguments.isEmpty { #expect(plan.stderr.contains("error[MC305]"), "\(plan.stderr)") }
            if arguments == ["-o", "json"] { #expect(plan.stdout.contains("\"MC305\"")) }
        }
        let apply = try Command.product("mcapply", ["-C", repo, "--commit"])
        #expect(apply.status == 1)
        outputs += [apply.stdout, apply.stderr]
        #expect(!FileManager.default.fileExists(atPath: repo + "/rendered"), "nothing is written")
        for output in outputs {
            for fragment in testCase.fragments { #expect(!output.contains(fragment), "'\(fragment)' shown in: \(output.prefix(400))") }
        }
    }
}

/// Output that cannot be written, and names that try to write lines of their own.
@Suite struct HostileOutputTests {
    /// A full disk on standard output: exit 1 with one line, never a trap.
    @Test func fullStandardOutputIsAFailureNotACrash() throws {
        let repo = try repositoryWithExample("east-west")
        defer { try? FileManager.default.removeItem(atPath: repo) }
        let result = try Command.run("/bin/sh", ["-c", "'\(PackagePaths.binaries)/mcplan' -C '\(repo)' > /dev/full"])
        #expect(result.status == 1)
        #expect(result.stderr.hasSuffix("error: cannot write the plan to standard output: No space left on device\n"), "\(result.stderr)")
    }

    /// A reader that goes away (`mcplan | head -c 1`): exit 1, not a signal or a trap.
    @Test func closedPipeIsAFailureNotACrash() throws {
        let repo = try repositoryWithExample("fleet")
        defer { try? FileManager.default.removeItem(atPath: repo) }
        let result = try Command.run("/bin/bash", ["-c", "set -o pipefail; '\(PackagePaths.binaries)/mcplan' -C '\(repo)' -o json | head -c 1 > /dev/null; echo \"status ${PIPESTATUS[0]}\""])
        #expect(result.stdout == "status 1\n", "\(result.stdout) \(result.stderr)")
    }

    /// A line break in the topology's file name cannot add lines to the rendered files.
    @Test func fileNameCannotInjectLinesIntoHeaders() throws {
        let repo = try repositoryWithExample("london-paris")
        defer { try? FileManager.default.removeItem(atPath: repo) }
        let name = "topo\nkind: Secret\n.yaml"
        try FileManager.default.moveItem(atPath: repo + "/topology.yaml", toPath: repo + "/" + name)
        let apply = try Command.product("mcapply", ["-C", repo, "-f", name])
        #expect(apply.status == 0, "\(apply.stderr)")
        let kustomization = try String(contentsOfFile: repo + "/rendered/london/kustomization.yaml", encoding: .utf8)
        #expect(kustomization.hasPrefix("# Generated by mcapply from topo\\nkind: Secret\\n.yaml. Do not edit.\napiVersion:"))
    }
}
