#!/usr/bin/env bash
# Makes the certificate fixtures of the validation tests with openssl, with fixed validity dates
# so that tests pinned at MCPLAN_NOW=2026-12-01T00:00:00Z never expire. Private keys live in a
# temporary folder deleted on exit; only public certificates are written here.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"
cat > ca.cnf <<'CNF'
[ca]
default_ca = fixtures
[fixtures]
database = index.txt
new_certs_dir = .
serial = serial
default_md = sha256
policy = anything
copy_extensions = none
unique_subject = no
[anything]
commonName = supplied
organizationName = optional
[root]
basicConstraints = critical,CA:TRUE
keyUsage = critical,keyCertSign,cRLSign
subjectKeyIdentifier = hash
[issuer]
basicConstraints = critical,CA:TRUE,pathlen:0
keyUsage = critical,keyCertSign,cRLSign
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid
[leaf]
basicConstraints = critical,CA:FALSE
keyUsage = critical,digitalSignature
CNF
: > index.txt
echo 1000 > serial

key() { # NAME TYPE
  case "$2" in
    p256) openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out "$1.key" 2>/dev/null ;;
    p384) openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-384 -out "$1.key" 2>/dev/null ;;
    rsa2048) openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$1.key" 2>/dev/null ;;
    rsa1024) openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:1024 -out "$1.key" 2>/dev/null ;;
  esac
  openssl req -new -key "$1.key" -subj "/CN=$1.linkerd.cluster.local" -out "$1.csr" 2>/dev/null
}

# selfsigned NAME TYPE START END: a root CA.
selfsigned() {
  key "$1" "$2"
  openssl ca -batch -config ca.cnf -selfsign -keyfile "$1.key" -in "$1.csr" -extensions root \
    -startdate "$3" -enddate "$4" -notext -out "$here/$1.crt" 2>/dev/null
}

# signed NAME TYPE ROOT EXTENSIONS START END: a certificate signed by ROOT.
signed() {
  key "$1" "$2"
  openssl ca -batch -config ca.cnf -cert "$here/$3.crt" -keyfile "$3.key" -in "$1.csr" -extensions "$4" \
    -startdate "$5" -enddate "$6" -notext -out "$here/$1.crt" 2>/dev/null
}

long_start=20250101000000Z
long_end=21250101000000Z
selfsigned root-p256 p256 $long_start $long_end
selfsigned other-root-p256 p256 $long_start $long_end
selfsigned root-rsa2048 rsa2048 $long_start $long_end
selfsigned root-rsa1024 rsa1024 $long_start $long_end
selfsigned root-p384 p384 $long_start $long_end
selfsigned root-expired p256 20200101000000Z 20210101000000Z
selfsigned root-not-yet-valid p256 21000101000000Z 22000101000000Z
selfsigned root-expiring-soon p256 $long_start 20270115000000Z
signed issuer-p256 p256 root-p256 issuer $long_start $long_end
signed issuer-rsa2048 rsa2048 root-p256 issuer $long_start $long_end
signed issuer-of-other-root p256 other-root-p256 issuer $long_start $long_end
signed leaf-not-ca p256 root-p256 leaf $long_start $long_end
cat "$here/root-p256.crt" "$here/other-root-p256.crt" > "$here/bundle-of-two.crt"
echo "fixtures written to $here"
