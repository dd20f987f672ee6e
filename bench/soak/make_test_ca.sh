#!/usr/bin/env bash
# Makes a throw-away test CA and a server certificate for 127.0.0.1 signed by it, for the soak's
# HTTPS feed server: DIR/ca.pem (the kiosk's `tls_ca_file`), DIR/server.pem and DIR/server.key.
# Needs the openssl command (Debian: openssl). Valid 30 days; made fresh for every run.
#   bench/soak/make_test_ca.sh DIR
set -euo pipefail
dir="$1"
mkdir -p "$dir"
cd "$dir"
ec=(-newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes)
openssl req -x509 "${ec[@]}" -days 30 -subj "/CN=machikado soak test CA" \
  -keyout ca.key -out ca.pem \
  -addext "basicConstraints=critical,CA:TRUE" -addext "keyUsage=critical,keyCertSign,cRLSign" \
  2>/dev/null
openssl req "${ec[@]}" -subj "/CN=127.0.0.1" -keyout server.key -out server.csr 2>/dev/null
printf 'subjectAltName=IP:127.0.0.1\nbasicConstraints=CA:FALSE\nextendedKeyUsage=serverAuth\n' \
  >server.ext
openssl x509 -req -in server.csr -CA ca.pem -CAkey ca.key -CAcreateserial -days 30 \
  -extfile server.ext -out server.pem 2>/dev/null
rm -f server.csr server.ext ca.srl ca.key  # the CA's key is not needed again
openssl verify -CAfile ca.pem server.pem >/dev/null
