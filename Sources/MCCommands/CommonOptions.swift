import ArgumentParser
import Foundation
import MCPipeline
import MCViews

/// Options shared by `mcplan` and `mcapply`.
struct CommonOptions: ParsableArguments {
    @Option(name: [.customShort("f"), .customLong("topology")],
            help: "The topology file, or - for standard input.", completion: .file(extensions: ["yaml", "yml"]))
    var topology = "topology.yaml"

    @Option(help: ArgumentHelp("With -f -: read standard input as if it were the topology at PATH (headers, diagnostics, file: paths).",
                               valueName: "path"), completion: .file(extensions: ["yaml", "yml"]))
    var stdinPath: String?

    @Option(help: ArgumentHelp("The rendered folder (default: rendered/ at the repository root).", valueName: "dir"), completion: .directory)
    var rendered: String?

    @Option(name: [.customShort("C"), .customLong("repo")],
            help: ArgumentHelp("Run as if started in PATH, as git -C does.", valueName: "path"), completion: .directory)
    var repo: String?

    @Flag(help: "Never colour the output.")
    var noColor = false

    func validate() throws {
        if stdinPath != nil, topology != FrontEnd.standardInput {
            throw ValidationError("--stdin-path names standard input: use it with -f -")
        }
    }

    /// Applies `-C` (every other relative path then resolves against it) and finds the workspace;
    /// a bad clock setting exits 1 with its message.
    func workspace() throws -> Workspace {
        Console.ignoreFatalWriteSignals()
        if let repo, !FileManager.default.changeCurrentDirectoryPath(repo) {
            throw ValidationError("cannot change to directory '\(repo)'")
        }
        do {
            return try Workspace(topologyPath: topology, stdinPath: stdinPath, rendered: rendered, environment: ProcessInfo.processInfo.environment)
        } catch {
            Console.error("error: \(error.message)\n")
            throw ExitStatus.failure.exitCode
        }
    }

    /// The colours for one stream.
    func style(_ handle: FileHandle) -> TerminalStyle {
        TerminalStyle.decide(isTerminal: Console.isTerminal(handle), noColorFlag: noColor, environment: ProcessInfo.processInfo.environment)
    }
}

/// How `mcplan` prints the plan.
enum PlanOutputFormat: String, ExpressibleByArgument, CaseIterable {
    case text, markdown, json
    /// GitHub Actions workflow commands, one annotation per diagnostic.
    case github
    /// A SARIF 2.1.0 log of the diagnostics, for code scanning.
    case sarif
}

/// How `mcapply` reports what it did.
enum ApplyOutputFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
}
