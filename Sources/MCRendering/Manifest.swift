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

    package var bytes: [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        return Array(try! encoder.encode(self)) + [0x0A]
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
