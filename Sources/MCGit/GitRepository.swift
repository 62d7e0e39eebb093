import CGit2
import Foundation

/// An open repository; the handle is freed with the value.
package final class GitRepository {
    let handle: OpaquePointer
    private var indexFileOverride: String?

    private init(handle: OpaquePointer) {
        self.handle = handle
    }

    deinit { git_repository_free(handle) }

    /// The repository holding `path` (searching upwards as git does), or nil when there is none.
    /// Like git, it refuses repositories owned by another user unless `safe.directory` allows
    /// them, and it honours the environment as git does: `GIT_DIR` (then the current folder is
    /// the work tree's top unless `core.worktree` says otherwise), `GIT_WORK_TREE`,
    /// `GIT_INDEX_FILE`, `GIT_CEILING_DIRECTORIES` and `GIT_DISCOVERY_ACROSS_FILESYSTEM`.
    package static func discover(containing path: String, environment: [String: String]) throws -> GitRepository? {
        _ = GitLibrary.initialized
        let cwd = FileManager.default.currentDirectoryPath
        func absolute(_ path: String) -> String { path.hasPrefix("/") ? path : cwd + "/" + path }
        let explicit = environment["GIT_DIR"].flatMap { $0.isEmpty ? nil : absolute($0) }
        var gitDirectory: String
        if let explicit {
            gitDirectory = explicit
        } else {
            var buffer = git_buf()
            defer { git_buf_dispose(&buffer) }
            let acrossFileSystems: Int32 = ["1", "true", "yes", "on"].contains(environment["GIT_DISCOVERY_ACROSS_FILESYSTEM"]?.lowercased() ?? "") ? 1 : 0
            let found = git_repository_discover(&buffer, path, acrossFileSystems, environment["GIT_CEILING_DIRECTORIES"])
            if found == GIT_ENOTFOUND.rawValue { return nil }
            try GitLibrary.check("git_repository_discover", found)
            gitDirectory = String(cString: buffer.ptr)
        }
        var handle: OpaquePointer?
        let opened = git_repository_open_ext(&handle, gitDirectory, GIT_REPOSITORY_OPEN_NO_SEARCH.rawValue, nil)
        if opened == GIT_ENOTFOUND.rawValue, explicit != nil {
            throw GitError(call: "GIT_DIR", code: opened, message: "GIT_DIR='\(gitDirectory)' is not a git repository")
        }
        try GitLibrary.check("git_repository_open", opened)
        let repository = GitRepository(handle: handle!)
        if let workTree = environment["GIT_WORK_TREE"], !workTree.isEmpty {
            try GitLibrary.check("git_repository_set_workdir", git_repository_set_workdir(handle, absolute(workTree), 0))
        } else if explicit != nil, git_repository_is_bare(handle) == 0, repository.configString("core.worktree") == nil {
            try GitLibrary.check("git_repository_set_workdir", git_repository_set_workdir(handle, cwd, 0))
        }
        if let indexFile = environment["GIT_INDEX_FILE"], !indexFile.isEmpty {
            var index: OpaquePointer?
            try GitLibrary.check("git_index_open(GIT_INDEX_FILE)", git_index_open(&index, absolute(indexFile)))
            defer { git_index_free(index) }
            try GitLibrary.check("git_repository_set_index", git_repository_set_index(handle, index))
            repository.indexFileOverride = absolute(indexFile)
        }
        return repository
    }

    /// The work tree's root with a trailing slash, or nil for a bare repository.
    package var workingDirectory: String? {
        git_repository_workdir(handle).map { String(cString: $0) }
    }

    /// The repository's own folder (`.git`, or `.git/worktrees/<name>` for a linked worktree),
    /// with a trailing slash: where its index and HEAD live.
    package var gitDirectory: String {
        String(cString: git_repository_path(handle))
    }

    /// The index file's path: `GIT_INDEX_FILE`, or `index` in the repository's own folder (as
    /// libgit2 finds it, without reading it).
    package var indexFile: String { indexFileOverride ?? gitDirectory + "index" }

    /// A configuration value, or nil when it is not set.
    func configString(_ key: String) -> String? {
        var config: OpaquePointer?
        guard git_repository_config_snapshot(&config, handle) == 0 else { return nil }
        defer { git_config_free(config) }
        var pointer: UnsafePointer<CChar>?
        guard git_config_get_string(&pointer, config, key) == 0, let pointer else { return nil }
        return String(cString: pointer)
    }

    /// A boolean configuration value as git reads it; false when it is not set.
    package func configFlag(_ key: String) -> Bool {
        var config: OpaquePointer?
        guard git_repository_config_snapshot(&config, handle) == 0 else { return false }
        defer { git_config_free(config) }
        var value: Int32 = 0
        return git_config_get_bool(&value, config, key) == 0 && value != 0
    }
}
