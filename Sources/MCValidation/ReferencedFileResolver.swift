import MCBasics
import MCTopology

/// Reads every `file:` the topology names, relative to the topology's folder inside the
/// repository, refusing paths that leave the repository.
package enum ReferencedFileResolver {
    /// Certificates are small; anything larger is not one.
    package static let sizeLimit = 1 << 20

    /// What each path, as written, resolved to.
    package static func resolve(
        _ topology: Topology, base: RelativePath, fileSystem: some FileSystem
    ) -> [String: ReferencedFile] {
        var result: [String: ReferencedFile] = [:]
        for path in referencedPaths(topology) where result[path] == nil {
            result[path] = resolve(path, base: base, fileSystem: fileSystem)
        }
        return result
    }

    /// Every `file:` value, in declaration order.
    package static func referencedPaths(_ topology: Topology) -> [String] {
        let sources = topology.trustAnchors.compactMap(\.source) + topology.clusters.compactMap(\.issuer)
        return sources.compactMap { source in
            if case .file(let path) = source { return path.value }
            return nil
        }
    }

    private static func resolve(_ path: String, base: RelativePath, fileSystem: some FileSystem) -> ReferencedFile {
        if path.hasPrefix("/") { return .refused(.absolute) }
        guard let relative = RelativePath(path) else { return .refused(.climbsOut) }
        switch fileSystem.read(base.appending(relative), limit: sizeLimit) {
        case .contents(let bytes):
            guard let text = String(validating: bytes, as: UTF8.self) else { return .refused(.notText) }
            return .text(text)
        case .missing: return .refused(.missing)
        case .notAFile: return .refused(.notAFile)
        case .escapesRoot: return .refused(.escapesThroughSymlink)
        case .tooLarge(let limit): return .refused(.tooLarge(limit: limit))
        case .unreadable(let reason): return .refused(.unreadable(reason))
        }
    }
}
