import MCBasics
import MCStore

/// A failure of the environment, not of the user's topology (a file, the repository, the clock):
/// the one error the pipeline's operations report, as one line.
package struct EnvironmentError: Error, Sendable, CustomStringConvertible {
    package var message: String

    package init(_ message: String) {
        self.message = message
    }

    init(_ error: FileError) {
        message = error.message
    }

    init(_ error: RepositoryError) {
        message = error.message
    }

    package var description: String { message }
}

/// `body`, with the store's and the file system's failures as environment errors.
func environment<Result>(_ body: () throws -> Result) throws(EnvironmentError) -> Result {
    do {
        return try body()
    } catch let error as EnvironmentError {
        throw error
    } catch let error as RepositoryError {
        throw EnvironmentError(error)
    } catch let error as FileError {
        throw EnvironmentError(error)
    } catch {
        throw EnvironmentError("\(error)")
    }
}
