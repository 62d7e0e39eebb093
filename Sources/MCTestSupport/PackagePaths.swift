import Foundation

/// Where the package's own files are, found from this source file's location.
package enum PackagePaths {
    package static let root: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.path
    }()

    package static var examples: String { root + "/examples" }

    /// The example folders, sorted.
    package static func exampleNames() -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: examples)) ?? []
        return names.filter { FileManager.default.fileExists(atPath: examples + "/" + $0 + "/topology.yaml") }.sorted()
    }

    /// The folder of the built products (next to the running test bundle).
    package static let binaries: String = {
        let executable = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        let folder = executable.deletingLastPathComponent().path
        if FileManager.default.isExecutableFile(atPath: folder + "/mcplan") { return folder }
        return root + "/.build/debug"
    }()
}
