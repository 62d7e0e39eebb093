import CGit2

/// A libgit2 failure: the call that failed, its return code and libgit2's message.
package struct GitError: Error, Sendable, CustomStringConvertible {
    package var call: String
    package var code: Int32
    package var message: String

    /// Reads `git_error_last()` at once: it is thread-local and overwritten by the next call.
    init(call: String, code: Int32) {
        self.call = call
        self.code = code
        if let last = git_error_last(), let text = last.pointee.message {
            self.message = String(cString: text)
        } else {
            self.message = "error \(code)"
        }
    }

    init(call: String, code: Int32, message: String) {
        self.call = call
        self.code = code
        self.message = message
    }

    /// The repository belongs to another user and `safe.directory` does not allow it.
    package var isNotOwned: Bool { code == GIT_EOWNER.rawValue }
    /// The repository needs a format libgit2 1.5 cannot read (SHA-256 object names).
    package var isUnsupportedObjectFormat: Bool { message.lowercased().contains("objectformat") }

    package var description: String { "\(call): \(message)" }
}

/// libgit2 is initialised once per process and never shut down. Objects read are not hashed
/// again (git's own reads do not; a plan at 500 clusters reads 3,000 trees, which libgit2
/// would otherwise hash on every read).
enum GitLibrary {
    static let initialized: Bool = git_libgit2_init() >= 0 && mcplan_git_skip_read_verification() == 0

    static func check(_ call: String, _ code: Int32) throws {
        if code < 0 { throw GitError(call: call, code: code) }
    }
}
