/// ANSI colour, decided once per run: only on a terminal (or when forced), never with `NO_COLOR`,
/// `TERM=dumb` or `--no-color`.
package struct TerminalStyle: Sendable {
    package var isEnabled: Bool

    package init(isEnabled: Bool) {
        self.isEnabled = isEnabled
    }

    package static let plain = TerminalStyle(isEnabled: false)

    /// `NO_COLOR` and `--no-color` always win; `FORCE_COLOR` or `CLICOLOR_FORCE` (set, not `0`)
    /// colour output that is not a terminal (a CI log that renders ANSI).
    package static func decide(isTerminal: Bool, noColorFlag: Bool, environment: [String: String]) -> TerminalStyle {
        func isSet(_ name: String) -> Bool { environment[name].map { !$0.isEmpty && $0 != "0" } == true }
        if noColorFlag || environment["NO_COLOR"].map({ !$0.isEmpty }) == true { return TerminalStyle(isEnabled: false) }
        if isSet("FORCE_COLOR") || isSet("CLICOLOR_FORCE") { return TerminalStyle(isEnabled: true) }
        return TerminalStyle(isEnabled: isTerminal && environment["TERM"] != "dumb")
    }

    package enum Color: String, Sendable {
        case red = "31", green = "32", yellow = "33", blue = "34", cyan = "36", bold = "1"
        case boldRed = "1;31", boldYellow = "1;33", boldBlue = "1;34"
    }

    package func paint(_ text: String, _ color: Color) -> String {
        isEnabled && !text.isEmpty ? "\u{1B}[\(color.rawValue)m\(text)\u{1B}[0m" : text
    }
}
