import Testing

@testable import MCYAML

@Suite struct YAMLWriterTests {
    static let tricky: [String] = [
        "true", "false", "True", "on", "On", "off", "y", "Y", "n", "N", "yes", "no", "null", "Null", "~", "",
        "0755", "1e3", "1.10", "4143", "-1", "+1", ".5", "0x1F", "0o17", "1_000", "12:30:00", "2026-11-22",
        ".inf", "-.inf", ".NaN", "=", "<<", "a: b", "a:b", "# x", "a #b", "a# b", "- x", "-x", "? x", ": x", "x:",
        "[a]", "{a}", "a, b", "&a", "*a", "!tag", "|", ">", "'q'", "\"dq\"", "%x", "@x", "`x",
        " leading", "trailing ", " both ", "\tTab", "tab\tinside", "unicode é 日本 🚀", "back\\slash",
        "multi\nline\ntext\n", "no final newline\nhere", "two trailing\n\n", "\n", "\n\nlead", "  indented\nblock\n",
        "line with trailing space \nnext\n", "cr\r\nlf", "nul\u{0}x", "bell\u{7}", "bom\u{FEFF}x", "nel\u{85}x",
        "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n", "3s", "/ready", "cluster.local",
        "mirror.linkerd.io/exported", "500m", String(repeating: "long ", count: 60),
    ]

    @Test(arguments: tricky)
    func stringsRoundTrip(value: String) throws {
        let document = YAMLValue.mapping([("key", .string(value)), ("list", .sequence([.string(value)]))])
        let written = YAMLWriter.write(document)
        let parsed = YAMLParser.parse(Array(written.utf8), path: "w.yaml")
        #expect(parsed.diagnostics.isEmpty, "\(written)")
        #expect(parsed.root?.value == document, "\(written)")
        #expect(written.hasSuffix("\n") && !written.hasSuffix("\n\n\n\n"))
        #expect(!written.contains("\r"))
    }

    @Test(arguments: tricky)
    func keysRoundTrip(key: String) throws {
        guard !key.contains("\n") else { return }
        let document = YAMLValue.mapping([(key, .int(1))])
        let parsed = YAMLParser.parse(Array(YAMLWriter.write(document).utf8), path: "w.yaml")
        #expect(parsed.root?.value == document, "\(YAMLWriter.write(document))")
    }

    @Test func writesBlockStyleDeterministically() {
        let value = YAMLValue.mapping([
            ("apiVersion", .string("v1")),
            ("metadata", .mapping([
                ("name", .string("x")),
                ("labels", .mapping([("mirror.linkerd.io/exported", .string("true"))])),
            ])),
            ("data", .mapping([("ca-bundle.crt", .string("-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n"))])),
            ("spec", .mapping([
                ("port", .string("4143")),
                ("weight", .int(50)),
                ("enabled", .bool(true)),
                ("empty", .sequence([])),
                ("none", .mapping([])),
                ("rules", .sequence([
                    .mapping([("backendRefs", .sequence([.mapping([("name", .string("a")), ("port", .int(80))])]))]),
                ])),
                ("nested", .sequence([.sequence([.string("a"), .string("b")]), .string("c")])),
            ])),
        ])
        let expected = """
        apiVersion: v1
        metadata:
          name: x
          labels:
            mirror.linkerd.io/exported: "true"
        data:
          ca-bundle.crt: |
            -----BEGIN CERTIFICATE-----
            MIIB
            -----END CERTIFICATE-----
        spec:
          port: "4143"
          weight: 50
          enabled: true
          empty: []
          none: {}
          rules:
            - backendRefs:
                - name: a
                  port: 80
          nested:
            - - a
              - b
            - c

        """
        #expect(YAMLWriter.write(value) == expected)
        let parsed = YAMLParser.parse(Array(expected.utf8), path: "w.yaml")
        #expect(parsed.root?.value == value)
    }

    @Test func collectionsRoundTrip() {
        let value = YAMLValue.sequence([
            .mapping([("a", .null), ("b", .bool(false)), ("c", .int(-3))]),
            .sequence([]), .mapping([]), .string("multi\nline\n"),
            .sequence([.mapping([("x", .sequence([.string("y")]))])]),
        ])
        let parsed = YAMLParser.parse(Array(YAMLWriter.write(value).utf8), path: "w.yaml")
        #expect(parsed.root?.value == value, "\(YAMLWriter.write(value))")
    }

    /// A YAML 1.2 reader would read these back as strings even unquoted; YAML 1.1 readers (and
    /// kubectl's older parsers) would not, so the writer quotes them anyway.
    @Test(arguments: ["on", "Off", "y", "N", "yes", "NO", "0755", "1_000", "12:30", "0b101", "2026-11-22", ".inf", "=", "<<"])
    func quotesWhatYAML11WouldReadAsSomethingElse(value: String) {
        #expect(YAMLWriter.write(.mapping([("k", .string(value))])) == "k: \"\(value)\"\n")
    }

    @Test(arguments: ["3s", "/ready", "cluster.local", "linkerd-gateway", "500m", "podinfo-east", "a.b/c"])
    func leavesOrdinaryWordsPlain(value: String) {
        #expect(YAMLWriter.write(.mapping([("k", .string(value))])) == "k: \(value)\n")
    }

    @Test func neverFoldsLongLines() {
        let long = String(repeating: "word ", count: 100) + "end"
        #expect(YAMLWriter.write(.mapping([("k", .string(long))])) == "k: \(long)\n")
    }
}
