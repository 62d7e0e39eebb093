import Testing

@testable import MCYAML

@Suite struct ScalarResolutionTests {
    @Test(arguments: [
        ("true", ResolvedScalar.bool(true)), ("False", .bool(false)), ("TRUE", .bool(true)),
        ("on", .string("on")), ("off", .string("off")), ("no", .string("no")), ("yes", .string("yes")),
        ("y", .string("y")), ("N", .string("N")), ("0755", .string("0755")), ("1.10", .string("1.10")),
        ("1e3", .string("1e3")), ("0x1F", .string("0x1F")), ("42", .int(42)), ("-7", .int(-7)), ("0", .int(0)),
        ("~", .null), ("null", .null), ("", .null), ("Null", .null), ("500m", .string("500m")),
    ])
    func plainScalarsHaveYAML12Meaning(text: String, expected: ResolvedScalar) {
        #expect(YAMLNode.Scalar(text).resolved == expected)
    }

    @Test(arguments: [YAMLNode.ScalarStyle.singleQuoted, .doubleQuoted, .literal, .folded])
    func quotedScalarsAreStrings(style: YAMLNode.ScalarStyle) {
        #expect(YAMLNode.Scalar("true", style: style).resolved == .string("true"))
        #expect(YAMLNode.Scalar("42", style: style).integerValue == nil)
    }

    @Test(arguments: [("0755", 755), ("0o17", 15), ("0x1F", 31), ("+8", 8), ("-3", -3), ("9898", 9898)])
    func integerFieldsAcceptCoreSchemaForms(text: String, expected: Int) {
        #expect(YAMLNode.Scalar(text).integerValue == expected)
    }

    @Test(arguments: ["1.5", "abc", "", "0xZZ", "1_000", "99999999999999999999"])
    func notIntegers(text: String) {
        #expect(YAMLNode.Scalar(text).integerValue == nil)
    }
}
