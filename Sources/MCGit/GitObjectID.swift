import CGit2
import Crypto

/// A git object id (SHA-1) as raw bytes: cheap to hash and compare by the tens of thousands.
package struct GitObjectID: Hashable, Sendable {
    private let first: UInt64
    private let second: UInt64
    private let third: UInt32

    init(_ id: UnsafePointer<git_oid>) {
        self = UnsafeRawPointer(id).withMemoryRebound(to: UInt8.self, capacity: 20) {
            GitObjectID(UnsafeRawBufferPointer(start: $0, count: 20))
        }
    }

    private init(_ raw: UnsafeRawBufferPointer) {
        first = raw.loadUnaligned(fromByteOffset: 0, as: UInt64.self)
        second = raw.loadUnaligned(fromByteOffset: 8, as: UInt64.self)
        third = raw.loadUnaligned(fromByteOffset: 16, as: UInt32.self)
    }

    /// `body` with the id as libgit2 holds it.
    func withGitOID<Result>(_ body: (UnsafePointer<git_oid>) throws -> Result) rethrows -> Result {
        var oid = git_oid()
        withUnsafeBytes(of: (first, second, third)) { raw in
            withUnsafeMutableBytes(of: &oid.id) { $0.copyMemory(from: UnsafeRawBufferPointer(rebasing: raw[0..<20])) }
        }
        return try body(&oid)
    }

    /// The id git gives a blob holding `bytes`: SHA-1 over `blob <size>\0` and the bytes. Lets a
    /// caller tell which committed files it already holds without reading them.
    package static func blob(holding bytes: [UInt8]) -> GitObjectID {
        var hasher = Insecure.SHA1()
        hasher.update(data: Array("blob \(bytes.count)\0".utf8))
        hasher.update(data: bytes)
        return hasher.finalize().withUnsafeBytes { GitObjectID($0) }
    }
}
