import Foundation
import MCBasics

/// What `mcapply --plan` checks in a plan saved by `mcplan --out`: the topology digest and the
/// rendered folder's tree at the base the plan was made against.
package struct SavedPlan: Decodable, Sendable {
    package struct TopologyRef: Decodable, Sendable {
        package var digest: String?
    }

    package struct Base: Decodable, Sendable {
        package var renderedTree: String?
    }

    package var formatVersion: String
    package var topology: TopologyRef
    package var base: Base

    package static func read(_ path: String) throws(EnvironmentError) -> SavedPlan {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw EnvironmentError("cannot read the plan '\(path)'")
        }
        guard let plan = try? JSONDecoder().decode(SavedPlan.self, from: data), ["1.0", "1.1"].contains(plan.formatVersion) else {
            throw EnvironmentError("'\(path)' is not a plan saved by mcplan --out (format 1.1)")
        }
        guard plan.topology.digest != nil else {
            throw EnvironmentError("the plan '\(path)' was made from an invalid topology; re-run mcplan")
        }
        return plan
    }

    /// Whether applying now still does what the plan showed.
    package func matches(topologyDigest: String, renderedTree: String?) -> Bool {
        topology.digest == topologyDigest && base.renderedTree == renderedTree
    }
}

extension SavedPlan {
    /// Saves a plan's JSON for `mcapply --plan` (`mcplan --out`).
    /// `body` writes the JSON piece by piece (a first plan's is tens of megabytes); a failure
    /// leaves no file behind.
    package static func write(
        to path: String, _ body: ((UnsafeRawBufferPointer) throws -> Void) throws -> Void
    ) throws(EnvironmentError) {
        do {
            try LocalFiles.writeNew(to: path) { (write: (UnsafeRawBufferPointer) throws(FileError) -> Void) throws(FileError) in
                do {
                    try withoutActuallyEscaping(write) { write in try body { try write($0) } }
                } catch let error as FileError {
                    throw error
                } catch {
                    throw FileError("\(error)")
                }
            }
        } catch {
            throw EnvironmentError("cannot write the plan to '\(path)': \(error.message)")
        }
    }
}
