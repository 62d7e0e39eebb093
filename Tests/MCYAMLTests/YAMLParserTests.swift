import MCDiagnostics
import MCTestSupport
import Testing

@testable import MCYAML

private func parse(_ text: String, limits: YAMLLimits = .standard) -> YAMLParseResult {
    YAMLParser.parse(Array(text.utf8), path: "t.yaml", limits: limits)
}

private func codes(_ result: YAMLParseResult) -> [String] { result.diagnostics.map(\.code.rawValue) }

@Suite struct YAMLParserTests {
    @Test func nodesCarryOneBasedRanges() throws {
        let fixture = MarkedText("""
        1️⃣a: 2️⃣1
        list:
          - 3️⃣x
          - 4️⃣"y"
        """)
        let result = parse(fixture.text)
        #expect(result.diagnostics.isEmpty)
        let pairs = try #require(result.root?.mapping)
        #expect(pairs[0].key.range.start == fixture["1"])
        #expect(pairs[0].value.range.start == fixture["2"])
        #expect(pairs[0].value.range.end == SourcePosition(line: 1, column: 5))
        let items = try #require(pairs[1].value.sequence)
        #expect(items[0].range.start == fixture["3"])
        #expect(items[1].range.start == fixture["4"])
        #expect(items[1].scalar == .init("y", style: .doubleQuoted))
    }

    @Test func columnsCountCharactersNotBytes() throws {
        let fixture = MarkedText("name: \"é—日本\"\nnext: 1️⃣ü: 2️⃣x\n")
        let result = parse(fixture.text)
        #expect(codes(result) == ["MC101"])
        #expect(result.diagnostics[0].range.start.line == 2)
        let mixed = MarkedText("k: 日本語\nk2: 1️⃣v\n")
        let node = try #require(parse(mixed.text).root?.mapping?[1].value)
        #expect(node.range.start == mixed["1"])
        let wide = MarkedText("a: [日本, 1️⃣x]\n")
        let item = try #require(parse(wide.text).root?.mapping?[0].value.sequence?[1])
        #expect(item.range.start == wide["1"])
    }

    @Test func syntaxErrorAtLibyamlPosition() {
        let result = parse("a: b\n  c: d\n")
        #expect(codes(result) == ["MC101"])
        #expect(result.diagnostics[0].range.start == SourcePosition(line: 2, column: 4))
        #expect(result.diagnostics[0].message.contains("mapping values are not allowed"))
        #expect(result.root == nil)
    }

    @Test func duplicateKeysAtAnyDepthReportBothPositions() {
        let fixture = MarkedText("""
        clusters:
          - name: east
            gateway:
              1️⃣port: 1
              probe: {port: 2}
              2️⃣port: 3
        """)
        let result = parse(fixture.text)
        #expect(codes(result) == ["MC102"])
        let diagnostic = result.diagnostics[0]
        #expect(diagnostic.range.start == fixture["2"])
        #expect(diagnostic.notes.map(\.range.start) == [fixture["1"]])
        #expect(diagnostic.message == "duplicate key 'port'")
    }

    @Test func quotedAndPlainKeysAreTheSameKey() {
        #expect(codes(parse("a: 1\n\"a\": 2\n")) == ["MC102"])
    }

    @Test func inputOverTheSizeLimit() {
        var limits = YAMLLimits()
        limits.maxBytes = 10
        let result = parse("a: 0123456789\n", limits: limits)
        #expect(codes(result) == ["MC103"])
        #expect(result.diagnostics[0].range.start == SourcePosition(line: 1, column: 1))
        #expect(codes(parse(String(repeating: "#", count: 16 * 1024 * 1024 + 1))) == ["MC103"])
    }

    @Test func nestingDeeperThanTheLimit() {
        let deep = String(repeating: "[", count: 65) + String(repeating: "]", count: 65)
        let result = parse("a: " + deep + "\n")
        #expect(codes(result) == ["MC103"])
        #expect(result.diagnostics[0].message == "nesting deeper than 64 levels")
        #expect(result.diagnostics[0].range.start == SourcePosition(line: 1, column: 67))
        let ok = String(repeating: "[", count: 63) + String(repeating: "]", count: 63)
        #expect(parse("a: " + ok + "\n").diagnostics.isEmpty)
    }

    @Test func aliasesWithinTheBudgetExpand() throws {
        let result = parse("base: &b {x: 1}\ncopy: *b\n")
        #expect(result.diagnostics.isEmpty)
        let copy = try #require(result.root?.mapping?[1].value.mapping)
        #expect(copy.first?.key.scalar?.text == "x")
    }

    @Test func billionLaughsStopsAtTheAliasBudget() {
        var text = "a: &a [x, x, x, x, x, x, x, x, x, x]\n"
        for (name, previous) in zip("bcdefghi", "abcdefgh") {
            text += "\(name): &\(name) [" + Array(repeating: "*\(previous)", count: 10).joined(separator: ", ") + "]\n"
        }
        let result = parse(text)
        #expect(codes(result) == ["MC103"])
        #expect(result.diagnostics[0].message == "aliases expand to more than 10000 nodes")
        #expect(result.root == nil)
    }

    @Test func undefinedAliasIsASyntaxError() {
        #expect(codes(parse("a: *nope\n")) == ["MC101"])
    }

    @Test(arguments: ["a: !!binary aGVsbG8=\n", "a: !foo x\n", "a: !!str 1\n", "!!map {a: 1}\n", "a: !seq [1]\n"])
    func explicitTagsAreRefused(text: String) {
        let result = parse(text)
        #expect(codes(result) == ["MC103"])
        #expect(result.diagnostics[0].message.hasPrefix("explicit tag"))
    }

    @Test func severalDocumentsAreRefusedAtTheSecond() {
        let result = parse("a: 1\n---\nb: 2\n")
        #expect(codes(result) == ["MC103"])
        #expect(result.diagnostics[0].range.start == SourcePosition(line: 2, column: 1))
        #expect(result.root?.mapping?.count == 1)
        #expect(codes(parse("---\na: 1\n...\n")) == [])
    }

    @Test func crlfInputKeepsLinesAndColumns() throws {
        let result = parse("a: 1\r\nb:\r\n  - x\r\n")
        #expect(result.diagnostics.isEmpty)
        let item = try #require(result.root?.mapping?[1].value.sequence?[0])
        #expect(item.range.start == SourcePosition(line: 3, column: 5))
        #expect(item.scalar?.text == "x")
    }

    @Test(arguments: [
        ("a: b\u{0}c\n", SourcePosition(line: 1, column: 5), "U+0000"),
        ("a: 1\nb: \u{7}\n", SourcePosition(line: 2, column: 4), "U+0007"),
        ("a: \u{85}\n", SourcePosition(line: 1, column: 4), "U+0085"),
    ])
    func controlCharactersAreRefused(text: String, at location: SourcePosition, name: String) {
        let result = parse(text)
        #expect(codes(result) == ["MC103"])
        #expect(result.diagnostics[0].range.start == location)
        #expect(result.diagnostics[0].message == "control character \(name) is not allowed")
        #expect(result.source == nil)
    }

    /// Found by the fuzzer: libyaml puts an error at the end of a file without a final line break
    /// on a line that does not exist; it is moved to the end of the last line.
    @Test func errorsAtTheEndOfTheFileStayOnItsLastLine() {
        let last = "    gateway: {address: gw, probekind::  "
        let result = parse("apiVersion: mcplan/v1\nkind: Topology\nclusters:\n  - name: a\n    trustAnchors: [r]\n" + last)
        #expect(codes(result) == ["MC101"])
        #expect(result.diagnostics[0].range.start == SourcePosition(line: 6, column: last.count + 1))
    }

    /// LS and PS are refused with their position counted as an editor counts it (no line break).
    @Test(arguments: [
        ("a: 1 # note\u{2028}more\nb: 2\n", SourcePosition(line: 1, column: 12), "line separator U+2028"),
        ("a: 1\nb: x\u{2029}y\n", SourcePosition(line: 2, column: 5), "paragraph separator U+2029"),
    ])
    func lineAndParagraphSeparatorsAreRefused(text: String, at location: SourcePosition, name: String) {
        let result = parse(text)
        #expect(codes(result) == ["MC103"])
        #expect(result.diagnostics[0].range.start == location)
        #expect(result.diagnostics[0].message == "\(name) is not allowed (YAML reads it as a line break where editors do not)")
    }

    @Test func tabsAndLineBreaksAreNotControlCharacters() {
        #expect(parse("a: \"x\ty\"\r\n").diagnostics.isEmpty)
    }

    @Test func invalidUTF8IsUnreadable() {
        let result = YAMLParser.parse([0x61, 0x3A, 0x20, 0x0A, 0x62, 0x3A, 0x20, 0xC3, 0x28], path: "t.yaml")
        #expect(codes(result) == ["MC100"])
        #expect(result.diagnostics[0].range.start == SourcePosition(line: 2, column: 4))
        #expect(codes(YAMLParser.parse([0xFF, 0xFE, 0x61, 0x00], path: "t.yaml")) == ["MC100"])
    }

    @Test(arguments: ["", "# only a comment\n", "\n\n  \n", "---\n", "\u{FEFF}"])
    func emptyInputIsUnreadable(text: String) {
        #expect(codes(parse(text)) == ["MC100"])
    }

    @Test func byteOrderMarkIsDropped() throws {
        let result = YAMLParser.parse([0xEF, 0xBB, 0xBF] + Array("a: 1\n".utf8), path: "t.yaml")
        #expect(result.diagnostics.isEmpty)
        #expect(result.root?.mapping?[0].key.range.start == SourcePosition(line: 1, column: 1))
    }

    @Test func scalarsWithNULEscapesKeepTheirLength() throws {
        let result = parse("a: \"x\\0y\"\n")
        #expect(result.diagnostics.isEmpty)
        #expect(result.root?.mapping?[0].value.scalar?.text == "x\u{0}y")
    }

    @Test func mergeKeysAreOrdinaryKeys() throws {
        let result = parse("base: &b {x: 1}\nother:\n  <<: *b\n")
        #expect(result.diagnostics.isEmpty)
        #expect(result.root?.mapping?[1].value.mapping?[0].key.scalar?.text == "<<")
    }
}
