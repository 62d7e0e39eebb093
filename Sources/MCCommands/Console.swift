import Foundation

/// Standard output and error, written unbuffered and in one piece per call. A write that fails
/// (a full disk, a closed pipe) is remembered, never a crash: the command then exits 1.
enum Console {
    /// The first failure to write standard output, as the system says it.
    nonisolated(unsafe) private(set) static var outputFailure: String?

    static func out(_ text: String) {
        if let reason = write(text, to: STDOUT_FILENO), outputFailure == nil { outputFailure = reason }
    }

    /// Standard error: a failure there has nowhere to be reported, so it is dropped.
    static func error(_ text: String) { _ = write(text, to: STDERR_FILENO) }

    static func isTerminal(_ handle: FileHandle) -> Bool { isatty(handle.fileDescriptor) == 1 }

    /// A closed pipe then fails the write with EPIPE, and a file-size limit (`ulimit -f`) with
    /// EFBIG, instead of killing the process half way.
    static func ignoreFatalWriteSignals() {
        signal(SIGPIPE, SIG_IGN)
        signal(SIGXFSZ, SIG_IGN)
    }

    /// Writes all of `text`; the reason it could not, or nil.
    private static func write(_ text: String, to descriptor: Int32) -> String? {
        var bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let count = bytes.withUnsafeMutableBytes { Glibc.write(descriptor, $0.baseAddress! + offset, $0.count - offset) }
            if count < 0, errno == EINTR { continue }
            guard count > 0 else { return String(cString: strerror(count < 0 ? errno : EIO)) }
            offset += count
        }
        return nil
    }
}
