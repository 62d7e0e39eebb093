import Foundation
import Testing

@testable import MCBasics

/// Reading a referenced file never blocks and reads nothing but regular files.
@Suite struct LocalFileSystemTests {
    @Test func fifosAndDevicesAreNotFilesAndNeverBlock() throws {
        let root = NSTemporaryDirectory() + "mcbasics-fs-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: root) }
        #expect(mkfifo(root + "/pipe.crt", 0o600) == 0)
        try FileManager.default.createSymbolicLink(atPath: root + "/zero.crt", withDestinationPath: "/dev/zero")
        try "pem\n".write(toFile: root + "/real.crt", atomically: true, encoding: .utf8)
        let files = LocalFileSystem(root: root)
        // Nobody writes to the FIFO: a blocking open would never return.
        #expect(files.read(RelativePath("pipe.crt")!, limit: 1024) == .notAFile)
        #expect(files.read(RelativePath("zero.crt")!, limit: 1024) == .escapesRoot)
        #expect(files.read(RelativePath("real.crt")!, limit: 1024) == .contents(Array("pem\n".utf8)))
        #expect(files.read(RelativePath("real.crt")!, limit: 2) == .tooLarge(limit: 2))
        #expect(files.read(RelativePath(".")!, limit: 2) == .notAFile)
    }
}
