import Crypto
import Foundation
import MCFiles

/// `.mcapply.json`: which files the tool owns and what it wrote into each (sha256), with the tool
/// version and the topology digest. No timestamps, sorted keys: byte-identical for the same render.
package struct Manifest: Codable, Sendable, Equatable {
    package struct Tool: Codable, Sendable, Equatable {
        package var name: String
        package var version: String
    }

    package struct TopologyRef: Codable, Sendable, Equatable {
        package var path: String
        package var digest: String
    }

    package static let fileName = ".mcapply.json"

    package var formatVersion = "1"
    package var generatedBy: String
    package var tool: Tool
    package var topology: TopologyRef
    /// `sha256:<hex>` of every other file of the folder, by path relative to the folder.
    package var files: [String: String]

    package init(generatedBy: String, toolVersion: String, topologyPath: String, topologyDigest: String, files: [String: String]) {
        self.generatedBy = generatedBy
        tool = Tool(name: "mcapply", version: toolVersion)
        topology = TopologyRef(path: topologyPath, digest: topologyDigest)
        self.files = files
    }

    /// The file's bytes: the JSON `JSONEncoder` writes with sorted keys, pretty printing and
    /// unescaped slashes (a test holds the two equal), written directly because a large mesh's
    /// manifest lists tens of thousands of files.
    package var bytes: [UInt8] {
        var out = "{\n  \"files\" : {\n"
        out += files.sorted { $0.key < $1.key }.map { "    \(Self.quoted($0.key)) : \(Self.quoted($0.value))" }.joined(separator: ",\n")
        out += files.isEmpty ? "\n  }" : "\n  }"
        out += ",\n  \"formatVersion\" : \(Self.quoted(formatVersion))"
        out += ",\n  \"generatedBy\" : \(Self.quoted(generatedBy))"
        out += ",\n  \"tool\" : {\n    \"name\" : \(Self.quoted(tool.name)),\n    \"version\" : \(Self.quoted(tool.version))\n  }"
        out += ",\n  \"topology\" : {\n    \"digest\" : \(Self.quoted(topology.digest)),\n    \"path\" : \(Self.quoted(topology.path))\n  }"
        out += "\n}\n"
        return Array(out.utf8)
    }

    /// A JSON string literal, escaped as `JSONEncoder` escapes it (slashes left alone).
    static func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{8}": out += "\\b"
            case "\u{C}": out += "\\f"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }

    /// Reads a manifest back; nil when the bytes are not one.
    package static func decode(_ bytes: [UInt8]) -> Manifest? {
        try? JSONDecoder().decode(Manifest.self, from: Data(bytes))
    }

    /// `sha256:<hex>` of some bytes.
    package static func digest(_ bytes: [UInt8]) -> String {
        var hex = Array("sha256:".utf8)
        hex.reserveCapacity(71)
        for byte in SHA256.hash(data: bytes) {
            hex.append(hexDigits[Int(byte >> 4)])
            hex.append(hexDigits[Int(byte & 0x0F)])
        }
        return String(decoding: hex, as: UTF8.self)
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)
}
