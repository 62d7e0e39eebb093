import MCBasics
import Testing

@Suite struct UTF8TextTests {
    /// Deciding an ASCII prefix or suffix on the bytes gives String's own answer (by Characters),
    /// also where a combining mark joins the prefix's last byte, a prepended mark joins the
    /// suffix's first, or a line break pair spans the edge.
    @Test(arguments: [
        "link-east.yaml", "link-", "link", "lin", "", "link-\u{301}east.yaml", "link\u{301}-east.yaml", "link-e\u{301}.yaml",
        "x.yaml", ".yaml", "yaml", "x\u{301}.yaml", "x.yaml\u{301}", "\u{600}.yaml", "x\u{600}.yaml", "link-\r\n.yaml", "link-\n.yaml\r",
        "link-日本.yaml", "link-👩‍👩‍👧.yaml", "\u{1F1E6}\u{1F1E8}.yaml", "link-\u{200D}x.yaml", "x\u{200D}.yaml", "LINK-east.YAML",
    ])
    func bytesAnswerAsCharactersDo(text: String) {
        for prefix in ["link-", "l", "configmap-", ""] {
            #expect(text.hasASCIIPrefix(prefix) == text.hasPrefix(prefix), "\(prefix)")
            // A name read out of a path: a substring starting after its folder.
            let path = "e\u{301}/" + text
            let name = path[path.utf8.index(after: path.utf8.firstIndex(of: UInt8(ascii: "/"))!)...]
            #expect(name.hasASCIIPrefix(prefix) == name.hasPrefix(prefix), "\(prefix)")
        }
        for suffix in [".yaml", "l", ""] {
            #expect(text.hasASCIISuffix(suffix) == text.hasSuffix(suffix), "\(suffix)")
            #expect(("x/" + text).dropFirst(2).hasASCIISuffix(suffix) == ("x/" + text).dropFirst(2).hasSuffix(suffix), "\(suffix)")
        }
    }
}
