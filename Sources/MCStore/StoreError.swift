/// A failure to read or write the rendered folder: the path and what went wrong.
package struct StoreError: Error, Sendable, CustomStringConvertible {
    package var message: String

    package init(_ message: String) {
        self.message = message
    }

    package var description: String { message }
}
