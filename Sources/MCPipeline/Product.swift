/// Facts about the product itself.
package enum Product {
    package static let version = "0.1.0"
}
