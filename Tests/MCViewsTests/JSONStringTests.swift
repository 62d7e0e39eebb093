import Foundation
import Testing

@testable import MCViews

/// Strings are escaped as Foundation reads them back, whatever the bytes around an escape and
/// wherever in the string it falls (the writer copies the runs between escapes whole).
@Suite struct JSONStringTests {
    /// The escape each byte needs, written out one byte at a time: the writer's rules, held apart
    /// from its copying of runs.
    private static func escapedByteByByte(_ text: String) -> [UInt8] {
        var out: [UInt8] = [UInt8(ascii: "\"")]
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""): out += Array("\\\"".utf8)
            case UInt8(ascii: "\\"): out += Array("\\\\".utf8)
            case 0x08: out += Array("\\b".utf8)
            case 0x0C: out += Array("\\f".utf8)
            case 0x0A: out += Array("\\n".utf8)
            case 0x0D: out += Array("\\r".utf8)
            case 0x09: out += Array("\\t".utf8)
            case ..<0x20: out += Array(String(format: "\\u%04x", byte).utf8)
            default: out.append(byte)
            }
        }
        return out + [UInt8(ascii: "\"")]
    }

    @Test(arguments: 0..<40)
    func escapesEveryByteWhereverItFalls(offset: Int) throws {
        let specials = ["\"", "\\", "\n", "\u{1}", "\u{1F}", "\t", "é", "日本", "\u{7F}", " ", "~", "!", "#", "]", "[", "0"]
        var generator = SplitMix(seed: UInt64(offset))
        for length in [0, 1, 7, 8, 9, 15, 16, 17, 63, 64, 65, 300] {
            var text = String(repeating: "x", count: offset % 9)
            for _ in 0..<length { text += specials[Int(generator.next() % UInt64(specials.count))] }
            var out: [UInt8] = []
            JSONWriter.writeString(text, into: &out)
            #expect(out == Self.escapedByteByByte(text), "\(text.debugDescription)")
            let decoded = try JSONSerialization.jsonObject(with: Data(out), options: .fragmentsAllowed) as? String
            #expect(decoded == text)
        }
    }

    private struct SplitMix {
        var state: UInt64
        init(seed: UInt64) { state = seed }
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }
}
