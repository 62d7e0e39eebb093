/// An optional field that JSON always carries: nil is written as `null` instead of the key being
/// left out, so every document of one kind has the same keys (`schema/plan.schema.json`, docs/diagnostics.md).
@propertyWrapper
package struct NullWhenNil<Wrapped: Codable & Sendable>: Codable, Sendable {
    package var wrappedValue: Wrapped?

    package init(wrappedValue: Wrapped?) {
        self.wrappedValue = wrappedValue
    }

    package init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        wrappedValue = container.decodeNil() ? nil : try container.decode(Wrapped.self)
    }

    package func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        if let wrappedValue { try container.encode(wrappedValue) } else { try container.encodeNil() }
    }
}

extension NullWhenNil: Equatable where Wrapped: Equatable {}

extension KeyedDecodingContainer {
    /// A missing key reads as nil, as for a plain optional.
    package func decode<Wrapped>(_ type: NullWhenNil<Wrapped>.Type, forKey key: Key) throws -> NullWhenNil<Wrapped> {
        try decodeIfPresent(type, forKey: key) ?? NullWhenNil(wrappedValue: nil)
    }
}
