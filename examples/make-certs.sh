#!/usr/bin/env bash
# Makes the public certificates the examples reference: P-256 roots and issuers (issuers with
# pathlen 0, signed by their root), valid for 100 years. Private keys live in a temporary folder
# that is deleted on exit: no key ever reaches the repository. Run from anywhere; it rewrites
# examples/*/certs/*.crt.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
keys=$(mktemp -d)
trap 'rm -rf "$keys"' EXIT
days=36500

# root EXAMPLE NAME: a self-signed P-256 CA certificate.
root() {
  mkdir -p "$here/$1/certs"
  openssl req -x509 -new -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -sha256 \
    -keyout "$keys/$1-$2.key" -out "$here/$1/certs/$2.crt" -days "$days" \
    -subj "/CN=root.linkerd.cluster.local/O=$2" \
    -addext "basicConstraints=critical,CA:TRUE" -addext "keyUsage=critical,keyCertSign,cRLSign" 2>/dev/null
}

# issuer EXAMPLE NAME ROOT: a P-256 intermediate CA (pathlen 0) signed by ROOT.
issuer() {
  openssl req -new -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -sha256 \
    -keyout "$keys/$1-$2.key" -out "$keys/$1-$2.csr" -subj "/CN=identity.linkerd.cluster.local/O=$2" 2>/dev/null
  openssl x509 -req -in "$keys/$1-$2.csr" -CA "$here/$1/certs/$3.crt" -CAkey "$keys/$1-$3.key" \
    -CAcreateserial -CAserial "$keys/serial" -sha256 -days "$days" -out "$here/$1/certs/$2.crt" \
    -extfile <(printf 'basicConstraints=critical,CA:TRUE,pathlen:0\nkeyUsage=critical,keyCertSign,cRLSign\n') 2>/dev/null
}

root east-west root
issuer east-west east-issuer root
issuer east-west west-issuer root

root london-paris root

root workload1-workload2 root
issuer workload1-workload2 workload1-issuer root
issuer workload1-workload2 workload2-issuer root

root cluster1-cluster2 ca

root custom-gateways root
issuer cluster1-cluster2 issuer-1 ca
issuer cluster1-cluster2 issuer-2 ca

root trust-anchor-rotation root-old
root trust-anchor-rotation root-new
issuer trust-anchor-rotation west-issuer root-old
issuer trust-anchor-rotation east-issuer root-new

root fleet fleet-root
echo "certificates written under $here/*/certs (keys discarded)"
