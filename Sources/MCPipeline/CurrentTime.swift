import Foundation

/// The time certificates are checked against: `MCPLAN_NOW` (RFC 3339) when set, else the clock.
package enum CurrentTime {
    package static func resolve(environment: [String: String]) throws(EnvironmentError) -> Date {
        guard let text = environment["MCPLAN_NOW"], !text.isEmpty else { return Date() }
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        if let date = formatter.date(from: text) { return date }
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        if let date = formatter.date(from: text) { return date }
        throw EnvironmentError("MCPLAN_NOW='\(text)' is not an RFC 3339 time such as 2026-12-01T00:00:00Z")
    }
}
