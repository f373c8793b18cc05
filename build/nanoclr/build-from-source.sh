#!/bin/bash
# Builds the two tools the device suite (build/nanoclr-tests.sh) and tools/nano-bench.sh need, from public sources:
# nanoCLR (the nanoFramework interpreter, POSIX target) and nanoFramework's metadata processor. Afterwards:
#   export NANOCLR_DIR=$WORK          (the scripts find build-posix/ and mdp/out/ there)
# Getting the sources (network needed once):
#   git clone https://github.com/nanoframework/nf-interpreter.git && git clone https://github.com/nanoframework/metadata-processor.git
#   mkdir -p $SRC/nf-interpreter $SRC/metadata-processor
#   git -C nf-interpreter archive a3e8139a1 | tar -x -C $SRC/nf-interpreter
#   git -C metadata-processor archive v3.0.100 | tar -x -C $SRC/metadata-processor
# Needs cmake, ninja, gcc/g++ and the .NET SDK (apt-get install cmake ninja-build g++).
#
# Recipe: POSIX nanoCLR (nanoFramework.nanoCLR.test) + MetadataProcessor (v3.0.100) on Linux x86_64.
# Verified on Debian 12 (gcc 12.2, cmake 3.25, ninja, .NET SDK 10.0.401), 2 cores: nanoCLR 339 s, MDP ~50 s.
#
# Sources (fetch-independent; extract them first, e.g. from bare mirrors):
#   git --git-dir=<nf-interpreter mirror> archive a3e8139a1 | tar -x -C $SRC/nf-interpreter        # main, 2026
#   git --git-dir=<metadata-processor mirror> archive v3.0.100 | tar -x -C $SRC/metadata-processor
# NuGet: Mono.Cecil 0.11.6, System.Drawing.Common 8.0.x (resolved 8.0.30), nanoFramework.CoreLibrary 1.17.11.
#
# Usage: SRC=/tmp/nfclr/src WORK=/tmp/nfclr ./recipe.sh
# Result:
#   $WORK/build-posix/bin/nanoFramework.nanoCLR.test  (+ $WORK/build-posix/lib/nanoFramework.nanoCLR.so)
#   $WORK/mdp/out/nanoFramework.Tools.MetadataProcessor.dll
# Convert an app:  dotnet $WORK/mdp/out/nanoFramework.Tools.MetadataProcessor.dll \
#                    -loadHints mscorlib <corelib>/mscorlib.dll -parse App.dll -compile App.pe false
# Run:             nanoFramework.nanoCLR.test <corelib>/mscorlib.pe App.pe
#   (program output between "Ready." and "Done."; lines end in CRLF; exit code is 0 even after an
#    unhandled exception, so print your own PASS/FAIL markers and grep them.)
# App project: OutputType Exe, TargetFramework netstandard2.0, NoStdLib, DisableImplicitFrameworkReferences,
#   GenerateAssemblyInfo false, PackageReference nanoFramework.CoreLibrary 1.17.11; Console.WriteLine prints.
set -euo pipefail
SRC=${SRC:-/tmp/nfclr/src}
WORK=${WORK:-/tmp/nfclr}
JOBS=${JOBS:-2}
CORLIB=${CORLIB:-$HOME/.nuget/packages/nanoframework.corelibrary/1.17.11/lib}

# ---- 1. nanoCLR, POSIX host target (targets/posix, CMake + Ninja, no network needed) ----
t0=$(date +%s)
cmake -S "$SRC/nf-interpreter/targets/posix" -B "$WORK/build-posix" -G Ninja -DCMAKE_BUILD_TYPE=Release
cmake --build "$WORK/build-posix" -j"$JOBS"
echo "nanoCLR built in $(( $(date +%s) - t0 )) s: $WORK/build-posix/bin/nanoFramework.nanoCLR.test"

# ---- 2. MetadataProcessor v3.0.100 as SDK-style .NET 10 projects ----
# The original projects are .NET Framework 4.7.2 (old-style csproj). We compile the Shared sources into a
# Core library and Program.cs into the console exe (two assemblies, as upstream: the Shared code refers to
# Console.* which would otherwise bind to the namespace ...MetadataProcessor.Console). nanoSkeletonGenerator.cs
# and nanoDumperGenerator.cs (+DumpGenerator/) need mustache-sharp, absent from the NuGet mirror: replaced by stubs
# that throw NotSupportedException (-generateskeleton / -dump_all unusable; -parse/-compile unaffected).
mkdir -p "$WORK/mdp/Core" "$WORK/mdp/Console"
cat > "$WORK/mdp/Core/Stubs.cs" <<'EOS'
// Stubs replacing the mustache-sharp based generators (not needed to compile .pe files).
using System;
namespace nanoFramework.Tools.MetadataProcessor.Core
{
    public sealed class nanoSkeletonGenerator
    {
        public nanoSkeletonGenerator(nanoTablesContext tablesContext, string path, string name, string project, bool withoutInteropCode, bool isCoreLib) { }
        public void GenerateSkeleton() { throw new NotSupportedException("skeleton generation stubbed out (mustache-sharp unavailable)"); }
    }
    public sealed class nanoDumperGenerator
    {
        public nanoDumperGenerator(nanoTablesContext tablesContext, string path) { }
        public void DumpAll() { throw new NotSupportedException("dump generation stubbed out (mustache-sharp unavailable)"); }
    }
}
EOS
cat > "$WORK/mdp/Core/Mdp.Core.csproj" <<EOS
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <TargetFramework>net10.0</TargetFramework>
    <AssemblyName>nanoFramework.Tools.MetadataProcessor.Core</AssemblyName>
    <RootNamespace>nanoFramework.Tools.MetadataProcessor.Core</RootNamespace>
    <EnableDefaultCompileItems>false</EnableDefaultCompileItems>
    <Nullable>disable</Nullable>
    <ImplicitUsings>disable</ImplicitUsings>
    <AllowUnsafeBlocks>true</AllowUnsafeBlocks>
    <NoWarn>\$(NoWarn);CA1416;CS0168;CS0219;CS0414;CS0649;CS0169;CS8981;SYSLIB0011;CS0618;NU1603</NoWarn>
    <Version>3.0.100</Version>
    <MdpSrc>$SRC/metadata-processor</MdpSrc>
  </PropertyGroup>
  <ItemGroup>
    <Compile Include="\$(MdpSrc)/MetadataProcessor.Shared/**/*.cs"
             Exclude="\$(MdpSrc)/MetadataProcessor.Shared/nanoSkeletonGenerator.cs;\$(MdpSrc)/MetadataProcessor.Shared/nanoDumperGenerator.cs;\$(MdpSrc)/MetadataProcessor.Shared/DumpGenerator/**" />
    <Compile Include="Stubs.cs" />
  </ItemGroup>
  <ItemGroup>
    <PackageReference Include="Mono.Cecil" Version="0.11.6" />
    <PackageReference Include="System.Drawing.Common" Version="8.0.0" />
  </ItemGroup>
</Project>
EOS
cat > "$WORK/mdp/Console/Mdp.Console.csproj" <<EOS
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <OutputType>Exe</OutputType>
    <TargetFramework>net10.0</TargetFramework>
    <AssemblyName>nanoFramework.Tools.MetadataProcessor</AssemblyName>
    <RootNamespace>nanoFramework.Tools.MetadataProcessor.Console</RootNamespace>
    <EnableDefaultCompileItems>false</EnableDefaultCompileItems>
    <Nullable>disable</Nullable>
    <ImplicitUsings>disable</ImplicitUsings>
    <NoWarn>\$(NoWarn);CS0168;NU1603</NoWarn>
    <Version>3.0.100</Version>
  </PropertyGroup>
  <ItemGroup>
    <Compile Include="$SRC/metadata-processor/MetadataProcessor.Console/Program.cs" />
    <ProjectReference Include="../Core/Mdp.Core.csproj" />
    <PackageReference Include="Mono.Cecil" Version="0.11.6" />
  </ItemGroup>
</Project>
EOS
dotnet build "$WORK/mdp/Console/Mdp.Console.csproj" -c Release -nologo -v q -o "$WORK/mdp/out"
MDP="$WORK/mdp/out/nanoFramework.Tools.MetadataProcessor.dll"

# ---- 3. sanity check: the processor must reproduce the packaged mscorlib.pe byte for byte ----
mkdir -p "$WORK/sanity"
cp "$CORLIB/mscorlib.dll" "$WORK/sanity/"
( cd "$WORK/sanity" && dotnet "$MDP" -parse mscorlib.dll -compile mscorlib.pe true > /dev/null )
cmp "$WORK/sanity/mscorlib.pe" "$CORLIB/mscorlib.pe" && echo "SANITY OK: mscorlib.pe reproduced byte for byte"
