import MCBasics
import Testing

@Suite struct DigestTests {
    /// FIPS 180-2's examples: the digest held as bytes reads back as the known text, written
    /// alone or appended after other bytes, and chunks hash as their concatenation.
    @Test(arguments: [
        ("", "sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        ("abc", "sha256:ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        ("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", "sha256:248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"),
    ])
    func readsAsItsText(input: String, expected: String) {
        let digest = SHA256Digest(of: Array(input.utf8))
        #expect(digest.text == expected)
        #expect(Digest.sha256(Array(input.utf8)) == expected)
        var out = Array("x".utf8)
        digest.appendText(to: &out)
        #expect(out == Array(("x" + expected).utf8))
        let half = input.utf8.count / 2
        #expect(SHA256Digest(ofChunks: [Array(input.utf8.prefix(half)), Array(input.utf8.dropFirst(half))]) == digest)
        #expect(digest != SHA256Digest(of: Array((input + " ").utf8)))
    }
}
