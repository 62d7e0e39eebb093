/// How bad a diagnostic is: errors stop the run, warnings never change the exit status.
package enum Severity: String, Sendable, Codable, Comparable {
    case warning
    case error

    package static func < (a: Severity, b: Severity) -> Bool { a == .warning && b == .error }
}
