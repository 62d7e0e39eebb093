/// Kubernetes name formats (apimachinery's validation), shared by loading and validation.
package enum NameFormat {
    /// DNS-1123 label: at most 63 of `a-z0-9-`, starting and ending alphanumeric.
    package static func isDNS1123Label(_ name: String) -> Bool {
        isLabel(name) { $0.isLowercaseAlphanumeric }
    }

    /// DNS-1035 label (Service names): a DNS-1123 label that starts with a letter.
    package static func isDNS1035Label(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, ("a"..."z").contains(first) else { return false }
        return isDNS1123Label(name)
    }

    /// DNS-1123 subdomain: at most 253 characters of dot-separated DNS-1123 labels.
    package static func isDNS1123Subdomain(_ name: String) -> Bool {
        guard !name.isEmpty, name.utf8.count <= 253 else { return false }
        return name.split(separator: ".", omittingEmptySubsequences: false).allSatisfy { isDNS1123Label(String($0)) }
    }

    private static func isLabel(_ name: String, _ edge: (Unicode.Scalar) -> Bool) -> Bool {
        let scalars = Array(name.unicodeScalars)
        guard let first = scalars.first, let last = scalars.last, scalars.count <= 63 else { return false }
        return edge(first) && edge(last) && scalars.allSatisfy { $0.isLowercaseAlphanumeric || $0 == "-" }
    }
}

extension Unicode.Scalar {
    fileprivate var isLowercaseAlphanumeric: Bool { ("a"..."z").contains(self) || ("0"..."9").contains(self) }
}
