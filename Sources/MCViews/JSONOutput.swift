import Foundation

/// The one JSON encoding every view uses: sorted keys, no escaped slashes, two-space indentation,
/// and a final newline, as `JSONEncoder` writes it (`JSONWriter` does, faster).
package enum JSONOutput {
    package static func encode(_ value: some Encodable) -> String {
        var bytes = (try? JSONWriter.write(value)) ?? Array("null".utf8)
        bytes.append(UInt8(ascii: "\n"))
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The same bytes as `encode`, handed to `emit` in pieces as they are written.
    package static func stream(_ value: some Encodable, to emit: (UnsafeRawBufferPointer) throws -> Void) throws {
        // A value that cannot be encoded (if ever) is written as null; an item of a long array,
        // made as it is written, that cannot be, or what `emit` throws, stops the writing.
        if let node = try? JSONWriter.node(value) {
            try JSONWriter.stream(node, to: emit)
        } else {
            try Array("null".utf8).withUnsafeBytes(emit)
        }
        try [UInt8(ascii: "\n")].withUnsafeBytes(emit)
    }

    /// Foundation's encoding of the same value, for the test that holds the two together.
    package static func foundationEncoding(_ value: some Encodable) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        let data = (try? encoder.encode(value)) ?? Data()
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}
