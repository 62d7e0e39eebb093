import Foundation
import MCDiagnostics
import MCBasics
import MCTestSupport
import MCTopology
import Testing

@testable import MCValidation

/// `file:` paths on a real file system: symlinks inside the repository are fine, symlinks out of
/// it are refused, never followed.
@Suite struct LocalFileResolutionTests {
    private func topology(_ paths: [String]) -> Topology {
        let at = SourceRange.fileStart
        let settings = Settings(
            linkerdNamespace: Located("linkerd", at: at), multiclusterNamespace: Located("linkerd-multicluster", at: at),
            clusterDomain: Located("cluster.local", at: at), trustDomain: Located("cluster.local", at: at),
            routeAPI: Located(.gatewayHTTPRoute, at: at), certificateWarningDays: Located(60, at: at))
        let anchors = paths.enumerated().map {
            TrustAnchor(name: Located("a\($0.offset)", at: at), source: .file(Located($0.element, at: at)), range: at)
        }
        return Topology(path: "topology.yaml", settings: settings, trustAnchors: anchors)
    }

    @Test func symlinksAreFollowedOnlyInsideTheRepository() throws {
        let base = NSTemporaryDirectory() + "mcplan-files-" + UUID().uuidString
        let repo = base + "/repo"
        let manager = FileManager.default
        try manager.createDirectory(atPath: repo + "/config/certs", withIntermediateDirectories: true)
        try manager.createDirectory(atPath: base + "/elsewhere", withIntermediateDirectories: true)
        defer { try? manager.removeItem(atPath: base) }
        let pem = fixtureCertificates["certs/root-p256.crt"]!
        try pem.write(toFile: repo + "/config/certs/root.crt", atomically: true, encoding: .utf8)
        try pem.write(toFile: base + "/elsewhere/root.crt", atomically: true, encoding: .utf8)
        try manager.createSymbolicLink(atPath: repo + "/config/certs/inside.crt", withDestinationPath: "root.crt")
        try manager.createSymbolicLink(atPath: repo + "/config/certs/outside.crt", withDestinationPath: base + "/elsewhere/root.crt")
        try manager.createSymbolicLink(atPath: repo + "/config/linked", withDestinationPath: base + "/elsewhere")
        try manager.createSymbolicLink(atPath: repo + "/config/certs/dangling.crt", withDestinationPath: base + "/nowhere.crt")

        let paths = ["certs/root.crt", "certs/inside.crt", "./certs/root.crt", "certs/outside.crt", "linked/root.crt",
                     "certs/dangling.crt", "certs/missing.crt", "certs", "../config/certs/root.crt", "/etc/hostname"]
        let files = ReferencedFileResolver.resolve(
            topology(paths), base: RelativePath("config")!, fileSystem: LocalFileSystem(root: repo))
        #expect(files["certs/root.crt"] == .text(pem))
        #expect(files["certs/inside.crt"] == .text(pem))
        #expect(files["./certs/root.crt"] == .text(pem))
        #expect(files["certs/outside.crt"] == .refused(.escapesThroughSymlink))
        #expect(files["linked/root.crt"] == .refused(.escapesThroughSymlink))
        #expect(files["certs/dangling.crt"] == .refused(.escapesThroughSymlink))
        #expect(files["certs/missing.crt"] == .refused(.missing))
        #expect(files["certs"] == .refused(.notAFile))
        #expect(files["../config/certs/root.crt"] == .refused(.climbsOut))
        #expect(files["/etc/hostname"] == .refused(.absolute))
    }

    @Test func oversizedFilesAreRefused() {
        let fileSystem = InMemoryFileSystem(files: [RelativePath("big.crt")!: [UInt8](repeating: 0x41, count: ReferencedFileResolver.sizeLimit + 1)])
        let files = ReferencedFileResolver.resolve(topology(["big.crt"]), base: .root, fileSystem: fileSystem)
        #expect(files["big.crt"] == .refused(.tooLarge(limit: ReferencedFileResolver.sizeLimit)))
    }
}
