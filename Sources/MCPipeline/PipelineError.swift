/// A failure of the environment (not of the user's topology): exit status 1 with this message.
package struct PipelineError: Error, Sendable, CustomStringConvertible {
    package var message: String

    package init(_ message: String) {
        self.message = message
    }

    package var description: String { message }
}
