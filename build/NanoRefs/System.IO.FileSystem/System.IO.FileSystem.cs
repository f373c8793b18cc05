// Package nanoFramework.System.IO.FileSystem 1.1.93 (assembly System.IO.FileSystem 1.1.93.0).
// Assembly version: referenced as System.IO.FileSystem, Version=1.1.93.0 by nanoframework/Samples@121ef04
// (samples/AzureSDK/AzureEdgeOta/AzureEdgeOTAEngine/AzureEdgeOTAEngine.nfproj); version.json "precision": "build".
// COMPILE-TIME REFERENCE, NOT AN IMPLEMENTATION: it declares only the members that Fota.Client's device layer
// and samples use, with the real namespaces, names and signatures, so that they are type-checked against
// nanoFramework mscorlib 1.17.11. Every body throws; on the device the real System.IO.FileSystem.pe runs.
// Checked against nanoframework/System.IO.FileSystem at tag v1.1.93 (434b26c): System.IO.FileSystem/FileStream.cs,
// File.cs (Exists, Delete, Move: Move throws when the destination exists), DriveInfo.cs (DriveInfo(string),
// GetDrives, Name, TotalSize; there is NO AvailableFreeSpace/TotalFreeSpace on nanoFramework), FileMode.cs, FileAccess.cs.
using System;
using System.Reflection;

[assembly: AssemblyVersion("1.1.93.0")]

namespace System.IO
{
    public enum FileMode
    {
        CreateNew = 1,
        Create = 2,
        Open = 3,
        OpenOrCreate = 4,
        Truncate = 5,
        Append = 6,
    }

    [Flags]
    public enum FileAccess
    {
        Read = 1,
        Write = 2,
        ReadWrite = 3,
    }

    public class FileStream : Stream
    {
        public FileStream(string path, FileMode mode, FileAccess access) { throw new NotImplementedException(); }

        public override long Length { get { throw new NotImplementedException(); } }

        public override long Position { get { throw new NotImplementedException(); } set { throw new NotImplementedException(); } }

        public override void Flush() { throw new NotImplementedException(); }

        public override int Read(byte[] buffer, int offset, int count) { throw new NotImplementedException(); }

        public override void Write(byte[] buffer, int offset, int count) { throw new NotImplementedException(); }

        public override void Close() { throw new NotImplementedException(); }

        protected override void Dispose(bool disposing) { throw new NotImplementedException(); }
    }

    public static class File
    {
        public static bool Exists(string path) { throw new NotImplementedException(); }

        public static void Delete(string path) { throw new NotImplementedException(); }

        public static void Move(string sourceFileName, string destFileName) { throw new NotImplementedException(); }
    }

    public sealed class DriveInfo
    {
        public DriveInfo(string driveName) { throw new NotImplementedException(); }

        public string Name { get { throw new NotImplementedException(); } set { throw new NotImplementedException(); } }

        public static DriveInfo[] GetDrives() { throw new NotImplementedException(); }

        public long TotalSize { get { throw new NotImplementedException(); } set { throw new NotImplementedException(); } }
    }
}
