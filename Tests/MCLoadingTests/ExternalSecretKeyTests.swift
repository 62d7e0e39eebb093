import MCDiagnostics
import MCTopology
import Testing

@Suite struct ExternalSecretKeyTests {
    @Test(arguments: [
        ("mesh/{source}-to-{target}", "mesh/east-to-west"),
        ("{target}{source}{target}", "westeastwest"),
        ("fixed", "fixed"),
        ("", ""),
        ("{", "{"),
        ("{other}/{source}", "{other}/east"),
        ("{{source}}", "{east}"),
        ("a{sourc", "a{sourc"),
        ("é/{source}\u{301}/日本", "é/east\u{301}/日本"),
    ])
    func placeholdersAreReplaced(template: String, expected: String) {
        let at = SourceRange(start: .init(line: 1, column: 1), end: .init(line: 1, column: 2))
        let source = ExternalSecretSource(
            store: Located("vault", at: at), storeKind: Located(.clusterSecretStore, at: at), key: Located(template, at: at),
            property: nil, range: at)
        #expect(source.key(source: "east", target: "west") == expected)
    }
}
