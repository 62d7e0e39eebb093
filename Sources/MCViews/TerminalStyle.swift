/// ANSI colour, decided once per run: only on a terminal, never with `NO_COLOR`, `TERM=dumb` or
/// `--no-color`.
package struct TerminalStyle: Sendable {
    package var isEnabled: Bool

    package init(isEnabled: Bool) {
        self.isEnabled = isEnabled
    }

    package static let plain = TerminalStyle(isEnabled: false)

    package static func decide(isTerminal: Bool, noColorFlag: Bool, environment: [String: String]) -> TerminalStyle {
        let disabled = noColorFlag || environment["NO_COLOR"].map { !$0.isEmpty } == true
            || environment["TERM"] == "dumb"
        return TerminalStyle(isEnabled: isTerminal && !disabled)
    }

    package enum Color: String, Sendable {
        case red = "31", green = "32", yellow = "33", blue = "34", cyan = "36", bold = "1"
        case boldRed = "1;31", boldYellow = "1;33", boldBlue = "1;34"
    }

    package func paint(_ text: String, _ color: Color) -> String {
        isEnabled && !text.isEmpty ? "\u{1B}[\(color.rawValue)m\(text)\u{1B}[0m" : text
    }
}
