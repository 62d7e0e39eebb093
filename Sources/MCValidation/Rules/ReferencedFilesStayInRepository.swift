import MCDiagnostics
import MCTopology

/// MC306: every `file:` is a readable file inside the repository, reached without `..`, an
/// absolute path or a symlink leading out.
struct ReferencedFilesStayInRepository: ValidationRule {
    let codes: [DiagnosticCode] = [.fileOutsideRepository]

    func check(_ context: ValidationContext, into diagnostics: inout [Diagnostic]) {
        for (path, nodes) in context.referencingNodes.sorted(by: { $0.key < $1.key }) {
            guard case .refused(let problem) = context.input.files[path], let (reason, hint) = describe(problem) else { continue }
            for node in nodes {
                diagnostics.append(.unusableFile(path, reason: reason, hint: hint, at: node, in: context))
            }
        }
    }

    private func describe(_ problem: ReferencedFile.Problem) -> (String, String)? {
        let inside = "give a path relative to the topology file, inside the repository"
        switch problem {
        case .absolute: return ("it is an absolute path", inside)
        case .climbsOut: return ("it climbs out with '..'", inside)
        case .escapesThroughSymlink: return ("a symlink leads outside the repository", "copy the certificate into the repository")
        case .missing: return ("no such file", "check the path; it is relative to the topology file")
        case .notAFile: return ("it is not a file", "name the certificate file itself")
        case .tooLarge(let limit): return ("it is over \(limit / 1024) KiB, too large for a certificate", "name the certificate file itself")
        case .unreadable(let reason): return ("it cannot be read (\(reason))", "check the file's permissions")
        case .notText: return nil
        }
    }
}

extension Diagnostic {
    fileprivate static func unusableFile(_ path: String, reason: String, hint: String, at node: SourceRange, in context: ValidationContext) -> Diagnostic {
        context.diagnostic(.fileOutsideRepository, "cannot use '\(path)': \(reason)", at: node, label: "unusable path", hint: hint)
    }
}
