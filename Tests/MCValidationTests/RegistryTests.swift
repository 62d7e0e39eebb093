import Foundation
import MCDiagnostics
import MCTestSupport
import Testing

@testable import MCValidation

@Suite struct RegistryTests {
    /// Every case table of the rule tests, with the rule it is run against.
    static let tables: [(rule: any ValidationRule, cases: [RuleCase])] = [
        (NamesAreValidKubernetesNames(), NameRuleTests.invalidNames), (DefinitionsAreUnique(), NameRuleTests.duplicates),
        (ReferencedClustersExist(), NameRuleTests.unknownClusters), (ReferencedTrustAnchorsExist(), NameRuleTests.unknownAnchors),
        (DerivedNamesFitKubernetesLimits(), NameRuleTests.derivedNames), (LinksDoNotTargetTheirSource(), LinkRuleTests.selfLinks),
        (LinksAreDeclaredOnce(), LinkRuleTests.duplicates), (GatewayLinksTargetAGateway(), LinkRuleTests.gateways),
        (LinkedClustersShareATrustAnchor(), LinkRuleTests.sharedAnchors), (LinkedClustersTrustTheSameAnchors(), LinkRuleTests.sameSets),
        (DiscoveryStaysWithinOneLinkerdNamespace(), LinkRuleTests.namespaces), (IssuersAreTrustedAcrossLinks(), LinkRuleTests.crossIssuers), (LinksHaveACredentialsSource(), LinkRuleTests.credentials),
        (RemoteBackendsAreExported(), SplitRuleTests.exported), (RemoteBackendsAreLinked(), SplitRuleTests.linkedBackends),
        (WeightsAreValid(), SplitRuleTests.weights), (RoutesHaveAPort(), SplitRuleTests.ports),
        (FailoverSplitsCanBeDriven(), SplitRuleTests.primaries), (CertificatesParse(), CertificateRuleTests.parsing),
        (CertificatesAreAuthorities(), CertificateRuleTests.authorities), (CertificatesAreWithinValidity(), CertificateRuleTests.validity),
        (CertificateKeysAreSupported(), CertificateRuleTests.keys), (IssuersAreSignedByTheirAnchors(), CertificateRuleTests.signatures),
        (CertificatesDoNotExpireSoon(), CertificateRuleTests.expiry), (NoSecretMaterial(), FileRuleTests.secrets),
        (ReferencedFilesStayInRepository(), FileRuleTests.paths), (ExportsAreMirrored(), WarningRuleTests.mirrored),
        (TrustAnchorsAreUsed(), WarningRuleTests.unused), (ClustersStayUnderResourceLimit(), WarningRuleTests.large),
    ]

    static let allCases: [RuleCase] = tables.flatMap(\.cases)

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

    /// Each registered rule has a table, run against it, with a case for each of its codes and
    /// at least one case it must stay silent on.
    @Test func everyRuleHasAFailingAndAPassingCase() {
        for rule in RuleRegistry.all {
            let name = String(describing: type(of: rule))
            guard let table = Self.tables.first(where: { type(of: $0.rule) == type(of: rule) }) else {
                Issue.record("\(name) has no case table")
                continue
            }
            #expect(table.cases.contains { $0.expected.isEmpty }, "\(name) has no valid case")
            for code in rule.codes {
                #expect(table.cases.contains { $0.expected.contains { $0.code == code } }, "\(name) has no case for \(code.rawValue)")
            }
        }
    }

    /// docs/diagnostics.md documents exactly the codes that exist, each with an example and a fix.
    @Test func everyCodeIsDocumented() throws {
        let text = try String(contentsOfFile: PackagePaths.root + "/docs/diagnostics.md", encoding: .utf8)
        let sections = text.components(separatedBy: "\n## ").dropFirst()
        let documented = sections.compactMap { $0.split(separator: " ").first.map(String.init) }
        #expect(documented == DiagnosticCode.allCases.map(\.rawValue).sorted())
        // Every text diagnostic ends with `= help: docs/diagnostics.md#mcNNN`: the anchor must exist.
        for code in DiagnosticCode.allCases {
            #expect(text.contains("<a id=\"\(code.rawValue.lowercased())\"></a>\n\n## \(code.rawValue) "), "\(code.rawValue) has no anchor")
        }
        for section in sections {
            #expect(section.contains("```yaml"), "\(section.prefix(5)) has a failing example")
            #expect(section.contains("**Fix:**"), "\(section.prefix(5)) says how to fix it")
        }
    }
}
