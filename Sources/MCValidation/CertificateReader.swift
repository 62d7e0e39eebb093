import Crypto
import MCTopology
import SwiftASN1
import X509

/// PEM text → exactly one X.509 certificate (MC300 otherwise). Blocks of other kinds (a private
/// key pasted beside it) are left to MC305.
enum CertificateReader {
    static func read(_ source: CertificateSource?, files: [String: ReferencedFile]) -> CertificateState {
        switch source {
        case nil:
            return .unavailable
        case .pem(let text):
            return parse(text.value)
        case .file(let path):
            switch files[path.value] {
            case .text(let text): return parse(text)
            case .refused(.notText): return .invalid("the file is not PEM text (is it DER? convert it with 'openssl x509 -outform pem')")
            case .refused, nil: return .unavailable
            }
        }
    }

    static func parse(_ text: String) -> CertificateState {
        let documents: [PEMDocument]
        do {
            documents = try PEMDocument.parseMultiple(pemString: text)
        } catch {
            return .invalid("the PEM text is malformed")
        }
        let certificates = documents.filter { $0.discriminator == "CERTIFICATE" }
        guard certificates.count == 1, let document = certificates.first else {
            return certificates.isEmpty
                ? .invalid("it holds no PEM certificate ('-----BEGIN CERTIFICATE-----')")
                : .invalid("it holds \(certificates.count) certificates where one is expected; declare each as its own trust anchor")
        }
        do {
            let certificate = try Certificate(derEncoded: document.derBytes)
            return .parsed(ParsedCertificate(certificate: certificate, pem: document.pemString + "\n"))
        } catch let error as CryptoKitError where error == .incorrectParameterSize {
            return .weakKey
        } catch {
            return .invalid("it is not a valid X.509 certificate")
        }
    }
}
