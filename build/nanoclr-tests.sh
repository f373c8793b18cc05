#!/usr/bin/env bash
# The device test suite on the real nanoFramework interpreter: builds Fota.Client.DeviceTests against nanoFramework
# mscorlib 1.17.11, converts it with the metadata processor, runs it on nanoCLR and prints exactly one line
#     nanoCLR: N passed, N failed
# (after the lines of any failing tests). Exit status 0 only when every test passed and the run reached its end.
# nanoCLR exits 0 even after an unhandled exception, so only the suite's own lines count: a run without its end
# marker, or whose counts disagree with the tests in the sources, is a failure.
# Without nanoCLR (see build/nanoclr-env.sh for where it is looked up) it prints one line saying the suite was not
# run and exits 0, so the .NET suite alone decides.
set -uo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/nanoclr-env.sh"
timeout_seconds=${NANOCLR_TIMEOUT:-600}

if ! nanoclr_locate; then
  echo "nanoCLR: device suite not run: $nanoclr_missing; build nanoCLR from nanoframework/nf-interpreter (targets/posix) as ../shared/nanoclr/build-from-source.sh documents, and set NANOCLR_DIR (README, Testing)"
  exit 0
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

if ! nanoclr_build_suite "$work"; then
  echo "  device suite: building or converting Fota.Client.DeviceTests failed:" >&2
  tail -n 40 "$work/log" >&2
  echo "nanoCLR: 0 passed, 1 failed"
  exit 1
fi

# Line-buffered, so that a run killed by the timeout still shows the last test it started.
nanoclr_prefix=(timeout "$timeout_seconds")
command -v stdbuf > /dev/null && nanoclr_prefix+=(stdbuf -oL)
nanoclr_exec "$work/Fota.Client.DeviceTests.pe" > "$work/raw" 2>&1
status=$?
tr -d '\r' < "$work/raw" > "$work/out"

passed=$(grep -c '^PASS ' "$work/out")
failed=$(grep -c '^FAIL ' "$work/out")
grep '^FAIL ' "$work/out" | sed 's/^/  /'

end=$(grep '^DEVICE-TESTS-END: ' "$work/out" | tail -n 1)
# Every [TestMethod], [Setup] and [Cleanup] in the sources must have reported, or discovery lost some.
declared=$(cat "$nanoclr_project"/Tests/*.cs | grep -cE '^\s*\[(TestMethod|Setup|Cleanup)\]')
problem=""
if [ "$status" -ne 0 ]; then
  problem="nanoCLR ended with status $status (a crash, or the timeout of ${timeout_seconds} s)"
elif [ -z "$end" ]; then
  problem="the run ended without its end marker (an unhandled exception or a crash)"
elif [ "$end" != "DEVICE-TESTS-END: $passed passed, $failed failed" ]; then
  problem="the end marker ($end) disagrees with the PASS/FAIL lines ($passed/$failed)"
elif [ $((passed + failed)) -ne "$declared" ]; then
  problem="$((passed + failed)) tests reported but the sources declare $declared: discovery missed some"
fi

if [ -n "$problem" ]; then
  echo "  device suite: $problem; the run's last lines:" >&2
  tail -n 15 "$work/out" | sed 's/^/  | /' >&2
  failed=$((failed + 1))
fi

echo "nanoCLR: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
