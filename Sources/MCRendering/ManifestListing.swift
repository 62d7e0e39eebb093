import Foundation
import MCBasics

extension Manifest {
    /// A manifest's `files` read in place, when the manifest is written exactly as mcapply writes
    /// it (one entry per line, in byte order, nothing escaped, then the other fields as valid
    /// JSON): each top-level folder's entries (or a top-level file's) are then one run of bytes,
    /// and two manifests are compared folder by folder without decoding a digest. Any other form
    /// is not read here (`init` fails) and is left to `recordedFiles`, which reads all JSON.
    package struct Listing: Sendable {
        /// One entry's path and digest, as byte ranges of the manifest.
        private struct Entry: Sendable {
            var path: Range<Int>
            var digest: Range<Int>
        }

        private let bytes: [UInt8]
        private let entries: [Entry]
        /// The entries of each top-level name (a folder's name and `/`, or a file's name at the
        /// top): a run of `entries`, since they are in byte order.
        private let groups: [String: Range<Int>]

        /// The top-level names (a folder's name and `/`, or a top-level file's name) with entries.
        package var keys: Dictionary<String, Range<Int>>.Keys { groups.keys }

        /// Nil unless `bytes` is a manifest exactly as mcapply writes it.
        package init?(_ bytes: [UInt8]) {
            guard let (entries, groups) = bytes.withUnsafeBufferPointer({ Self.scan($0) }) else { return nil }
            self.bytes = bytes
            self.entries = entries
            self.groups = groups
        }

        /// The top-level name a path of the folder falls under: its first component and `/`, or
        /// the whole path when it is a file at the top.
        package static func key(of path: RelativePath) -> String {
            path.topFolder.map { $0 + "/" } ?? path.string
        }

        /// Whether both manifests record the same entries under `key` (the same bytes, or none).
        package func sameEntries(under key: String, as other: Listing) -> Bool {
            switch (groups[key], other.groups[key]) {
            case (nil, nil): return true
            case (let mine?, let theirs?):
                let (start, end) = (entries[mine.lowerBound].path.lowerBound, entries[mine.upperBound - 1].digest.upperBound)
                let (otherStart, otherEnd) = (other.entries[theirs.lowerBound].path.lowerBound, other.entries[theirs.upperBound - 1].digest.upperBound)
                guard end - start == otherEnd - otherStart else { return false }
                return bytes.withUnsafeBufferPointer { mineBytes in
                    other.bytes.withUnsafeBufferPointer { theirBytes in
                        memcmp(mineBytes.baseAddress! + start, theirBytes.baseAddress! + otherStart, end - start) == 0
                    }
                }
            default: return false
            }
        }

        /// The entries recorded under `key` (path → digest); nil when one is not UTF-8, as no JSON is.
        package func recorded(under key: String) -> [String: String]? {
            guard let run = groups[key] else { return [:] }
            var recorded: [String: String] = [:]
            recorded.reserveCapacity(run.count)
            for entry in entries[run] {
                guard let path = String(validating: bytes[entry.path], as: UTF8.self),
                      let digest = String(validating: bytes[entry.digest], as: UTF8.self) else { return nil }
                recorded[path] = digest
            }
            return recorded
        }

        private static let opening = Array("{\n  \"files\" : {\n".utf8)
        private static let closing = Array("\n  },\n".utf8)
        private static let entryStart = Array("    \"".utf8)
        private static let separator = Array("\" : \"".utf8)
        private static let nextEntry = Array(",\n".utf8)

        /// The entries and their top-level runs, or nil when the bytes are not in mcapply's form:
        /// the `files` object first, its entries in strictly increasing byte order (so none twice),
        /// no string with an escape or a control character, and the rest a JSON object's members
        /// without another `files`.
        private static func scan(_ text: UnsafeBufferPointer<UInt8>) -> ([Entry], [String: Range<Int>])? {
            var at = 0
            func take(_ literal: [UInt8]) -> Bool {
                guard text.count - at >= literal.count, literal.withUnsafeBufferPointer({ memcmp(text.baseAddress! + at, $0.baseAddress!, literal.count) }) == 0 else {
                    return false
                }
                at += literal.count
                return true
            }
            /// A string's bytes up to its closing quote (not taken), none escaped or a control character.
            func plainString() -> Range<Int>? {
                let start = at
                while at < text.count {
                    let byte = text[at]
                    if byte == UInt8(ascii: "\"") { return start..<at }
                    if byte < 0x20 || byte == UInt8(ascii: "\\") { return nil }
                    at += 1
                }
                return nil
            }
            func precedes(_ a: Range<Int>, _ b: Range<Int>) -> Bool {
                let order = memcmp(text.baseAddress! + a.lowerBound, text.baseAddress! + b.lowerBound, min(a.count, b.count))
                return order != 0 ? order < 0 : a.count < b.count
            }
            guard take(opening) else { return nil }
            var entries: [Entry] = []
            var groups: [String: Range<Int>] = [:]
            var group: (key: Range<Int>, start: Int)?
            func endGroup() -> Bool {
                guard let (key, start) = group else { return true }
                guard let name = String(validating: UnsafeBufferPointer(rebasing: text[key]), as: UTF8.self), groups[name] == nil else { return false }
                groups[name] = start..<entries.count
                return true
            }
            if !take(closing) {
                while true {
                    guard take(entryStart), let path = plainString(), take(separator), let digest = plainString(), take([UInt8(ascii: "\"")]) else { return nil }
                    if let last = entries.last, !precedes(last.path, path) { return nil }
                    let slash = text[path].firstIndex(of: UInt8(ascii: "/"))
                    let key = path.lowerBound..<(slash.map { $0 + 1 } ?? path.upperBound)
                    if group.map({ text[$0.key].elementsEqual(text[key]) }) != true {
                        guard endGroup() else { return nil }
                        group = (key, entries.count)
                    }
                    entries.append(Entry(path: path, digest: digest))
                    if take(nextEntry) { continue }
                    guard take(closing) else { return nil }
                    break
                }
                guard endGroup() else { return nil }
            }
            // The other fields, read as the object they would be without `files`.
            let rest = Array("{\n".utf8) + UnsafeBufferPointer(rebasing: text[at...])
            guard let others = (try? JSONSerialization.jsonObject(with: Data(rest))) as? [String: Any], others["files"] == nil else { return nil }
            return (entries, groups)
        }
    }
}
