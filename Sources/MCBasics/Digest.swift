import Crypto

/// Content digests the stages share: `sha256:<hex>` as `.mcapply.json` records it, and the id git
/// gives a blob.
package enum Digest {
    /// `sha256:<hex>` of some bytes.
    package static func sha256(_ bytes: [UInt8]) -> String {
        sha256(chunks: CollectionOfOne(bytes))
    }

    /// `sha256:<hex>` of the bytes of `chunks` one after the other, without joining them.
    package static func sha256(chunks: some Sequence<[UInt8]>) -> String {
        var hasher = SHA256()
        for chunk in chunks { hasher.update(data: chunk) }
        let digest = hasher.finalize()
        // Written in place: one allocation per digest, and a large mesh has tens of thousands.
        return String(unsafeUninitializedCapacity: 71) { text in
            var end = text.initialize(fromContentsOf: "sha256:".utf8)
            digest.withUnsafeBytes { raw in
                for byte in raw {
                    text[end] = hexDigits[Int(byte >> 4)]
                    text[end + 1] = hexDigits[Int(byte & 0x0F)]
                    end += 2
                }
            }
            return end
        }
    }

    static let hexDigits = Array("0123456789abcdef".utf8)
}
