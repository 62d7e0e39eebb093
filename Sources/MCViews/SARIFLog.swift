import Foundation
import MCDiagnostics

/// `mcplan -o sarif`: the diagnostics as a SARIF 2.1.0 log for code scanning, one rule per code
/// reported (with its summary and its docs section) and one result per diagnostic.
package struct SARIFLog: Encodable {
    struct Message: Encodable {
        var text: String
    }

    struct Rule: Encodable {
        var id: String
        var shortDescription: Message
        var helpUri: String
        var defaultConfiguration: Configuration
    }

    struct Configuration: Encodable {
        var level: String
    }

    struct Driver: Encodable {
        var name: String
        var version: String
        var rules: [Rule]
    }

    struct Tool: Encodable {
        var driver: Driver
    }

    struct Region: Encodable {
        var startLine: Int
        var startColumn: Int
        var endLine: Int
        var endColumn: Int
    }

    struct ArtifactLocation: Encodable {
        var uri: String
        var uriBaseId = "%SRCROOT%"
    }

    struct PhysicalLocation: Encodable {
        var artifactLocation: ArtifactLocation
        var region: Region
    }

    struct Location: Encodable {
        var physicalLocation: PhysicalLocation
    }

    struct Result: Encodable {
        var ruleId: String
        var ruleIndex: Int
        var level: String
        var message: Message
        var locations: [Location]
    }

    struct Run: Encodable {
        var tool: Tool
        var results: [Result]
        var columnKind = "unicodeCodePoints"
    }

    var version = "2.1.0"
    var schema = "https://json.schemastore.org/sarif-2.1.0.json"
    var runs: [Run]

    enum CodingKeys: String, CodingKey {
        case version, schema = "$schema", runs
    }

    package init(_ document: PlanDocument) {
        let codes = Array(Set(document.diagnostics.map(\.code))).sorted()
        func level(_ severity: String) -> String {
            switch severity {
            case "error": "error"
            case "warning": "warning"
            default: "note"
            }
        }
        let rules = codes.map { code in
            let known = DiagnosticCode(rawValue: code)
            let severity = document.diagnostics.first { $0.code == code }?.severity ?? "error"
            return Rule(id: code, shortDescription: Message(text: known?.summary ?? code),
                        helpUri: known.map(DiagnosticTextView.documentation(of:)) ?? "", defaultConfiguration: Configuration(level: level(severity)))
        }
        let results = document.diagnostics.map { record in
            Result(ruleId: record.code, ruleIndex: codes.firstIndex(of: record.code) ?? 0, level: level(record.severity),
                   message: Message(text: record.message + (record.hint.map { " (hint: \($0))" } ?? "")),
                   locations: [Location(physicalLocation: PhysicalLocation(
                       artifactLocation: ArtifactLocation(uri: record.file.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? record.file),
                       region: Region(startLine: max(record.line, 1), startColumn: max(record.column, 1), endLine: max(record.endLine, record.line, 1),
                                      endColumn: max(record.endColumn, 1))))])
        }
        runs = [Run(tool: Tool(driver: Driver(name: document.tool.name, version: document.tool.version, rules: rules)), results: results)]
    }

    package var json: String { JSONOutput.encode(self) }
}
