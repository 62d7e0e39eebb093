import MCBasics
import MCMesh
import MCRendering
import MCValidation
import MCYAML

/// The mesh facts a committed file holds, read back from its YAML with the renderer's readers
/// (`RenderedFacts`), and a trust bundle's anchors. Any file that does not read as expected
/// yields nothing.
enum MeshFacts {
    typealias Exported = RenderedFacts.Exported
    typealias SplitState = RenderedFacts.Split
    /// The secret store and key an ExternalSecret reads.
    typealias Credential = (store: String, key: String)

    /// `bytes` read as `kind`: nil when they do not read as one.
    static func read(_ bytes: [UInt8], as kind: RenderedFacts.Kind) -> RenderedFacts? {
        document(bytes).flatMap { RenderedFacts.read($0, as: kind) }
    }

    static func link(_ facts: RenderedFacts?) -> MeshChanges.LinkState? {
        guard case .link(let link)? = facts else { return nil }
        return link
    }

    static func credential(_ facts: RenderedFacts?) -> Credential? {
        guard case .credential(let store, let key)? = facts else { return nil }
        return (store, key)
    }

    static func split(_ facts: RenderedFacts?) -> SplitState? {
        guard case .split(let split)? = facts else { return nil }
        return split
    }

    static func exports(_ facts: RenderedFacts?) -> [Exported] {
        guard case .exports(let exported)? = facts else { return [] }
        return exported
    }

    static func anchors(_ bytes: [UInt8]) -> [MeshChanges.Anchor] {
        guard case .mapping(let data)? = document(bytes)?["data"] else { return [] }
        return data.flatMap { _, value in
            CertificateBundle.summaries(value.text ?? "").map { MeshChanges.Anchor(subject: $0.subject, sha256: $0.sha256, notAfter: $0.notAfter) }
        }
    }

    private static func document(_ bytes: [UInt8]) -> YAMLValue? {
        YAMLParser.parse(bytes, path: "rendered").root?.value
    }
}
