import Foundation
import MCBasics
import MCDiagnostics
import MCRendering
import MCValidation
import MCYAML

/// The invariants a fuzzer holds the front end to, for any bytes: no crash, a bounded number of
/// diagnostics each with a position inside the input, no secret value quoted by any diagnostic,
/// and a valid topology renders the same bytes twice. A broken invariant stops the process, which
/// libFuzzer records with the input.
package enum FuzzTarget {
    package static func check(_ bytes: [UInt8]) {
        let frontEnd = FrontEnd.run(bytes: bytes, displayPath: "fuzz.yaml")
        let compiled = Compiler.validate(frontEnd, files: InMemoryFileSystem(), base: .root,
                                         now: Date(timeIntervalSince1970: 1_800_000_000), location: nil)
        let diagnostics = compiled.diagnostics
        require(diagnostics.all.count <= Diagnostics.total, "more diagnostics kept than the bound")
        // Counted over the bytes: input refused before decoding has no source file.
        let lines = bytes.enumerated().filter { index, byte in
            byte == 0x0A ? !(index > 0 && bytes[index - 1] == 0x0D) : byte == 0x0D
        }.count + 1
        for diagnostic in diagnostics.all {
            require(diagnostic.range.start.line >= 1 && diagnostic.range.start.line <= max(lines, 1) && diagnostic.range.start.column >= 1,
                    "\(diagnostic.code.rawValue) at \(diagnostic.range.start) outside the input")
            let texts = [diagnostic.message, diagnostic.label ?? "", diagnostic.hint ?? ""] + diagnostic.notes.map(\.message)
            for secret in frontEnd.secrets where secret.text.count >= 8 {
                require(!texts.contains { $0.contains(secret.text) }, "\(diagnostic.code.rawValue) quotes a secret value")
            }
        }
        if let validated = compiled.validated {
            let first = Renderer.render(validated, sourcePath: "fuzz.yaml", toolVersion: "fuzz")
            let second = Renderer.render(validated, sourcePath: "fuzz.yaml", toolVersion: "fuzz")
            require(first.files.map(\.bytes) == second.files.map(\.bytes), "the render is not deterministic")
            require(frontEnd.secrets.isEmpty, "a topology holding secret material rendered")
        }
    }

    private static func require(_ condition: Bool, _ message: @autoclosure () -> String) {
        guard !condition else { return }
        FileHandle.standardError.write(Data("fuzz invariant broken: \(message())\n".utf8))
        abort()
    }
}
