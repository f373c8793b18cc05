# Shared by build/nanoclr-tests.sh and tools/nano-bench.sh (sourced, not run): where nanoCLR, the metadata
# processor and nanoFramework's mscorlib are, and how the device assembly is built and converted.
#
# nanoCLR is looked up in $NANOCLR_DIR, else in ../shared/nanoclr beside the repository. Either layout works:
#   - a folder with the two wrappers `nanoclr` and `mdp` (as ../shared/nanoclr has them), or
#   - the WORK folder of a from-source build (../shared/nanoclr/build-from-source.sh) (build-posix/bin/..., mdp/out/...).

nanoclr_root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
nanoclr_corlib="${NUGET_PACKAGES:-$HOME/.nuget/packages}/nanoframework.corelibrary/1.17.11/lib"
nanoclr_project="$nanoclr_root/Fota.Client.DeviceTests"

# Sets nanoclr_bin, nanoclr_lib, nanoclr_mdp (a command array), nanoclr_dir and nanoclr_layout (wrappers or work)
# from one folder, or returns 1.
nanoclr_try() {
  local dir=$1
  nanoclr_dir=$dir
  if [ -x "$dir/nanoclr" ] && [ -x "$dir/mdp" ]; then
    nanoclr_layout=wrappers
    nanoclr_bin="$dir/bin/nanoFramework.nanoCLR.test"
    nanoclr_lib="$dir/lib"
    nanoclr_mdp=("$dir/mdp")
    return 0
  fi
  if [ -x "$dir/build-posix/bin/nanoFramework.nanoCLR.test" ] \
    && [ -f "$dir/mdp/out/nanoFramework.Tools.MetadataProcessor.dll" ]; then
    nanoclr_layout=work
    nanoclr_bin="$dir/build-posix/bin/nanoFramework.nanoCLR.test"
    nanoclr_lib="$dir/build-posix/lib"
    nanoclr_mdp=(dotnet "$dir/mdp/out/nanoFramework.Tools.MetadataProcessor.dll")
    return 0
  fi
  return 1
}

# Finds nanoCLR; on failure returns 1 with the reason in nanoclr_missing.
nanoclr_locate() {
  if [ -n "${NANOCLR_DIR:-}" ]; then
    nanoclr_try "$NANOCLR_DIR" && return 0
    nanoclr_missing="NANOCLR_DIR=$NANOCLR_DIR holds neither nanoclr+mdp nor a build-from-source WORK folder"
    return 1
  fi
  nanoclr_try "$nanoclr_root/../shared/nanoclr" && return 0
  nanoclr_missing="no nanoCLR in ../shared/nanoclr and NANOCLR_DIR is not set"
  return 1
}

# Runs nanoCLR on the given .pe files (mscorlib first is added here); the interpreter binary is run directly, so
# valgrind (when given as a prefix in nanoclr_prefix) measures it and not a wrapper shell.
nanoclr_exec() {
  env "LD_LIBRARY_PATH=$nanoclr_lib${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}" ${nanoclr_prefix[@]+"${nanoclr_prefix[@]}"} \
    "$nanoclr_bin" "$nanoclr_corlib/mscorlib.pe" "$@"
}

# Builds Fota.Client.DeviceTests (Release) and converts it into $1/Fota.Client.DeviceTests.pe; returns 1 with the
# output in $1/log on failure.
nanoclr_build_suite() {
  local work=$1
  # NanoCheck runs from inside the build (build/Nano.targets) and is not restored by building one project.
  dotnet restore "$nanoclr_root/build/NanoCheck/NanoCheck.csproj" -v q > "$work/log" 2>&1 || return 1
  dotnet build "$nanoclr_project/Fota.Client.DeviceTests.csproj" -c Release -nologo -v q > "$work/log" 2>&1 || return 1
  if [ ! -f "$nanoclr_corlib/mscorlib.pe" ]; then
    echo "$nanoclr_corlib/mscorlib.pe not found (restore nanoFramework.CoreLibrary 1.17.11)" > "$work/log"
    return 1
  fi
  cp "$nanoclr_project/bin/Release/netstandard2.0/Fota.Client.DeviceTests.dll" "$work/"
  nanoclr_convert "$work" Fota.Client.DeviceTests
}

# Converts $1/$2.dll into $1/$2.pe with the metadata processor; further arguments name referenced assemblies
# (their .dll must be in $1).
nanoclr_convert() {
  local work=$1 name=$2
  shift 2
  local hints=(-loadHints mscorlib "$nanoclr_corlib/mscorlib.dll")
  for reference in "$@"; do
    hints+=(-loadHints "$reference" "$work/$reference.dll")
  done
  (cd "$work" && "${nanoclr_mdp[@]}" "${hints[@]}" -parse "$name.dll" -compile "$name.pe" false) > "$work/log" 2>&1 \
    && [ -s "$work/$name.pe" ]
}
