import Foundation
import MCDiagnostics
import MCTestSupport
import Testing

@testable import MCValidation

@Suite struct RegistryTests {
    /// Every case table of the rule tests.
    static let allCases: [RuleCase] = NameRuleTests.invalidNames + NameRuleTests.duplicates + NameRuleTests.unknownClusters
        + NameRuleTests.unknownAnchors + NameRuleTests.derivedNames + LinkRuleTests.selfLinks + LinkRuleTests.duplicates
        + LinkRuleTests.gateways + LinkRuleTests.sharedAnchors + LinkRuleTests.sameSets + LinkRuleTests.namespaces
        + LinkRuleTests.credentials + SplitRuleTests.exported + SplitRuleTests.linkedBackends + SplitRuleTests.weights
        + SplitRuleTests.ports + SplitRuleTests.primaries + CertificateRuleTests.parsing + CertificateRuleTests.authorities
        + CertificateRuleTests.validity + CertificateRuleTests.keys + CertificateRuleTests.signatures + CertificateRuleTests.expiry
        + FileRuleTests.secrets + FileRuleTests.paths + WarningRuleTests.mirrored + WarningRuleTests.unused + WarningRuleTests.large

    @Test func everyValidationCodeHasExactlyOneRule() {
        let codes = RuleRegistry.all.flatMap(\.codes)
        #expect(codes.count == Set(codes).count)
        let validationCodes = DiagnosticCode.allCases.filter { $0.rawValue >= "MC200" }
        #expect(Set(codes) == Set(validationCodes))
    }

    @Test func everyValidationCodeIsProducedByATest() {
        let produced = Set(Self.allCases.flatMap { $0.expected.map(\.code) })
        let missing = RuleRegistry.all.flatMap(\.codes).filter { !produced.contains($0) }
        #expect(missing.isEmpty, "no test case produces \(missing.map(\.rawValue))")
    }

    @Test func everyRuleHasAValidCase() {
        // Each table includes at least one case that must stay silent, except where a rule's only
        // valid input is the absence of what it checks (covered by the examples staying clean).
        let silent = Self.allCases.filter(\.expected.isEmpty).count
        #expect(silent >= 20)
    }

    /// docs/diagnostics.md documents exactly the codes that exist, each with an example and a fix.
    @Test func everyCodeIsDocumented() throws {
        let text = try String(contentsOfFile: PackagePaths.root + "/docs/diagnostics.md", encoding: .utf8)
        let sections = text.components(separatedBy: "\n## ").dropFirst()
        let documented = sections.compactMap { $0.split(separator: " ").first.map(String.init) }
        #expect(documented == DiagnosticCode.allCases.map(\.rawValue).sorted())
        for section in sections {
            #expect(section.contains("```yaml"), "\(section.prefix(5)) has a failing example")
            #expect(section.contains("**Fix:**"), "\(section.prefix(5)) says how to fix it")
        }
    }
}
