import CZlib
import Crypto
import Foundation
import MCBasics

/// A git pack (version 2) of whole objects, each zlib-compressed: many new objects stored as one
/// file instead of one loose file each (a first commit of a large mesh has tens of thousands).
/// The format is git's `Documentation/gitformat-pack.txt`; libgit2's indexer checks it and writes
/// its index when the pack is stored (`GitRepository.store(_:in:)`).
enum PackFile {
    /// The object types a pack of this tool holds (git's type numbers).
    enum Kind: UInt8 {
        case tree = 2
        case blob = 3
    }

    /// The pack's bytes: header, every object (its type and size, then its content deflated),
    /// and the SHA-1 of all that. Objects are compressed on all cores, in order.
    static func bytes(of objects: [(kind: Kind, content: [UInt8])]) throws(GitError) -> [UInt8] {
        let lanes = min(objects.count, ProcessInfo.processInfo.activeProcessorCount * 4)
        let share = lanes == 0 ? 0 : (objects.count + lanes - 1) / lanes
        let compressed = Parallel.map(lanes) { lane in
            deflated(objects[min(objects.count, lane * share)..<min(objects.count, (lane + 1) * share)].map(\.content))
        }
        var pack: [UInt8] = Array("PACK".utf8)
        append(UInt32(2), to: &pack)
        append(UInt32(objects.count), to: &pack)
        var index = 0
        for lane in compressed {
            guard let lane else { throw GitError(call: "deflate", code: -1, message: "zlib could not compress an object") }
            for body in lane {
                appendHeader(objects[index].kind, size: objects[index].content.count, to: &pack)
                pack.append(contentsOf: body)
                index += 1
            }
        }
        pack.append(contentsOf: Insecure.SHA1.hash(data: pack))
        return pack
    }

    /// Each content deflated as a zlib stream, with one compressor reset between them (setting
    /// one up costs more than compressing a small file); nil when zlib fails.
    private static func deflated(_ contents: [[UInt8]]) -> [[UInt8]]? {
        guard !contents.isEmpty else { return [] }
        var stream = z_stream()
        guard deflateInit_(&stream, Z_BEST_SPEED, zlibVersion(), Int32(MemoryLayout<z_stream>.size)) == Z_OK else { return nil }
        defer { deflateEnd(&stream) }
        var output: [[UInt8]] = []
        output.reserveCapacity(contents.count)
        for content in contents {
            guard deflateReset(&stream) == Z_OK else { return nil }
            let bound = Int(deflateBound(&stream, uLong(content.count)))
            var body = [UInt8](repeating: 0, count: bound)
            let status = content.withUnsafeBytes { input in
                body.withUnsafeMutableBytes { out in
                    stream.next_in = UnsafeMutablePointer(mutating: input.baseAddress?.assumingMemoryBound(to: Bytef.self))
                    stream.avail_in = uInt(input.count)
                    stream.next_out = out.baseAddress?.assumingMemoryBound(to: Bytef.self)
                    stream.avail_out = uInt(out.count)
                    return deflate(&stream, Z_FINISH)
                }
            }
            guard status == Z_STREAM_END else { return nil }
            body.removeLast(Int(stream.avail_out))
            output.append(body)
        }
        return output
    }

    /// An object's type and size: 3 bits of type and 4 of size, then 7 bits of size per byte,
    /// each byte but the last with its high bit set.
    static func appendHeader(_ kind: Kind, size: Int, to pack: inout [UInt8]) {
        var rest = size >> 4
        var byte = kind.rawValue << 4 | UInt8(size & 0x0F)
        while rest > 0 {
            pack.append(byte | 0x80)
            byte = UInt8(rest & 0x7F)
            rest >>= 7
        }
        pack.append(byte)
    }

    private static func append(_ value: UInt32, to pack: inout [UInt8]) {
        withUnsafeBytes(of: value.bigEndian) { pack.append(contentsOf: $0) }
    }
}
