import ArgumentParser
import Foundation
import MCPipeline

/// Options shared by `mcplan` and `mcapply`.
struct CommonOptions: ParsableArguments {
    @Option(name: [.customShort("f"), .customLong("topology")],
            help: "The topology file, or - for standard input.")
    var topology = "topology.yaml"

    @Option(help: ArgumentHelp("The rendered folder (default: rendered/ at the repository root).", valueName: "dir"))
    var rendered: String?

    @Option(name: [.customShort("C"), .customLong("repo")],
            help: ArgumentHelp("Run as if started in PATH, as git -C does.", valueName: "path"))
    var repo: String?

    @Flag(help: "Never colour the output.")
    var noColor = false

    /// Reads, loads and validates the topology; environment failures exit 1 with their message.
    func compile() throws -> CompileResult {
        do {
            let now = try CurrentTime.resolve(environment: ProcessInfo.processInfo.environment)
            return try Compiler.compile(topologyPath: topology, now: now)
        } catch let error as PipelineError {
            Console.error("error: \(error.message)\n")
            throw ExitStatus.failure.exitCode
        }
    }

    /// Applies `-C`: every other relative path then resolves against it.
    func enterDirectory() throws {
        guard let repo else { return }
        guard FileManager.default.changeCurrentDirectoryPath(repo) else {
            throw ValidationError("cannot change to directory '\(repo)'")
        }
    }

    /// The display path of the rendered folder.
    var renderedDisplay: String { rendered ?? "rendered" }
}

/// How `mcplan` prints the plan.
enum PlanOutputFormat: String, ExpressibleByArgument, CaseIterable {
    case text, markdown, json
}

/// How `mcapply` reports what it did.
enum ApplyOutputFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
}
