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

    /// A file is read whole whatever its size, and one whose size says less than it holds (as
    /// `/proc` files say 0) is read to its end.
    @Test(arguments: [0, 1, 4095, 65_536, 3_000_001])
    func readingReadsTheWholeFile(size: Int) throws {
        let root = NSTemporaryDirectory() + "mcbasics-read-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: root) }
        let bytes = (0..<size).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ $0 >> 9) }
        try LocalFiles.writeNew(bytes, to: root + "/file")
        #expect(LocalFiles.read(root + "/file") == bytes)
        let status = try #require(LocalFiles.read("/proc/self/status"))
        #expect(status.count > 100 && String(decoding: status, as: UTF8.self).hasPrefix("Name:") && status.last == UInt8(ascii: "\n"))
    }

    /// Writing a new file replaces a leftover regular file, and refuses (without removing) a
    /// symlink or a folder at its path.
    @Test func writingANewFileReplacesOnlyRegularFiles() throws {
        let root = NSTemporaryDirectory() + "mcbasics-write-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: root) }
        try "old\n".write(toFile: root + "/plan.json", atomically: true, encoding: .utf8)
        try LocalFiles.writeNew(Array("new\n".utf8), to: root + "/plan.json")
        #expect(LocalFiles.read(root + "/plan.json") == Array("new\n".utf8))
        try FileManager.default.createSymbolicLink(atPath: root + "/link.json", withDestinationPath: root + "/plan.json")
        try FileManager.default.createDirectory(atPath: root + "/folder", withIntermediateDirectories: false)
        #expect(throws: FileError.self) { try LocalFiles.writeNew(Array("x".utf8), to: root + "/link.json") }
        #expect(throws: FileError.self) { try LocalFiles.writeNew(Array("x".utf8), to: root + "/folder") }
        #expect(LocalFiles.kind(root + "/link.json") == .symlink)
        #expect(LocalFiles.kind(root + "/folder") == .directory)
        #expect(LocalFiles.read(root + "/plan.json") == Array("new\n".utf8))
        // Where nothing is, the file is created; a dangling symlink is refused, not followed.
        try LocalFiles.writeNew(Array("fresh\n".utf8), to: root + "/fresh.json")
        #expect(LocalFiles.read(root + "/fresh.json") == Array("fresh\n".utf8))
        try FileManager.default.createSymbolicLink(atPath: root + "/dangling.json", withDestinationPath: root + "/nowhere.json")
        #expect(throws: FileError.self) { try LocalFiles.writeNew(Array("x".utf8), to: root + "/dangling.json") }
        #expect(LocalFiles.kind(root + "/nowhere.json") == nil)
    }
}
