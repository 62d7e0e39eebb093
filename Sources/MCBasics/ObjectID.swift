import Crypto

/// A git object id (SHA-1) as raw bytes: cheap to hash and compare by the tens of thousands.
package struct ObjectID: Hashable, Sendable, CustomStringConvertible {
    private let first: UInt64
    private let second: UInt64
    private let third: UInt32

    /// From the id's 20 raw bytes.
    package init(_ raw: UnsafeRawBufferPointer) {
        precondition(raw.count >= 20, "an object id has 20 bytes")
        first = raw.loadUnaligned(fromByteOffset: 0, as: UInt64.self)
        second = raw.loadUnaligned(fromByteOffset: 8, as: UInt64.self)
        third = raw.loadUnaligned(fromByteOffset: 16, as: UInt32.self)
    }

    /// `body` with the id's 20 raw bytes.
    package func withRawBytes<Result>(_ body: (UnsafeRawBufferPointer) throws -> Result) rethrows -> Result {
        try Swift.withUnsafeBytes(of: (first, second, third)) { try body(UnsafeRawBufferPointer(rebasing: $0[0..<20])) }
    }

    /// The id git gives a blob holding `bytes`: SHA-1 over `blob <size>\0` and the bytes. Lets a
    /// caller tell which committed files it already holds without reading them.
    package static func blob(holding bytes: [UInt8]) -> ObjectID {
        object(kind: "blob", holding: bytes)
    }

    /// The id git gives an object of `kind` (`blob`, `tree`, …) whose content is `bytes`.
    package static func object(kind: String, holding bytes: [UInt8]) -> ObjectID {
        var hasher = Insecure.SHA1()
        hasher.update(data: Array("\(kind) \(bytes.count)\0".utf8))
        hasher.update(data: bytes)
        return hasher.finalize().withUnsafeBytes { ObjectID($0) }
    }

    /// 40 hex digits, as git prints it.
    package var description: String {
        withRawBytes { raw in
            var hex: [UInt8] = []
            hex.reserveCapacity(40)
            for byte in raw {
                hex.append(Digest.hexDigits[Int(byte >> 4)])
                hex.append(Digest.hexDigits[Int(byte & 0x0F)])
            }
            return String(decoding: hex, as: UTF8.self)
        }
    }
}
