import Crypto

/// Content digests the stages share: `sha256:<hex>` as `.mcapply.json` records it, and the id git
/// gives a blob.
package enum Digest {
    /// `sha256:<hex>` of some bytes.
    package static func sha256(_ bytes: [UInt8]) -> String {
        var hex = Array("sha256:".utf8)
        hex.reserveCapacity(71)
        for byte in SHA256.hash(data: bytes) {
            hex.append(hexDigits[Int(byte >> 4)])
            hex.append(hexDigits[Int(byte & 0x0F)])
        }
        return String(decoding: hex, as: UTF8.self)
    }

    static let hexDigits = Array("0123456789abcdef".utf8)
}
