import Foundation

/// Standard output and error, written unbuffered and in one piece per call.
enum Console {
    static func out(_ text: String) { write(text, to: FileHandle.standardOutput) }
    static func error(_ text: String) { write(text, to: FileHandle.standardError) }

    static func isTerminal(_ handle: FileHandle) -> Bool { isatty(handle.fileDescriptor) == 1 }

    private static func write(_ text: String, to handle: FileHandle) {
        guard !text.isEmpty else { return }
        handle.write(Data(text.utf8))
    }
}
