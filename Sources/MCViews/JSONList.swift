/// A list of a document's items made from the plan when read, not copied out of it beforehand:
/// a first plan's tens of thousands of changes, files and mirrors are each made once, on the
/// core that writes them, and let go once written. Reads and encodes as an array.
package struct JSONList<Element: LazyJSONItem>: RandomAccessCollection, Encodable, Sendable, ExpressibleByArrayLiteral {
    private let make: @Sendable (Int) -> Element
    package let count: Int

    /// `count` items, item `index` being `make(index)` (made again on each read).
    package init(count: Int, _ make: @escaping @Sendable (Int) -> Element) {
        self.count = count
        self.make = make
    }

    /// Each of `source`'s items as `transform` makes it.
    package init<Source: Sendable>(_ source: [Source], _ transform: @escaping @Sendable (Source) -> Element) {
        self.init(count: source.count) { transform(source[$0]) }
    }

    package init(_ items: [Element]) {
        self.init(count: items.count) { items[$0] }
    }

    package init(arrayLiteral items: Element...) {
        self.init(items)
    }

    package var startIndex: Int { 0 }
    package var endIndex: Int { count }
    package subscript(position: Int) -> Element { make(position) }

    package func encode(to encoder: any Encoder) throws {
        var container = encoder.unkeyedContainer()
        for item in self { try container.encode(item) }
    }
}

extension JSONList: Decodable where Element: Decodable {
    package init(from decoder: any Decoder) throws {
        self.init(try [Element](from: decoder))
    }
}
