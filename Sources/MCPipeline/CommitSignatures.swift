import Foundation
import MCBasics

/// The author and committer of mcapply's commit, found as git finds them: `--author`, else
/// `GIT_AUTHOR_NAME`/`GIT_AUTHOR_EMAIL`, else `user.name`/`user.email`, else
/// `mcapply <mcapply@localhost>`; the committer from `GIT_COMMITTER_*` the same way; the times
/// from `GIT_AUTHOR_DATE`/`GIT_COMMITTER_DATE`, else now in the local time zone.
struct CommitSignatures {
    var author: Signature
    var committer: Signature

    static let fallback = Identity(name: "mcapply", email: "mcapply@localhost")

    init(requested: Identity?, configured: Identity?, environment: [String: String], now: Date) throws(EnvironmentError) {
        let offset = Int32(TimeZone.current.secondsFromGMT(for: now) / 60)
        let current = Signature(Self.fallback, time: Int64(now.timeIntervalSince1970), offsetMinutes: offset)
        func person(_ prefix: String, overriding: Identity?) throws(EnvironmentError) -> Signature {
            var signature = current
            signature.identity = overriding ?? Identity(
                name: environment[prefix + "_NAME"].flatMap { $0.isEmpty ? nil : $0 } ?? configured?.name ?? Self.fallback.name,
                email: environment[prefix + "_EMAIL"].flatMap { $0.isEmpty ? nil : $0 } ?? configured?.email ?? Self.fallback.email)
            if let text = environment[prefix + "_DATE"], !text.isEmpty {
                guard let (time, zone) = GitDate.parse(text) else {
                    throw EnvironmentError("\(prefix)_DATE='\(text)' is not a date git reads (use \"@<seconds> +0000\" or ISO 8601)")
                }
                signature.time = time
                signature.offsetMinutes = zone
            }
            return signature
        }
        author = try person("GIT_AUTHOR", overriding: requested)
        committer = try person("GIT_COMMITTER", overriding: nil)
    }
}

/// The date forms of `GIT_AUTHOR_DATE` and `GIT_COMMITTER_DATE` that scripts use: git's internal
/// `[@]<seconds> <±hhmm>`, ISO 8601 (`2026-12-02T10:00:00Z`, `… 10:00:00 +01:00`) and RFC 2822
/// (`Wed, 02 Dec 2026 10:00:00 +0100`).
enum GitDate {
    /// Seconds since 1970 and the zone's offset in minutes.
    static func parse(_ text: String) -> (Int64, Int32)? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let parts = trimmed.split(separator: " ").map(String.init)
        if let first = parts.first {
            let digits = first.hasPrefix("@") ? String(first.dropFirst()) : first
            if !digits.isEmpty, digits.allSatisfy(\.isASCII), digits.allSatisfy(\.isNumber), parts.count <= 2, let seconds = Int64(digits),
               first.hasPrefix("@") || parts.count == 2 {
                let zone = parts.count == 2 ? offset(parts[1]) : 0
                guard let zone else { return nil }
                return (seconds, zone)
            }
        }
        for format in ["yyyy-MM-dd'T'HH:mm:ssXXXXX", "yyyy-MM-dd HH:mm:ssXXXXX", "yyyy-MM-dd HH:mm:ss XXXXX", "EEE, dd MMM yyyy HH:mm:ss Z",
                       "dd MMM yyyy HH:mm:ss Z"] {
            let formatter = DateFormatter()
            formatter.locale = Locale(identifier: "en_US_POSIX")
            formatter.dateFormat = format
            guard let date = formatter.date(from: trimmed) else { continue }
            return (Int64(date.timeIntervalSince1970), trailingZone(trimmed) ?? 0)
        }
        return nil
    }

    /// The zone a date ends with (`Z`, `+01:00`, `-0500`), in minutes.
    private static func trailingZone(_ text: String) -> Int32? {
        if text.hasSuffix("Z") { return 0 }
        let tail = Array(text.suffix(6))
        if tail.count == 6, tail[3] == ":" { return offset(String(tail[0..<3] + tail[4...])) }
        return offset(String(text.suffix(5)))
    }

    /// `+hhmm` or `-hhmm` in minutes.
    private static func offset(_ text: String) -> Int32? {
        let body = text.trimmingCharacters(in: .whitespaces)
        guard body.count == 5, let sign = body.first, sign == "+" || sign == "-", let value = Int32(body.dropFirst()) else { return nil }
        let minutes = value / 100 * 60 + value % 100
        return sign == "-" ? -minutes : minutes
    }
}
