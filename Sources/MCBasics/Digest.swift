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
        var hex = Array("sha256:".utf8)
        hex.reserveCapacity(71)
        for byte in hasher.finalize() {
            hex.append(hexDigits[Int(byte >> 4)])
            hex.append(hexDigits[Int(byte & 0x0F)])
        }
        return String(decoding: hex, as: UTF8.self)
    }

    static let hexDigits = Array("0123456789abcdef".utf8)
}
