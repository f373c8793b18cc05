// Package nanoFramework.System.Threading 1.1.52 (assembly System.Threading 1.1.52.34401).
// Assembly version: nanoframework/System.Threading version.json has "assemblyVersion": {"precision": "revision"}, so
// the fourth part is the first two bytes of the release commit (tag v1.1.52 = 866134ed: 0x8661 = 34401); the same
// version is referenced by nanoframework/Samples@121ef04 (samples/AzureSDK/AzureEdgeOta/AzureEdgeOTAEngine).
// COMPILE-TIME REFERENCE, NOT AN IMPLEMENTATION: it declares only the members that the ESP32 sample uses
// (WifiNetworkHelper takes a CancellationToken), with the real namespaces, names and signatures, so that
// they are type-checked against nanoFramework mscorlib 1.17.11 (which has no CancellationToken). Every body
// throws; on the device the real System.Threading.pe runs.
// Checked against nanoframework/System.Threading at tag v1.1.52: nanoFramework.System.Threading/Threading/CancellationTokenSource.cs
// (CancellationTokenSource(int millisecondsDelay), Token), Threading/CancellationToken.cs (a struct),
// nanoFramework.System.Threading.nfproj (AssemblyName System.Threading).
using System;
using System.Reflection;

[assembly: AssemblyVersion("1.1.52.34401")]

namespace System.Threading
{
    public struct CancellationToken
    {
    }

    public class CancellationTokenSource : IDisposable
    {
        public CancellationTokenSource(int millisecondsDelay) { throw new NotImplementedException(); }

        public CancellationToken Token { get { throw new NotImplementedException(); } }

        public void Dispose() { throw new NotImplementedException(); }
    }
}
