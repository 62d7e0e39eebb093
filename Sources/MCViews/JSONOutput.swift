import Foundation

/// The one JSON encoding every view uses: sorted keys, no escaped slashes, two-space indentation,
/// and a final newline.
package enum JSONOutput {
    package static func encode(_ value: some Encodable) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        let data = try! encoder.encode(value)
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}
