/// An item of a plan's long arrays (a first plan writes tens of thousands of changes, files and
/// mirrors) that writes its JSON object itself, field by field, instead of through the encoder.
/// Its `Encodable` conformance stays what it means: a test holds the two to the same bytes.
package protocol JSONFieldsWritable: LazyJSONItem {
    /// Every field the encoder would write, keys in the order `.sortedKeys` gives (by UTF-8 bytes).
    func writeFields(_ object: inout JSONObjectWriter)
}

/// Writes one JSON object's fields as `JSONEncoder` pretty-prints them with `.sortedKeys`: each
/// on its own line, indented two spaces deeper than the object, `"key" : value`.
package struct JSONObjectWriter {
    private var buffer: [UInt8]
    private let indent: Int
    private var previous: StaticString?

    private init(buffer: [UInt8], indent: Int) {
        self.buffer = buffer
        self.indent = indent
    }

    package mutating func field(_ key: StaticString, _ value: String) {
        start(key)
        JSONWriter.writeString(value, into: &buffer)
    }

    /// `null` when nil: the plan's documents always carry their keys.
    package mutating func field(_ key: StaticString, _ value: String?) {
        start(key)
        if let value { JSONWriter.writeString(value, into: &buffer) } else { buffer += JSONWriter.Literal.null }
    }

    package mutating func field(_ key: StaticString, _ value: some RawRepresentable<String>) {
        field(key, value.rawValue)
    }

    package mutating func field(_ key: StaticString, _ value: DeferredText) {
        field(key, value.text)
    }

    package mutating func field(_ key: StaticString, _ values: [String]) {
        start(key)
        JSONWriter.writeStrings(values, indent: indent + 2, into: &buffer)
    }

    /// A nested object, or `null`.
    package mutating func field(_ key: StaticString, _ value: (some JSONFieldsWritable)?) {
        start(key)
        guard let value else { return buffer += JSONWriter.Literal.null }
        Self.write(value, indent: indent + 2, into: &buffer)
    }

    /// `value` as an object at `indent`, appended to `out` (moved in and back, never copied).
    static func write(_ value: some JSONFieldsWritable, indent: Int, into out: inout [UInt8]) {
        var object = JSONObjectWriter(buffer: [], indent: indent)
        swap(&object.buffer, &out)
        value.writeFields(&object)
        if object.previous == nil { object.buffer += JSONWriter.Literal.openObject }
        object.buffer.append(UInt8(ascii: "\n"))
        JSONWriter.spaces(indent, into: &object.buffer)
        object.buffer.append(UInt8(ascii: "}"))
        swap(&object.buffer, &out)
    }

    /// The separator, the indentation and the key, byte by byte: a plan from an empty base writes
    /// a million fields, and appending shared arrays retained and released each.
    private mutating func start(_ key: StaticString) {
        if let previous {
            assert(Self.precedes(previous, key), "\(key) written after \(previous): keys go in sorted order")
            buffer.append(UInt8(ascii: ","))
        } else {
            buffer.append(UInt8(ascii: "{"))
        }
        buffer.append(UInt8(ascii: "\n"))
        previous = key
        JSONWriter.spaces(indent + 2, into: &buffer)
        buffer.append(UInt8(ascii: "\""))
        key.withUTF8Buffer { buffer.append(contentsOf: $0) }
        buffer.append(UInt8(ascii: "\""))
        buffer.append(UInt8(ascii: " "))
        buffer.append(UInt8(ascii: ":"))
        buffer.append(UInt8(ascii: " "))
    }

    private static func precedes(_ a: StaticString, _ b: StaticString) -> Bool {
        a.withUTF8Buffer { x in b.withUTF8Buffer { y in x.lexicographicallyPrecedes(y) } }
    }
}
