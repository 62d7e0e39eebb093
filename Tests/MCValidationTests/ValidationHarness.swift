import Foundation
import MCDiagnostics
import MCBasics
import MCLoading
import MCTestSupport
import MCTopology
import MCYAML
import Testing

@testable import MCValidation

/// Tests run at a fixed time so that the certificate fixtures never expire.
let pinnedNow = ISO8601DateFormatter().date(from: "2026-12-01T00:00:00Z")!

/// The certificate fixtures, as `certs/<name>.crt`.
let fixtureCertificates: [String: String] = {
    let folder = PackagePaths.root + "/Tests/MCValidationTests/Fixtures/certs"
    let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
    return Dictionary(uniqueKeysWithValues: names.filter { $0.hasSuffix(".crt") }.map {
        ("certs/" + $0, try! String(contentsOfFile: folder + "/" + $0, encoding: .utf8))
    })
}()

let header = "apiVersion: mcplan/v1\nkind: Topology\ntrustAnchors:\n  - {name: root, file: certs/root-p256.crt}\n"

/// A complete cluster entry trusting `root`, with a gateway and a credentials source.
func cluster(_ name: String, _ extra: String = "") -> String {
    "  - name: \(name)\n    trustAnchors: [root]\n    gateway: {address: \(name).example.com}\n"
        + "    credentials: {externalSecret: {store: vault, key: k}}\n" + extra
}

/// One diagnostic a case expects: its code, the marker it points at, and its message.
struct Expected: Sendable, CustomStringConvertible {
    var code: DiagnosticCode
    var marker: String
    var message: String

    init(_ code: DiagnosticCode, _ marker: String, _ message: String) {
        self.code = code
        self.marker = marker
        self.message = message
    }

    var description: String { "\(code.rawValue)@\(marker): \(message)" }
}

/// A marked topology and what one rule must report on it (nothing, for a valid case).
struct RuleCase: CustomTestStringConvertible, Sendable {
    var name: String
    var yaml: String
    var expected: [Expected]
    var files: [String: [UInt8]] = [:]
    var escaping: [String] = []

    init(_ name: String, _ yaml: String, _ expected: [Expected] = [], files: [String: [UInt8]] = [:], escaping: [String] = []) {
        self.name = name
        self.yaml = yaml
        self.expected = expected
        self.files = files
        self.escaping = escaping
    }

    var testDescription: String { name }
}

/// Loads a case's topology (which must load cleanly) and gathers its validation input.
func input(for testCase: RuleCase, text: String) throws -> ValidationInput {
    let parsed = YAMLParser.parse(Array(text.utf8), path: "topology.yaml")
    let root = try #require(parsed.root, "\(parsed.diagnostics)")
    let loaded = TopologyLoader.load(root, path: "topology.yaml")
    #expect(parsed.diagnostics.isEmpty && loaded.diagnostics.isEmpty,
            "fixture must load cleanly: \(loaded.diagnostics.map { "\($0.code.rawValue) \($0.range.start) \($0.message)" })")
    let topology = try #require(loaded.topology)
    var fileSystem = InMemoryFileSystem(texts: fixtureCertificates)
    for (path, bytes) in testCase.files { fileSystem.files[RelativePath(path)!] = bytes }
    fileSystem.escaping = Set(testCase.escaping.map { RelativePath($0)! })
    let files = ReferencedFileResolver.resolve(topology, base: .root, fileSystem: fileSystem)
    return ValidationInput(topology: topology, source: parsed.source, files: files, now: pinnedNow)
}

/// Runs `rule` alone and through the whole validator and checks both against the case.
func check(_ testCase: RuleCase, rule: any ValidationRule) throws {
    let fixture = MarkedText(testCase.yaml)
    let validationInput = try input(for: testCase, text: fixture.text)
    var alone: [Diagnostic] = []
    rule.check(ValidationContext(validationInput), into: &alone)
    alone.sort()
    let describe = { (d: Diagnostic) in "\(d.code.rawValue)@\(d.range.start): \(d.message)" }
    let expected = testCase.expected.map { "\($0.code.rawValue)@\(fixture[$0.marker]): \($0.message)" }
    #expect(alone.map(describe) == expected)
    for diagnostic in alone {
        #expect(diagnostic.hint != nil, "every diagnostic says how to fix it")
        #expect(diagnostic.severity == diagnostic.code.severity)
    }
    let whole = Validator.validate(validationInput)
    #expect(whole.diagnostics.filter { rule.codes.contains($0.code) }.map(describe) == alone.map(describe))
    let others = whole.diagnostics.filter { !rule.codes.contains($0.code) && $0.severity == .error }
    #expect(others.isEmpty, "the fixture breaks only this rule: \(others.map(describe))")
    #expect((whole.validated == nil) == whole.diagnostics.contains { $0.severity == .error })
}
