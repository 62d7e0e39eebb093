import Foundation
import MCBasics

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
    /// unescaped slashes (a test holds the two equal).
    package var bytes: [UInt8] {
        Self.bytes(generatedBy: generatedBy, toolVersion: tool.version, topologyPath: topology.path,
                   topologyDigest: topology.digest, files: files.map { ($0.key, $0.value) }, toolName: tool.name,
                   formatVersion: formatVersion)
    }

    /// A manifest's bytes written directly from its parts: `files` (path and digest) in any order.
    package static func bytes(
        generatedBy: String, toolVersion: String, topologyPath: String, topologyDigest: String, files: [(String, String)],
        toolName: String = "mcapply", formatVersion: String = "1"
    ) -> [UInt8] {
        let sorted = files.sorted { $0.0.utf8Precedes($1.0) }
        return document(generatedBy: generatedBy, toolVersion: toolVersion, topologyPath: topologyPath, topologyDigest: topologyDigest,
                        toolName: toolName, formatVersion: formatVersion,
                        capacity: sorted.reduce(512) { $0 + $1.0.utf8.count + $1.1.utf8.count + 13 }) { out in
            for (index, (path, digest)) in sorted.enumerated() {
                member(path, first: index == 0, indent: "    ", into: &out) { appendQuoted(digest, to: &$0) }
            }
        }
    }

    /// What the files of one top-level folder (or one file at the top) add to `files`, sorted
    /// where those files are made: a large mesh's manifest lists tens of thousands of files, and
    /// its folders' entries are then put in order on all cores. They hold the strings and digests
    /// the files already have; the manifest's bytes are written once, from all of them.
    package struct Entries: Sendable {
        /// The folder's name and `/` (or the file's name): its entries' place among the others,
        /// since every path under `X/` sorts, byte by byte, where `X/` itself does.
        fileprivate let key: [UInt8]
        /// Path and digest, in the paths' byte order.
        fileprivate let pairs: [(String, SHA256Digest)]
    }

    /// The entries of `files` (path, digest), all under one top-level folder or one file at the
    /// top, in any order.
    package static func entries(_ files: [(String, SHA256Digest)]) -> Entries {
        guard let first = files.first?.0 else { return Entries(key: [], pairs: []) }
        var key = Array(first.utf8.prefix { $0 != UInt8(ascii: "/") })
        if key.count < first.utf8.count { key.append(UInt8(ascii: "/")) }
        return Entries(key: key, pairs: files.sorted(by: { $0.0.utf8Precedes($1.0) }))
    }

    /// A manifest's bytes from its folders' entries, in any order.
    package static func bytes(
        generatedBy: String, toolVersion: String, topologyPath: String, topologyDigest: String, entries: [Entries],
        toolName: String = "mcapply", formatVersion: String = "1"
    ) -> [UInt8] {
        let parts = entries.filter { !$0.pairs.isEmpty }.sorted { $0.key.lexicographicallyPrecedes($1.key) }
        return document(generatedBy: generatedBy, toolVersion: toolVersion, topologyPath: topologyPath, topologyDigest: topologyDigest,
                        toolName: toolName, formatVersion: formatVersion,
                        capacity: parts.reduce(512) { total, part in part.pairs.reduce(total) { $0 + $1.0.utf8.count + 84 } }) { out in
            var first = true
            for part in parts {
                for (path, digest) in part.pairs {
                    member(path, first: first, indent: "    ", into: &out) { out in
                        out.append(UInt8(ascii: "\""))
                        digest.appendText(to: &out)
                        out.append(UInt8(ascii: "\""))
                    }
                    first = false
                }
            }
        }
    }

    /// The whole document, with `files`' members written by `files`.
    private static func document(
        generatedBy: String, toolVersion: String, topologyPath: String, topologyDigest: String, toolName: String, formatVersion: String,
        capacity: Int, files: (inout [UInt8]) -> Void
    ) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(capacity)
        func members(_ indent: String, _ pairs: [(String, String)]) {
            for (index, (key, value)) in pairs.enumerated() {
                member(key, first: index == 0, indent: indent, into: &out) { appendQuoted(value, to: &$0) }
            }
        }
        out.append(utf8: "{\n  \"files\" : {\n")
        files(&out)
        out.append(utf8: "\n  },\n")
        members("  ", [("formatVersion", formatVersion), ("generatedBy", generatedBy)])
        out.append(utf8: ",\n  \"tool\" : {\n")
        members("    ", [("name", toolName), ("version", toolVersion)])
        out.append(utf8: "\n  },\n  \"topology\" : {\n")
        members("    ", [("digest", topologyDigest), ("path", topologyPath)])
        out.append(utf8: "\n  }\n}\n")
        return out
    }

    /// One `"key" : value` member of an object (after `,` and a line break unless `first`).
    private static func member(_ key: String, first: Bool, indent: String, into out: inout [UInt8], value: (inout [UInt8]) -> Void) {
        if !first { out.append(utf8: ",\n") }
        out.append(utf8: indent)
        appendQuoted(key, to: &out)
        out.append(utf8: " : ")
        value(&out)
    }

    /// Appends a JSON string literal, escaped as `JSONEncoder` escapes it (slashes left alone).
    static func appendQuoted(_ text: String, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        var text = text
        let plain = text.withUTF8 { bytes in
            guard !bytes.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) else { return false }
            out.append(contentsOf: bytes)
            return true
        }
        if plain {
            out.append(UInt8(ascii: "\""))
            return
        }
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""): out.append(contentsOf: #"\""#.utf8)
            case UInt8(ascii: "\\"): out.append(contentsOf: #"\\"#.utf8)
            case 0x0A: out.append(contentsOf: #"\n"#.utf8)
            case 0x0D: out.append(contentsOf: #"\r"#.utf8)
            case 0x09: out.append(contentsOf: #"\t"#.utf8)
            case 0x08: out.append(contentsOf: #"\b"#.utf8)
            case 0x0C: out.append(contentsOf: #"\f"#.utf8)
            case ..<0x20:
                out.append(contentsOf: #"\u00"#.utf8)
                out.append(hexDigits[Int(byte >> 4)])
                out.append(hexDigits[Int(byte & 0x0F)])
            default: out.append(byte)
            }
        }
        out.append(UInt8(ascii: "\""))
    }

    /// Reads a manifest back; nil when the bytes are not one.
    package static func decode(_ bytes: [UInt8]) -> Manifest? {
        try? JSONDecoder().decode(Manifest.self, from: Data(bytes))
    }

    /// Only the `files` a manifest records (path → digest); nil when the bytes are not JSON with
    /// such an object. Read without decoding the rest: a large mesh's manifest lists tens of
    /// thousands of files, and `JSONSerialization` reads them in well under half the time.
    package static func recordedFiles(_ bytes: [UInt8]) -> [String: String]? {
        let object = try? JSONSerialization.jsonObject(with: Data(bytes))
        return (object as? [String: Any])?["files"] as? [String: String]
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)
}
