import Foundation

/// The outcome of running a program.
package struct CommandResult: Sendable {
    package var status: Int32
    package var stdout: String
    package var stderr: String
}

/// Runs programs for end-to-end tests, with a controlled environment.
package enum Command {
    /// Runs `executable` with `arguments` in `directory`; `input` is fed to standard input.
    package static func run(
        _ executable: String, _ arguments: [String], in directory: String? = nil, input: String? = nil,
        environment: [String: String] = [:]
    ) throws -> CommandResult {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
        var env = ProcessInfo.processInfo.environment
        env["NO_COLOR"] = nil
        env["MCPLAN_NOW"] = nil
        for (key, value) in environment { env[key] = value }
        process.environment = env
        let out = Pipe()
        let err = Pipe()
        let inPipe = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = inPipe
        try process.run()
        if let input { inPipe.fileHandleForWriting.write(Data(input.utf8)) }
        try inPipe.fileHandleForWriting.close()
        // Standard error is drained on another thread so that neither pipe can fill and block.
        nonisolated(unsafe) var errData = Data()
        let drained = DispatchSemaphore(value: 0)
        DispatchQueue.global().async {
            errData = err.fileHandleForReading.readDataToEndOfFile()
            drained.signal()
        }
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        drained.wait()
        process.waitUntilExit()
        return CommandResult(
            status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
            stderr: String(decoding: errData, as: UTF8.self))
    }

    /// Runs one of the built products (`mcplan`, `mcapply`).
    package static func product(
        _ name: String, _ arguments: [String], in directory: String? = nil, input: String? = nil,
        environment: [String: String] = [:]
    ) throws -> CommandResult {
        try run(PackagePaths.binaries + "/" + name, arguments, in: directory, input: input, environment: environment)
    }
}
