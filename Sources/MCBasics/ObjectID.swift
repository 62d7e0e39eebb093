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
        // `<kind> <size>\0`, written on the stack: tens of thousands of small files are hashed.
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: kind.utf8.count + 22) { header in
            var end = header.initialize(fromContentsOf: kind.utf8)
            header[end] = UInt8(ascii: " ")
            end += 1
            var digits = 1, rest = bytes.count
            while rest >= 10 { (digits, rest) = (digits + 1, rest / 10) }
            rest = bytes.count
            for position in stride(from: end + digits - 1, through: end, by: -1) {
                header[position] = UInt8(ascii: "0") + UInt8(rest % 10)
                rest /= 10
            }
            end += digits
            header[end] = 0
            hasher.update(bufferPointer: UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: header[...end])))
        }
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
