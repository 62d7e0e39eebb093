import Foundation
import MCTestSupport
import Testing

/// A shell script run in a test repository with git set up alike everywhere: no system or user
/// configuration, a fixed identity. Its output; a failing script is a test issue.
enum GitShell {
    static let environment = [
        "GIT_AUTHOR_NAME": "Test", "GIT_AUTHOR_EMAIL": "test@example.com", "GIT_COMMITTER_NAME": "Test",
        "GIT_COMMITTER_EMAIL": "test@example.com", "GIT_CONFIG_NOSYSTEM": "1", "HOME": "/nonexistent",
    ]

    /// A new folder in the temporary directory with `script` run in it; the caller removes it.
    static func repository(_ script: String) throws -> String {
        let path = NSTemporaryDirectory() + "mcgit-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        try run(path, script)
        return path
    }

    @discardableResult
    static func run(_ path: String, _ script: String) throws -> String {
        let result = try Command.run("/bin/sh", ["-c", "cd '\(path)' && " + script], environment: environment)
        #expect(result.status == 0, "\(script): \(result.stderr)")
        return result.stdout
    }
}
