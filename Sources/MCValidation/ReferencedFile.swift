/// A file named by a `file:` field, as far as reading it got.
package enum ReferencedFile: Sendable, Equatable {
    case text(String)
    case refused(Problem)

    /// Why a referenced file could not be used (MC306, or MC300 for binary content).
    package enum Problem: Sendable, Equatable {
        case absolute
        case climbsOut
        case escapesThroughSymlink
        case missing
        case notAFile
        case tooLarge(limit: Int)
        case unreadable(String)
        case notText
    }
}
