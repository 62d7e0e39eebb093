import Foundation

/// Standard output and error, written unbuffered and in one piece per call. A write that fails
/// (a full disk, a closed pipe) is remembered, never a crash: the command then exits 1.
enum Console {
    /// The first failure to write standard output, as the system says it.
    nonisolated(unsafe) private(set) static var outputFailure: String?

    static func out(_ text: String) {
        if let reason = write(text, to: STDOUT_FILENO), outputFailure == nil { outputFailure = reason }
    }

    /// Bytes as they come (a streamed document); false once standard output has failed.
    static func out(bytes: UnsafeRawBufferPointer) -> Bool {
        guard outputFailure == nil else { return false }
        if let reason = write(bytes, to: STDOUT_FILENO) { outputFailure = reason }
        return outputFailure == nil
    }

    /// A file's bytes: handed over inside the kernel (`sendfile`, no copy through this process:
    /// a first plan is a hundred megabytes), else, where standard output cannot take that, read
    /// and written a piece at a time. A file that cannot be read is an output failure too.
    static func out(contentsOf path: String) {
        guard outputFailure == nil else { return }
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        defer { if descriptor >= 0 { close(descriptor) } }
        while descriptor >= 0 {
            let count = sendfile(STDOUT_FILENO, descriptor, nil, 1 << 30)
            if count > 0 { continue }
            if count == 0 { return }
            if errno == EINTR { continue }
            if errno == EINVAL || errno == ENOSYS { break }
            outputFailure = String(cString: strerror(errno))
            return
        }
        var buffer = [UInt8](repeating: 0, count: 1 << 20)
        while descriptor >= 0 {
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count < 0, errno == EINTR { continue }
            if count == 0 { return }
            guard count > 0 else { break }
            guard buffer.withUnsafeBytes({ out(bytes: UnsafeRawBufferPointer(rebasing: $0[..<count])) }) else { return }
        }
        if outputFailure == nil { outputFailure = "cannot read back '\(path)': \(String(cString: strerror(errno)))" }
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
        var text = text
        return text.withUTF8 { write(UnsafeRawBufferPointer($0), to: descriptor) }
    }

    private static func write(_ bytes: UnsafeRawBufferPointer, to descriptor: Int32) -> String? {
        var offset = 0
        while offset < bytes.count {
            let count = Glibc.write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
            if count < 0, errno == EINTR { continue }
            guard count > 0 else { return String(cString: strerror(count < 0 ? errno : EIO)) }
            offset += count
        }
        return nil
    }
}
