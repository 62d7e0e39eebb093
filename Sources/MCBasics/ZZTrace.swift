import Foundation
package enum ZZTrace {
    nonisolated(unsafe) static var last = Date()
    static let on = ProcessInfo.processInfo.environment["ZZTRACE"] != nil
    package static func mark(_ label: String) {
        guard on else { return }
        let now = Date()
        FileHandle.standardError.write("ZZ \(label) \(Int(now.timeIntervalSince(last) * 1000)) ms\n".data(using: .utf8)!)
        last = now
    }
}
