#!/usr/bin/env bash
# Writes Vectors.cs: three fresh keys and two packages made by the fota tool (build it first), plus openssl for the
# PKCS#1 form of one public key. The vectors are fixed in the repository so nanoCLR and .NET see the same bytes.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
fota="dotnet $here/../Fota.Tool/bin/Release/net10.0/fota.dll"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"
$fota keygen --out k2048 >/dev/null
$fota keygen --out other >/dev/null
$fota keygen --out k3072 --bits 3072 >/dev/null
head -c 200 /dev/urandom > firmware.bin
$fota pack --key k2048/private.pem --name bench_nanoFramework --version 1.0.1 --in firmware.bin --out p2048 >/dev/null
$fota pack --key k3072/private.pem --name bench_nanoFramework --version 1.0.1 --in firmware.bin --out p3072 >/dev/null
openssl rsa -pubin -in other/public.pem -RSAPublicKey_out -out other/pkcs1.pem 2>/dev/null

pem() { sed 's/^/            "/; s/$/\\n" +/; $ s/ +$/;/' "$1"; }
{
  echo '// Made by make-vectors.sh (fota keygen, fota pack, openssl); regenerate with it, do not edit.'
  echo 'namespace Fota.NanoRsaBench'
  echo '{'
  echo '    /// <summary>Fixed keys and packages for <see cref="Verdicts"/>: packed as bench_nanoFramework 1.0.1, 200 bytes of firmware.</summary>'
  echo '    public static class Vectors'
  echo '    {'
  for name in Key2048:k2048/public.pem Other2048Pkcs1:other/pkcs1.pem Key3072:k3072/public.pem; do
    echo "        /// <summary>A public key.</summary>"
    echo "        public const string ${name%%:*} ="
    pem "${name#*:}"
    echo
  done
  echo '        /// <summary>Package signed with <see cref="Key2048"/>, base64.</summary>'
  echo "        public const string Package2048 = \"$(base64 -w0 p2048)\";"
  echo
  echo '        /// <summary>Package signed with <see cref="Key3072"/>, base64.</summary>'
  echo "        public const string Package3072 = \"$(base64 -w0 p3072)\";"
  echo '    }'
  echo '}'
} > "$here/Vectors.cs"
echo "wrote $here/Vectors.cs"
