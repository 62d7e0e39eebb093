import MCBasics
import Testing

@Suite struct PathTableTests {
    /// Every path is found at its position, for tables from empty to many slots deep; paths not
    /// listed, and paths equal only as Unicode text (not byte for byte, as git compares), are not.
    @Test(arguments: [0, 1, 7, 16, 1000, 20_000])
    func findsEachPathAtItsPosition(count: Int) {
        let paths = (0..<count).map { RelativePath("c\($0 % 97)/linkerd/link-\($0).yaml")! }
        let table = PathTable(count: paths.count) { paths[$0] }
        #expect(paths.indices.allSatisfy { table.position(of: paths[$0]) { paths[$0] } == $0 })
        #expect(table.position(of: RelativePath("c0/linkerd/link-\(count).yaml")!) { paths[$0] } == nil)
        #expect(table.position(of: RelativePath("c0")!) { paths[$0] } == nil)
    }

    @Test func bytesDecideNotCanonicalEquivalence() {
        let precomposed = RelativePath("caf\u{e9}/a.yaml")!
        let decomposed = RelativePath("cafe\u{301}/a.yaml")!
        #expect(precomposed == decomposed, "equal as Strings")
        let paths = [precomposed]
        let table = PathTable(count: paths.count) { paths[$0] }
        #expect(table.position(of: precomposed) { paths[$0] } == 0)
        #expect(table.position(of: decomposed) { paths[$0] } == nil)
    }

    /// A committed folder finds each blob by path, and a change by hand keeps the list in order.
    @Test func committedFolderLookups() {
        let blobs = Dictionary(uniqueKeysWithValues: (0..<300).map { (RelativePath("f/\($0).yaml")!, ObjectID.blob(holding: [UInt8($0 % 256)])) })
        var folder = CommittedFolder(treeID: "t", blobs: blobs)
        #expect(folder.count == 300 && blobs.allSatisfy { folder.id(at: $0.key) == $0.value })
        #expect(folder.paths.elementsEqual(blobs.keys.sorted()))
        let added = RelativePath("a/new.yaml")!
        folder.set(ObjectID.blob(holding: []), at: added)
        folder.set(nil, at: RelativePath("f/7.yaml")!)
        #expect(folder.count == 300 && folder.id(at: added) == ObjectID.blob(holding: []) && folder.id(at: RelativePath("f/7.yaml")!) == nil)
        #expect(folder.paths.first == added && zip(folder.paths, folder.paths.dropFirst()).allSatisfy { $0 < $1 })
    }
}
