import Foundation
import MCDiagnostics
import MCTopology

/// Everything validation looks at: the model, its text (for MC305), the files it references
/// (already read) and the time certificates are checked against.
package struct ValidationInput: Sendable {
    package var topology: Topology
    package var source: SourceFile?
    package var files: [String: ReferencedFile]
    package var now: Date
    /// The values that hold key or token material, as the loader's scan found them (MC305).
    package var secretValues: [SecretValue]

    package init(topology: Topology, source: SourceFile?, files: [String: ReferencedFile], now: Date, secretValues: [SecretValue] = []) {
        self.topology = topology
        self.source = source
        self.files = files
        self.now = now
        self.secretValues = secretValues
    }
}
