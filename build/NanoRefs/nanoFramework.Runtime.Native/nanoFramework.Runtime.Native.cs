// Package nanoFramework.Runtime.Native 1.7.11 (assembly nanoFramework.Runtime.Native 1.7.11.0).
// COMPILE-TIME REFERENCE, NOT AN IMPLEMENTATION: it declares only the members that Fota.Client's device layer
// uses, with the real namespaces, names and signatures, so that they are type-checked against nanoFramework
// mscorlib 1.17.11. Every body throws; on the device the real nanoFramework.Runtime.Native.pe runs.
// Checked against nanoframework/nanoFramework.Runtime.Native: nanoFramework.Runtime.Native/Power.cs
// (public class Power, static RebootDevice()), SystemInfo.cs (static class, static string TargetName),
// nanoFramework.Runtime.Native.nfproj (AssemblyName nanoFramework.Runtime.Native).
using System;
using System.Reflection;

[assembly: AssemblyVersion("1.7.11.0")]

namespace nanoFramework.Runtime.Native
{
    public class Power
    {
        public static void RebootDevice() { throw new NotImplementedException(); }
    }

    public static class SystemInfo
    {
        public static string TargetName { get { throw new NotImplementedException(); } }
    }
}
