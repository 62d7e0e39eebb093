import CGit2
import MCBasics

extension ObjectID {
    init(_ id: UnsafePointer<git_oid>) {
        self = UnsafeRawPointer(id).withMemoryRebound(to: UInt8.self, capacity: 20) {
            ObjectID(UnsafeRawBufferPointer(start: $0, count: 20))
        }
    }

    /// `body` with the id as libgit2 holds it.
    func withGitOID<Result>(_ body: (UnsafePointer<git_oid>) throws -> Result) rethrows -> Result {
        var oid = git_oid()
        withRawBytes { raw in
            withUnsafeMutableBytes(of: &oid.id) { $0.copyMemory(from: raw) }
        }
        return try body(&oid)
    }
}
