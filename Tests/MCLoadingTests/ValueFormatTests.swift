import MCTopology
import Testing

@testable import MCLoading

/// The value forms MC108 checks, on the values that must pass as well as those that must not.
@Suite struct ValueFormatTests {
    @Test(arguments: [("3s", 3.0), ("1m30s", 90), ("1.5h", 5400), ("250ms", 0.25), ("0", 0), ("1h2m3s", 3723), (".5s", 0.5), ("10us", 0.00001)])
    func durations(text: String, seconds: Double) {
        #expect(GoDuration.seconds(text).map { abs($0 - seconds) < 1e-12 } == true, "\(text)")
    }

    @Test(arguments: ["", "3", "3 s", "-3s", "3x", "s", "1.s.", "3sm"])
    func notDurations(text: String) {
        #expect(GoDuration.seconds(text) == nil, "\(text)")
    }

    /// Addresses another cluster can reach are not refused, even near the refused ranges.
    @Test(arguments: ["203.0.113.10", "10.0.0.1", "128.0.0.1", "169.255.0.1", "2001:db8::1", "fe7f::1", "fec0::1", "::2", "::ffff:10.0.0.1", "gw.example.com"])
    func reachableAddresses(text: String) {
        #expect(ValueFormat.unreachableAddressKind(text) == nil, "\(text)")
        #expect(ValueFormat.isGatewayAddress(text), "\(text)")
    }

    @Test(arguments: [("127.0.0.1", "a loopback address"), ("::1", "a loopback address"), ("0:0:0:0:0:0:0:1", "a loopback address"),
                      ("0.0.0.0", "the unspecified address"), ("::", "the unspecified address"), ("169.254.169.254", "a link-local address"),
                      ("fe80::1", "a link-local address"), ("febf::1", "a link-local address"), ("::ffff:169.254.0.1", "a link-local address")])
    func unreachableAddresses(text: String, kind: String) {
        #expect(ValueFormat.unreachableAddressKind(text) == kind, "\(text)")
    }
}
