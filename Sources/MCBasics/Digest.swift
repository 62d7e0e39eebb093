import Crypto

/// Content digests the stages share: `sha256:<hex>` as `.mcapply.json` records it, and the id git
/// gives a blob.
package enum Digest {
    /// `sha256:<hex>` of some bytes.
    package static func sha256(_ bytes: [UInt8]) -> String {
        SHA256Digest(of: bytes).text
    }

    /// `sha256:<hex>` of the bytes of `chunks` one after the other, without joining them.
    package static func sha256(chunks: some Sequence<[UInt8]>) -> String {
        SHA256Digest(ofChunks: chunks).text
    }

    static let hexDigits = Array("0123456789abcdef".utf8)
}

/// A sha256 digest held as its 32 bytes; `text` is `sha256:<hex>`, as `.mcapply.json` records
/// it. A large mesh keeps one per rendered file: as text, each was a 71-byte string of its own.
package struct SHA256Digest: Hashable, Sendable, CustomStringConvertible {
    private let a, b, c, d: UInt64

    package init(of bytes: [UInt8]) {
        self.init(ofChunks: CollectionOfOne(bytes))
    }

    /// Of the bytes of `chunks` one after the other, without joining them.
    package init(ofChunks chunks: some Sequence<[UInt8]>) {
        var hasher = SHA256()
        for chunk in chunks { hasher.update(data: chunk) }
        (a, b, c, d) = hasher.finalize().withUnsafeBytes { raw in
            (raw.loadUnaligned(fromByteOffset: 0, as: UInt64.self), raw.loadUnaligned(fromByteOffset: 8, as: UInt64.self),
             raw.loadUnaligned(fromByteOffset: 16, as: UInt64.self), raw.loadUnaligned(fromByteOffset: 24, as: UInt64.self))
        }
    }

    /// `sha256:<hex>`.
    package var text: String {
        String(unsafeUninitializedCapacity: Self.textLength) { text in
            write(into: UnsafeMutableBufferPointer(rebasing: text[...]))
        }
    }

    package var description: String { text }

    /// Appends `text`'s bytes to `out`, without making the string.
    package func appendText(to out: inout [UInt8]) {
        let start = out.count
        out.append(contentsOf: repeatElement(0, count: Self.textLength))
        out.withUnsafeMutableBufferPointer { buffer in
            _ = write(into: UnsafeMutableBufferPointer(rebasing: buffer[start...]))
        }
    }

    private static let textLength = 71

    /// `text` written at the start of `out` (at least `textLength` bytes); its length.
    private func write(into out: UnsafeMutableBufferPointer<UInt8>) -> Int {
        var end = out.initialize(fromContentsOf: "sha256:".utf8)
        withUnsafeBytes(of: (a, b, c, d)) { raw in
            for byte in raw {
                out[end] = Digest.hexDigits[Int(byte >> 4)]
                out[end + 1] = Digest.hexDigits[Int(byte & 0x0F)]
                end += 2
            }
        }
        return end
    }
}
