// Package nanoFramework.System.IO.Streams 1.1.96 (assembly System.IO.Streams 1.1.96.0).
// Assembly version: referenced as System.IO.Streams, Version=1.1.96.0 by nanoframework/Samples@121ef04
// (samples/AzureSDK/AzureEdgeOta/AzureEdgeOTAEngine/AzureEdgeOTAEngine.nfproj); version.json "precision": "build".
// COMPILE-TIME REFERENCE, NOT AN IMPLEMENTATION: it declares only the members that Fota.Client's device layer
// and samples use, with the real namespaces, names and signatures, so that they are type-checked against
// nanoFramework mscorlib 1.17.11. Every body throws; on the device the real System.IO.Streams.pe runs.
// Checked against nanoframework/System.IO.Streams at tag v1.1.96 (e6d0ae8): System.IO.Streams/Stream.cs (abstract class Stream :
// MarshalByRefObject, IDisposable). The 1.x line has the same byte[] members; the Span overloads of the
// 2.0 line are not declared.
using System;
using System.Reflection;

[assembly: AssemblyVersion("1.1.96.0")]

namespace System.IO
{
    public abstract class Stream : MarshalByRefObject, IDisposable
    {
        public abstract long Length { get; }

        public abstract long Position { get; set; }

        public abstract void Flush();

        public abstract int Read(byte[] buffer, int offset, int count);

        public abstract void Write(byte[] buffer, int offset, int count);

        public virtual void Close() { throw new NotImplementedException(); }

        public void Dispose() { throw new NotImplementedException(); }

        protected virtual void Dispose(bool disposing) { throw new NotImplementedException(); }
    }
}
