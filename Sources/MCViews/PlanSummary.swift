/// The one sentence that counts a plan's changes, for every view.
package enum PlanSummary {
    /// `X to add, Y to change, Z to destroy`.
    package static func counts(add: Int, change: Int, destroy: Int) -> String {
        "\(add) to add, \(change) to change, \(destroy) to destroy"
    }

    /// `N cluster` or `N clusters`.
    package static func clusters(_ count: Int) -> String {
        "\(count) cluster\(count == 1 ? "" : "s")"
    }
}
