import MCDiagnostics
import MCTopology
import MCYAML

extension TopologyLoader {
    static func loadTrustAnchors(_ root: Fields, context: LoadContext) -> [TrustAnchor] {
        entries(root, "trustAnchors").compactMap { entry in
            if let name = entry.scalar {
                context.wrongType(entry, field: "trust anchor", expected: "a mapping",
                                  hint: "write '- name: \(name.text)' with 'file:' or 'pem:'")
                // Known by name but broken, so clusters naming it do not get follow-up errors.
                return TrustAnchor(name: Located(name.text, at: entry.range), source: nil, range: entry.range)
            }
            guard let fields = Fields(entry, field: "trust anchor", owner: "a trust anchor",
                                      allowed: ["name", "file", "pem"], context: context) else { return nil }
            let name = fields.requiredString("name")
            let source = certificateSource(fields, what: name.map { "trust anchor '\($0.value)'" } ?? "a trust anchor",
                                           context: context)
            guard let name else { return nil }
            return TrustAnchor(name: name, source: source, range: entry.range)
        }
    }

    /// Exactly one of `file:` or `pem:`.
    static func certificateSource(_ fields: Fields, what: String, context: LoadContext) -> CertificateSource? {
        switch (fields.has("file"), fields.has("pem")) {
        case (true, true):
            context.report(.invalidValue, "\(what) has both 'file' and 'pem'", at: fields.keyRange("pem")!,
                           label: "second source", hint: "keep one of them")
            return nil
        case (false, false):
            fields.missing("file", hint: "add 'file: <path to the PEM certificate>' or 'pem: |' with the certificate")
            return nil
        case (true, false):
            return fields.string("file").map(CertificateSource.file)
        case (false, true):
            return fields.string("pem").map(CertificateSource.pem)
        }
    }
}
