/// A string made when it is written: a plan document's diffs, which a first plan's JSON streams
/// one at a time instead of holding them all. Encodes and decodes as a plain JSON string.
package struct DeferredText: Codable, Sendable, ExpressibleByStringLiteral {
    private let make: @Sendable () -> String

    package init(_ make: @escaping @Sendable () -> String) {
        self.make = make
    }

    package init(stringLiteral text: String) {
        make = { text }
    }

    /// Made again on every call.
    package var text: String { make() }

    package init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        make = { text }
    }

    package func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(text)
    }
}
