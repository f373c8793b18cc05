#!/usr/bin/env bash
# Device costs measured on the real nanoFramework interpreter by instruction count: each figure is one small app
# (a Main calling one workload of Fota.Client.DeviceTests/Bench/Workloads.cs) run on nanoCLR under
#     valgrind --tool=cachegrind --cache-sim=no --cachegrind-out-file=/dev/null
# minus the same app with the measured work switched off. Instruction counts hardly vary (repeats agree
# within 0.05% on the per-MiB figures, 0.5% on a single reply), unlike wall time on a shared machine.
#
# RSA signature verification is measured by tools/NanoRsaBench/measure.sh (the signed-package work), which this runs.
#
# Usage: tools/nano-bench.sh [sha256] [crc32] [pipeline] [package] [reply] [rsa]   (all by default; about 4 minutes)
#        NANO_BENCH_MIB=4 tools/nano-bench.sh                        (more data; the per-MiB figures stay put)
# Needs nanoCLR (as build/nanoclr-tests.sh, see build/nanoclr-env.sh), valgrind and the .NET SDK.
set -uo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/../build/nanoclr-env.sh"

wanted=" ${*:-sha256 crc32 pipeline package reply rsa} "
want() { [[ "$wanted" == *" $1 "* ]]; }
mib=${NANO_BENCH_MIB:-1}
bytes=$((mib * 1048576))
repeats=20

nanoclr_locate || { echo "nano-bench: $nanoclr_missing; build nanoCLR as README (Testing) says and set NANOCLR_DIR" >&2; exit 1; }
command -v valgrind > /dev/null || { echo "nano-bench: valgrind not found (apt-get install valgrind)" >&2; exit 1; }
sdk=$(dotnet --list-sdks | tail -n 1 | sed 's/^\([^ ]*\) \[\(.*\)\]$/\2\/\1/')
csc="$sdk/Roslyn/bincore/csc.dll"
[ -f "$csc" ] || { echo "nano-bench: C# compiler not found at $csc" >&2; exit 1; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
nanoclr_build_suite "$work" || { cat "$work/log" >&2; echo "nano-bench: building the device assembly failed" >&2; exit 1; }

# Instructions nanoCLR executes for `Workloads.<call>;` (its program output goes to $work/said); 0 on failure.
count() {
  local call=$1 name=app$((++apps))
  printf 'public static class App { public static void Main() { Fota.Client.DeviceTests.Workloads.%s; } }\n' "$call" > "$work/$name.cs"
  dotnet "$csc" -nologo -noconfig -nostdlib -optimize+ -t:exe -out:"$work/$name.dll" \
    -r:"$nanoclr_corlib/mscorlib.dll" -r:"$work/Fota.Client.DeviceTests.dll" "$work/$name.cs" > "$work/log" 2>&1 \
    || { cat "$work/log" >&2; echo 0; return; }
  nanoclr_convert "$work" "$name" Fota.Client.DeviceTests || { cat "$work/log" >&2; echo 0; return; }
  nanoclr_prefix=(valgrind --tool=cachegrind --cache-sim=no --cachegrind-out-file=/dev/null)
  nanoclr_exec "$work/Fota.Client.DeviceTests.pe" "$work/$name.pe" > "$work/run" 2>&1
  tr -d '\r' < "$work/run" | sed -n '/^Ready\./,/^Done\./p' | grep -v -e '^Ready\.' -e '^Done\.' > "$work/said"
  grep -o 'I *refs: *[0-9,]*' "$work/run" | tr -dc '0-9'
}
apps=0

# Instructions of the work alone: the call with the work on, minus the same call with it off.
measure() {
  local on off
  on=$(count "$1")
  cp "$work/said" "$work/said.on"
  off=$(count "$2")
  if [ "${on:-0}" -eq 0 ] || [ "${off:-0}" -eq 0 ]; then
    echo "nano-bench: a run failed: $1 / $2" >&2
    exit 1
  fi
  echo $((on - off))
}

said() { cat "$work/said.on"; }
g() { awk -v v="$1" -v d="$2" 'BEGIN { printf "%.2f", v / d / 1e9 }'; }
k() { awk -v v="$1" -v d="$2" 'BEGIN { printf "%.1f", v / d / 1e3 }'; }
row() { printf '%-44s %16s  %s\n' "$1" "$2" "$3"; }

# The pipeline's verifiers need the digests, and its overhead is stated against them; the signed package's cost is
# stated against the SHA-256 and the plain request path.
want pipeline && wanted+=" sha256 crc32 "
want package && wanted+=" sha256 pipeline crc32 "

echo "nanoCLR instructions (valgrind cachegrind, baseline with the work off subtracted), $mib MiB of data"
row "figure" "instructions" "per unit"
verdict() { awk -v v="$1" -v l="$2" 'BEGIN { print (v <= l ? "met" : "MISSED") }'; }
goals=()

if want sha256; then
  sha=$(measure "Sha256($bytes, true)" "Sha256($bytes, false)")
  sha_digest=$(said | sed -n 's/^sha256 //p')
  row "SHA-256" "$sha" "$(g "$sha" "$mib") G/MiB, $(k "$sha" $((bytes / 64))) k per 64-byte block"
  goals+=("goal SHA-256 <= 4.0 G/MiB: $(g "$sha" "$mib") G/MiB ($(verdict "$(g "$sha" "$mib")" 4.0))")
  goals+=("SHA-256 of the data on nanoCLR: $sha_digest (the counting pattern 0, 1, ..., 255, 0, ...)")
fi

if want crc32; then
  crc=$(measure "Crc32($bytes, true)" "Crc32($bytes, false)")
  crc_value=$(said | sed -n 's/^crc32 //p')
  row "CRC-32" "$crc" "$(g "$crc" "$mib") G/MiB, $(k "$crc" "$bytes") k per byte"
fi

if want pipeline; then
  plain=$(measure "Pipeline($bytes, null, 0, true)" "Pipeline($bytes, null, 0, false)")
  said | grep -q "^pipeline Success $bytes bytes" || { echo "nano-bench: pipeline did not succeed: $(said)" >&2; exit 1; }
  row "request path, no verifiers" "$plain" "$(g "$plain" "$mib") G/MiB, $(k "$plain" $((bytes / 4096))) k per 4096-byte chunk"
  verified=$(measure "Pipeline($bytes, \"$sha_digest\", 0x$crc_value, true)" "Pipeline($bytes, \"$sha_digest\", 0x$crc_value, false)")
  said | grep -q "^pipeline Success $bytes bytes" || { echo "nano-bench: verified pipeline did not succeed: $(said)" >&2; exit 1; }
  row "request path, SHA-256 + CRC-32 verifiers" "$verified" "$(g "$verified" "$mib") G/MiB"
  overhead=$(awk -v p="$plain" -v s="$sha" -v c="$crc" 'BEGIN { printf "%.2f", 100 * p / (s + c) }')
  goals+=("goal request path <= 1% of the digests: $overhead% ($(verdict "$overhead" 1))")
fi

if want package; then
  # The package in Workloads.PackageHeader1MiB is signed for exactly 1 MiB of payload (a device cannot sign one).
  if [ "$bytes" -eq 1048576 ]; then
    package=$(measure "PackagePipeline(true)" "PackagePipeline(false)")
    said | grep -q "^package Success 1048576 bytes" || { echo "nano-bench: signed package did not succeed: $(said)" >&2; exit 1; }
    row "request path, signed package (RSA-2048)" "$package" "$(g "$package" "$mib") G/MiB"
    fixed=$((package - sha - plain))
    row "  beyond SHA-256 + plain request path" "$fixed" "$(g "$fixed" 1) G per request (key, header, one RSA verify)"
    goals+=("signed package: its only per-byte cost is the payload's SHA-256; the rest, $(g "$fixed" 1) G, is once per request")
  else
    row "request path, signed package" "-" "measured with 1 MiB only (NANO_BENCH_MIB=1)"
  fi
fi

if want reply; then
  big=$(measure "DecodeReply(1024, $repeats)" "DecodeReply(1024, 0)")
  small=$(measure "DecodeReply(100, $repeats)" "DecodeReply(100, 0)")
  row "platform reply decode, 1 KB" "$((big / repeats))" "per reply"
  row "platform reply decode, 100 B" "$((small / repeats))" "per reply"
  ratio=$(awk -v b="$big" -v s="$small" 'BEGIN { printf "%.1f", b / s }')
  goals+=("goal reply decode linear, 1 KB <= 12x 100 B: ${ratio}x ($(verdict "$ratio" 12))")
fi

if want rsa; then
  # tools/NanoRsaBench counts one verification against the same build without it; it needs the wrapper layout.
  if [ "$nanoclr_layout" = wrappers ] && [ -f "$nanoclr_root/tools/NanoRsaBench/measure.sh" ]; then
    bash "$nanoclr_root/tools/NanoRsaBench/measure.sh" "$nanoclr_dir" > "$work/rsa" 2>&1 \
      || { cat "$work/rsa" >&2; echo "nano-bench: tools/NanoRsaBench/measure.sh failed" >&2; exit 1; }
    for bits in 2048 3072; do
      rsa=$(sed -n "s/^ *RSA-$bits signature verification (Verify) *\([0-9]*\) .*/\1/p" "$work/rsa")
      row "RSA-$bits signature verify" "$rsa" "$(g "$rsa" 1) G per verify (tools/NanoRsaBench)"
      [ "$bits" = 2048 ] && goals+=("goal RSA-2048 verify <= 0.5 G: $(g "$rsa" 1) G ($(verdict "$(g "$rsa" 1)" 0.5))")
    done
  else
    row "RSA-2048 / RSA-3072 verify" "-" "run tools/NanoRsaBench/measure.sh with nanoCLR's wrapper folder"
  fi
fi

echo
for goal in "${goals[@]}"; do
  echo "$goal"
done
