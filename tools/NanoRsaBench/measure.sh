#!/usr/bin/env bash
# Counts the instructions nanoCLR executes for one RSA-2048 and one RSA-3072 signature verification and for reading
# each public key (PEM, DER, R² mod n), by running builds of this app that differ by exactly that work under
#   valgrind --tool=cachegrind --cache-sim=no
# and subtracting the plain build's count. Counts are deterministic (see ../../../shared/nanoclr/README.md).
# Also prints the plain build's verdicts. Usage: tools/NanoRsaBench/measure.sh [NANOCLR_DIR] (default ../shared/nanoclr
# beside the repository). Needs valgrind and the dotnet SDK.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
nanoclr_dir=${1:-$(cd "$here/../../.." && pwd)/shared/nanoclr}
corelib=${CORELIB:-$HOME/.nuget/packages/nanoframework.corelibrary/1.17.11/lib}
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

count() {
  local work=$1
  dotnet build "$here/NanoRsaBench.csproj" -c Release -v q -nologo -p:Work="$work" \
    -p:IntermediateOutputPath="obj/Release/$work/" -p:OutDir="$out/$work/" >/dev/null
  "$nanoclr_dir/mdp" -loadHints mscorlib "$corelib/mscorlib.dll" -parse "$out/$work/Fota.Client.Core.dll" \
    -compile "$out/$work/Fota.Client.Core.pe" false >/dev/null
  "$nanoclr_dir/mdp" -loadHints mscorlib "$corelib/mscorlib.dll" -loadHints Fota.Client.Core "$out/$work/Fota.Client.Core.dll" \
    -parse "$out/$work/NanoRsaBench.dll" -compile "$out/$work/NanoRsaBench.pe" false >/dev/null
  # The interpreter binary itself: the nanoclr wrapper script execs it, and valgrind does not follow an exec.
  LD_LIBRARY_PATH="$nanoclr_dir/lib" valgrind --tool=cachegrind --cache-sim=no --cachegrind-out-file=/dev/null \
    "$nanoclr_dir/bin/nanoFramework.nanoCLR.test" "$corelib/mscorlib.pe" "$out/$work/Fota.Client.Core.pe" "$out/$work/NanoRsaBench.pe" >"$out/$work.txt" 2>&1
  if ! grep -q "^Done" "$out/$work.txt" || grep -q "INVALID" "$out/$work.txt"; then
    echo "nanoCLR run of '$work' did not complete as expected:" >&2
    cat "$out/$work.txt" >&2
    exit 1
  fi
  grep "I *refs" "$out/$work.txt" | tr -d ',' | awk '{print $NF}'
}

base=$(count none)
sed -n '/^Ready/,/^Done/p' "$out/none.txt" | tr -d '\r' | grep -v '^Ready\|^Done'
echo
line() { awk -v w="$1" -v d="$2" 'BEGIN { printf "  %-44s %12d  (%.3f G)\n", w, d, d / 1e9 }'; }
echo "nanoCLR instructions (valgrind cachegrind I refs; each the difference of two builds):"
for bits in 2048 3072; do
  setup=$(count "setup$bits")
  line "RSA-$bits signature verification (Verify)" $(( $(count "verify$bits") - setup ))
  line "RSA-$bits public key read (PEM, DER, R^2 mod n)" $(( $(count "key$bits") - base ))
done
