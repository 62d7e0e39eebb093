import Dispatch
import MCBasics

/// The JSON of a value, written the way Foundation's `JSONEncoder` writes it with `.sortedKeys`,
/// `.prettyPrinted` and `.withoutEscapingSlashes` (byte for byte; a test holds the two together),
/// in a fraction of its time and memory: a plan from an empty base is tens of megabytes of JSON.
enum JSONWriter {
    static func write(_ value: some Encodable) throws -> [UInt8] {
        var sink = Sink(emit: nil)
        try write(try node(value), indent: 0, into: &sink)
        return sink.buffer
    }

    /// Writes the JSON in pieces of about `chunk` bytes to `emit`, the last one when done: a
    /// first plan's tens of megabytes are never held whole. An array of at least `sharedFrom`
    /// items (a first plan's tens of thousands of files and their diffs) is written on all cores,
    /// a batch of items at a time, each batch handed on whole, in order, while the next is made.
    static func stream(_ node: Node, chunk: Int = 1 << 20, sharedFrom: Int = 256,
                       to emit: (UnsafeRawBufferPointer) throws -> Void) throws {
        try withoutActuallyEscaping(emit) { emit in
            var sink = Sink(chunk: chunk, emit: emit)
            sink.sharedFrom = sharedFrom
            try write(node, indent: 0, into: &sink)
            try sink.flush()
        }
    }

    /// Where the bytes go: a buffer, handed on whenever it is full when there is somewhere to.
    struct Sink {
        var buffer: [UInt8] = []
        var chunk = 1 << 16
        let emit: ((UnsafeRawBufferPointer) throws -> Void)?
        /// The size from which an array's items are written on all cores (never, unless streamed).
        var sharedFrom = Int.max

        init(chunk: Int = 1 << 16, emit: ((UnsafeRawBufferPointer) throws -> Void)?) {
            self.chunk = chunk
            self.emit = emit
            buffer.reserveCapacity(emit == nil ? 1 << 16 : chunk + (1 << 12))
        }

        /// The orders of the key lists seen so far: a document has tens of thousands of objects of
        /// a few types, each type's keys always set in the same order.
        private var orders: [(keys: [String], order: [Int])] = []

        /// By the keys' UTF-8 bytes, as `.sortedKeys` orders them, each key once with its last value.
        /// The positions of `pairs` to write, in order.
        mutating func order(_ pairs: [(key: String, value: Node)]) -> [Int] {
            if let known = orders.first(where: { $0.keys.count == pairs.count && $0.keys.elementsEqual(pairs.lazy.map(\.key)) }) {
                return known.order
            }
            let sorted = ObjectBox.order(pairs)
            if orders.count < 64, !sorted.repeated { orders.append((pairs.map(\.key), sorted.order)) }
            return sorted.order
        }

        mutating func flushIfFull() throws {
            if buffer.count >= chunk { try flush() }
        }

        mutating func flush() throws {
            guard let emit, !buffer.isEmpty else { return }
            try buffer.withUnsafeBytes(emit)
            buffer.removeAll(keepingCapacity: true)
        }
    }

    /// A value as the encoder saw it; containers are references so nested containers fill them.
    enum Node {
        case null
        case bool(Bool)
        case number(String)
        case string(String)
        /// Made when written.
        case deferred(DeferredText)
        case array(ArrayBox)
        /// An array whose items are made as they are written.
        case items(LazyItems)
        case object(ObjectBox)
        /// An object that writes its own fields.
        case direct(any JSONFieldsWritable)
    }

    /// A long array of values that can be encoded on any thread (a first plan's tens of thousands
    /// of changes, files and mirrors): each item is made into a node only when it is written, on
    /// the core that writes it, and let go once written.
    struct LazyItems: @unchecked Sendable {
        let count: Int
        let node: @Sendable (Int) throws -> Node
    }

    /// From how many items an array of `LazyJSONItem`s is made lazily.
    static let lazyFrom = 256

    final class ArrayBox {
        var items: [Node] = []
    }

    final class ObjectBox {
        /// In the order set; a key set again appears twice, the later value winning.
        var pairs: [(key: String, value: Node)] = []

        func set(_ key: String, _ value: Node) {
            pairs.append((key, value))
        }

        /// The positions by the keys' UTF-8 bytes, each key once at its last position.
        static func order(_ pairs: [(key: String, value: Node)]) -> (order: [Int], repeated: Bool) {
            let order = pairs.indices.sorted { a, b in
                pairs[a].key == pairs[b].key ? a < b : pairs[a].key.utf8Precedes(pairs[b].key)
            }
            var unique: [Int] = []
            unique.reserveCapacity(order.count)
            var repeated = false
            for index in order {
                if let last = unique.last, pairs[last].key == pairs[index].key {
                    unique[unique.count - 1] = index
                    repeated = true
                } else {
                    unique.append(index)
                }
            }
            return (unique, repeated)
        }
    }

    static func node<T: Encodable>(_ value: T) throws -> Node {
        switch value {
        case let text as String: return .string(text)
        case let number as Int: return .number(String(number))
        case let flag as Bool: return .bool(flag)
        case let text as DeferredText: return .deferred(text)
        case let item as any JSONFieldsWritable: return .direct(item)
        case let array as any LazilyEncodable where array.count >= lazyFrom: return .items(array.lazyItems)
        default:
            let encoder = TreeEncoder()
            try value.encode(to: encoder)
            return encoder.result
        }
    }

    // MARK: Writing

    enum Literal {
        static let null = Array("null".utf8)
        static let `true` = Array("true".utf8)
        static let `false` = Array("false".utf8)
        static let openArray = Array("[\n".utf8)
        static let openObject = Array("{\n".utf8)
        static let comma = Array(",\n".utf8)
        static let colon = Array(" : ".utf8)
    }

    private static func write(_ node: Node, indent: Int, into sink: inout Sink) throws {
        switch node {
        case .null: sink.buffer += Literal.null
        case .bool(let flag): sink.buffer += flag ? Literal.true : Literal.false
        case .number(let text): sink.buffer += text.utf8
        case .string(let text): writeString(text, into: &sink.buffer)
        case .deferred(let text): writeString(text.text, into: &sink.buffer)
        case .array(let box):
            let items = ReadOnly(box.items)
            try writeArray(LazyItems(count: items.value.count) { items.value[$0] }, indent: indent, into: &sink)
        case .items(let items):
            try writeArray(items, indent: indent, into: &sink)
        case .direct(let item):
            JSONObjectWriter.write(item, indent: indent, into: &sink.buffer)
        case .object(let box):
            sink.buffer += Literal.openObject
            for (index, position) in sink.order(box.pairs).enumerated() {
                if index > 0 { sink.buffer += Literal.comma }
                spaces(indent + 2, into: &sink.buffer)
                writeString(box.pairs[position].key, into: &sink.buffer)
                sink.buffer += Literal.colon
                try write(box.pairs[position].value, indent: indent + 2, into: &sink)
                try sink.flushIfFull()
            }
            sink.buffer.append(UInt8(ascii: "\n"))
            spaces(indent, into: &sink.buffer)
            sink.buffer.append(UInt8(ascii: "}"))
        }
    }

    /// Nodes only read while they are shared between threads: the encoder has finished with them.
    private struct ReadOnly<Value>: @unchecked Sendable {
        let value: Value
        init(_ value: Value) { self.value = value }
    }

    private static func writeArray(_ items: LazyItems, indent: Int, into sink: inout Sink) throws {
        sink.buffer += Literal.openArray
        if items.count >= sink.sharedFrom {
            try writeShared(items, indent: indent + 2, into: &sink)
        } else {
            for index in 0..<items.count {
                if index > 0 { sink.buffer += Literal.comma }
                spaces(indent + 2, into: &sink.buffer)
                try write(try items.node(index), indent: indent + 2, into: &sink)
                try sink.flushIfFull()
            }
        }
        sink.buffer.append(UInt8(ascii: "\n"))
        spaces(indent, into: &sink.buffer)
        sink.buffer.append(UInt8(ascii: "]"))
    }

    /// An array's items, each after its separator, written on all cores in runs of `run` items
    /// (each run in a buffer of its own, where the key orders it learns serve its next items),
    /// `batch` runs at a time, kept in order: what a batch holds is all that is held. When
    /// streaming, a batch's runs are handed on, each from its own buffer, while the next batch is
    /// made, by one of the threads making it: no core waits for the write, and no buffer of a
    /// whole batch is made (one run can hold the diff of an 8 MB manifest). Writing only reads
    /// the nodes, and a deferred text is made from values that do not change.
    private static func writeShared(_ items: LazyItems, indent: Int, into sink: inout Sink, run: Int = 32, batch: Int = 64) throws {
        let state = SharedBatch()
        state.pending = [sink.buffer]
        sink.buffer = []
        let emit = ReadOnly(sink.emit)
        var start = 0
        while start < items.count {
            let runs = min(batch, (items.count - start + run - 1) / run)
            let first = start
            let pieces = UnsafeMutableBufferPointer<Result<[UInt8], any Error>>.allocate(capacity: runs)
            pieces.initialize(repeating: .success([]))
            defer {
                _ = pieces.deinitialize()
                pieces.deallocate()
            }
            nonisolated(unsafe) let output = pieces
            // One more iteration, the first taken, when there is something to hand on: it writes.
            let writes = emit.value != nil && state.pending.contains { !$0.isEmpty }
            let shift = writes ? 1 : 0
            DispatchQueue.concurrentPerform(iterations: runs + shift) { iteration in
                if iteration < shift, let emit = emit.value {
                    do {
                        for piece in state.pending where !piece.isEmpty { try piece.withUnsafeBytes(emit) }
                    } catch {
                        state.failure = error
                    }
                    return
                }
                let index = iteration - shift
                output[index] = Result {
                    // A sink that hands nothing on throws only what making an item throws.
                    var local = Sink(emit: nil)
                    let from = first + index * run
                    for position in from..<min(from + run, items.count) {
                        if position > 0 { local.buffer += Literal.comma }
                        spaces(indent, into: &local.buffer)
                        try write(try items.node(position), indent: indent, into: &local)
                    }
                    return local.buffer
                }
            }
            if let failure = state.failure { throw failure }
            if writes { state.pending.removeAll() }
            for piece in pieces { state.pending.append(try piece.get()) }
            start = min(items.count, start + runs * run)
        }
        sink.buffer.reserveCapacity(state.pending.reduce(0) { $0 + $1.count })
        for piece in state.pending { sink.buffer += piece }
        try sink.flushIfFull()
    }

    /// What a shared array's batches hand on, run by run: the bytes are read and the failure set
    /// by the one thread that writes, and read by the batch's caller only once every thread is done.
    private final class SharedBatch: @unchecked Sendable {
        var pending: [[UInt8]] = []
        var failure: (any Error)?
    }

    private static let blanks = [UInt8](repeating: UInt8(ascii: " "), count: 128)

    static func spaces(_ count: Int, into out: inout [UInt8]) {
        if count <= blanks.count {
            blanks.withUnsafeBufferPointer { out.append(contentsOf: UnsafeBufferPointer(rebasing: $0[..<count])) }
        } else {
            out.append(contentsOf: repeatElement(UInt8(ascii: " "), count: count))
        }
    }

    /// An array of strings, as the encoder writes one.
    static func writeStrings(_ values: [String], indent: Int, into out: inout [UInt8]) {
        out += Literal.openArray
        for (index, value) in values.enumerated() {
            if index > 0 { out += Literal.comma }
            spaces(indent + 2, into: &out)
            writeString(value, into: &out)
        }
        out.append(UInt8(ascii: "\n"))
        spaces(indent, into: &out)
        out.append(UInt8(ascii: "]"))
    }

    private static let hex = Array("0123456789abcdef".utf8)

    /// `"` and `\` escaped, the control characters as `\b \f \n \r \t` or `\u00xx`; everything else
    /// (slashes, DEL, non-ASCII) as it is. Runs without escapes are copied whole.
    static func writeString(_ text: String, into out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        var text = text
        text.withUTF8 { bytes in
            var start = 0
            var index = 0
            let count = bytes.count
            while index < count {
                let byte = bytes[index]
                guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") else {
                    index += 1
                    continue
                }
                if index > start { out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<index])) }
                index += 1
                start = index
                out.append(UInt8(ascii: "\\"))
                switch byte {
                case UInt8(ascii: "\""): out.append(UInt8(ascii: "\""))
                case UInt8(ascii: "\\"): out.append(UInt8(ascii: "\\"))
                case 0x08: out.append(UInt8(ascii: "b"))
                case 0x0C: out.append(UInt8(ascii: "f"))
                case 0x0A: out.append(UInt8(ascii: "n"))
                case 0x0D: out.append(UInt8(ascii: "r"))
                case 0x09: out.append(UInt8(ascii: "t"))
                default: out += [UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0"), hex[Int(byte >> 4)], hex[Int(byte & 0xF)]]
                }
            }
            if count > start { out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<count])) }
        }
        out.append(UInt8(ascii: "\""))
    }
}

// MARK: The encoder

/// A value whose JSON can be made on any thread: a long array of them is made item by item as
/// it is written (`JSONWriter.LazyItems`), not all at once before.
package protocol LazyJSONItem: Encodable, Sendable {}

/// An array whose items can be made into nodes on any thread.
private protocol LazilyEncodable {
    var count: Int { get }
    var lazyItems: JSONWriter.LazyItems { get }
}

extension JSONList: LazilyEncodable {
    fileprivate var lazyItems: JSONWriter.LazyItems {
        JSONWriter.LazyItems(count: count) { [self] in try JSONWriter.node(self[$0]) }
    }
}

/// Builds `JSONWriter.Node`s from `Encodable` values.
private final class TreeEncoder: Encoder {
    var codingPath: [CodingKey] = []
    var userInfo: [CodingUserInfoKey: Any] = [:]
    var result: JSONWriter.Node = .null

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        if case .object(let box) = result { return KeyedEncodingContainer(KeyedContainer(box: box)) }
        let box = JSONWriter.ObjectBox()
        result = .object(box)
        return KeyedEncodingContainer(KeyedContainer(box: box))
    }

    func unkeyedContainer() -> UnkeyedEncodingContainer {
        if case .array(let box) = result { return UnkeyedContainer(box: box) }
        let box = JSONWriter.ArrayBox()
        result = .array(box)
        return UnkeyedContainer(box: box)
    }

    func singleValueContainer() -> SingleValueEncodingContainer { SingleContainer(encoder: self) }
}

private struct KeyedContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let box: JSONWriter.ObjectBox
    var codingPath: [CodingKey] = []

    mutating func encodeNil(forKey key: Key) throws { box.set(key.stringValue, .null) }
    mutating func encode(_ value: Bool, forKey key: Key) throws { box.set(key.stringValue, .bool(value)) }
    mutating func encode(_ value: String, forKey key: Key) throws { box.set(key.stringValue, .string(value)) }
    mutating func encode(_ value: Double, forKey key: Key) throws { box.set(key.stringValue, .number(JSONNumber.text(value))) }
    mutating func encode(_ value: Float, forKey key: Key) throws { box.set(key.stringValue, .number(JSONNumber.text(Double(value)))) }
    mutating func encode(_ value: Int, forKey key: Key) throws { box.set(key.stringValue, .number(String(value))) }
    mutating func encode(_ value: Int8, forKey key: Key) throws { box.set(key.stringValue, .number(String(value))) }
    mutating func encode(_ value: Int16, forKey key: Key) throws { box.set(key.stringValue, .number(String(value))) }
    mutating func encode(_ value: Int32, forKey key: Key) throws { box.set(key.stringValue, .number(String(value))) }
    mutating func encode(_ value: Int64, forKey key: Key) throws { box.set(key.stringValue, .number(String(value))) }
    mutating func encode(_ value: UInt, forKey key: Key) throws { box.set(key.stringValue, .number(String(value))) }
    mutating func encode(_ value: UInt8, forKey key: Key) throws { box.set(key.stringValue, .number(String(value))) }
    mutating func encode(_ value: UInt16, forKey key: Key) throws { box.set(key.stringValue, .number(String(value))) }
    mutating func encode(_ value: UInt32, forKey key: Key) throws { box.set(key.stringValue, .number(String(value))) }
    mutating func encode(_ value: UInt64, forKey key: Key) throws { box.set(key.stringValue, .number(String(value))) }
    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws { box.set(key.stringValue, try JSONWriter.node(value)) }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
        let nested = JSONWriter.ObjectBox()
        box.set(key.stringValue, .object(nested))
        return KeyedEncodingContainer(KeyedContainer<NestedKey>(box: nested))
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> UnkeyedEncodingContainer {
        let nested = JSONWriter.ArrayBox()
        box.set(key.stringValue, .array(nested))
        return UnkeyedContainer(box: nested)
    }

    mutating func superEncoder() -> Encoder { ValueEncoder { [box] in box.set("super", $0) } }
    mutating func superEncoder(forKey key: Key) -> Encoder { ValueEncoder { [box] in box.set(key.stringValue, $0) } }
}

private struct UnkeyedContainer: UnkeyedEncodingContainer {
    let box: JSONWriter.ArrayBox
    var codingPath: [CodingKey] = []
    var count: Int { box.items.count }

    mutating func encodeNil() throws { box.items.append(.null) }
    mutating func encode(_ value: Bool) throws { box.items.append(.bool(value)) }
    mutating func encode(_ value: String) throws { box.items.append(.string(value)) }
    mutating func encode(_ value: Double) throws { box.items.append(.number(JSONNumber.text(value))) }
    mutating func encode(_ value: Float) throws { box.items.append(.number(JSONNumber.text(Double(value)))) }
    mutating func encode(_ value: Int) throws { box.items.append(.number(String(value))) }
    mutating func encode(_ value: Int8) throws { box.items.append(.number(String(value))) }
    mutating func encode(_ value: Int16) throws { box.items.append(.number(String(value))) }
    mutating func encode(_ value: Int32) throws { box.items.append(.number(String(value))) }
    mutating func encode(_ value: Int64) throws { box.items.append(.number(String(value))) }
    mutating func encode(_ value: UInt) throws { box.items.append(.number(String(value))) }
    mutating func encode(_ value: UInt8) throws { box.items.append(.number(String(value))) }
    mutating func encode(_ value: UInt16) throws { box.items.append(.number(String(value))) }
    mutating func encode(_ value: UInt32) throws { box.items.append(.number(String(value))) }
    mutating func encode(_ value: UInt64) throws { box.items.append(.number(String(value))) }
    mutating func encode<T: Encodable>(_ value: T) throws { box.items.append(try JSONWriter.node(value)) }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        let nested = JSONWriter.ObjectBox()
        box.items.append(.object(nested))
        return KeyedEncodingContainer(KeyedContainer<NestedKey>(box: nested))
    }

    mutating func nestedUnkeyedContainer() -> UnkeyedEncodingContainer {
        let nested = JSONWriter.ArrayBox()
        box.items.append(.array(nested))
        return UnkeyedContainer(box: nested)
    }

    mutating func superEncoder() -> Encoder {
        let index = box.items.count
        box.items.append(.null)
        return ValueEncoder { [box] in box.items[index] = $0 }
    }
}

private struct SingleContainer: SingleValueEncodingContainer {
    let encoder: TreeEncoder
    var codingPath: [CodingKey] = []

    mutating func encodeNil() throws { encoder.result = .null }
    mutating func encode(_ value: Bool) throws { encoder.result = .bool(value) }
    mutating func encode(_ value: String) throws { encoder.result = .string(value) }
    mutating func encode(_ value: Double) throws { encoder.result = .number(JSONNumber.text(value)) }
    mutating func encode(_ value: Float) throws { encoder.result = .number(JSONNumber.text(Double(value))) }
    mutating func encode(_ value: Int) throws { encoder.result = .number(String(value)) }
    mutating func encode(_ value: Int8) throws { encoder.result = .number(String(value)) }
    mutating func encode(_ value: Int16) throws { encoder.result = .number(String(value)) }
    mutating func encode(_ value: Int32) throws { encoder.result = .number(String(value)) }
    mutating func encode(_ value: Int64) throws { encoder.result = .number(String(value)) }
    mutating func encode(_ value: UInt) throws { encoder.result = .number(String(value)) }
    mutating func encode(_ value: UInt8) throws { encoder.result = .number(String(value)) }
    mutating func encode(_ value: UInt16) throws { encoder.result = .number(String(value)) }
    mutating func encode(_ value: UInt32) throws { encoder.result = .number(String(value)) }
    mutating func encode(_ value: UInt64) throws { encoder.result = .number(String(value)) }
    mutating func encode<T: Encodable>(_ value: T) throws { encoder.result = try JSONWriter.node(value) }
}

/// An encoder whose one value is handed to `store` (for `superEncoder`).
private final class ValueEncoder: Encoder {
    var codingPath: [CodingKey] = []
    var userInfo: [CodingUserInfoKey: Any] = [:]
    private let inner = TreeEncoder()
    private let store: (JSONWriter.Node) -> Void

    init(_ store: @escaping (JSONWriter.Node) -> Void) {
        self.store = store
    }

    deinit { store(inner.result) }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> { inner.container(keyedBy: type) }
    func unkeyedContainer() -> UnkeyedEncodingContainer { inner.unkeyedContainer() }
    func singleValueContainer() -> SingleValueEncodingContainer { inner.singleValueContainer() }
}

/// Numbers that are not integers (the plan has none; kept for completeness): as Swift prints them.
private enum JSONNumber {
    static func text(_ value: Double) -> String {
        value.rounded() == value && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }
}
