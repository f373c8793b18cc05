// Package nanoFramework.Runtime.Native 1.7.11 (assembly nanoFramework.Runtime.Native 1.7.11.0).
// Assembly version: referenced as nanoFramework.Runtime.Native, Version=1.7.11.0 by nanoframework/Samples@121ef04
// (samples/AzureSDK/AzureEdgeOta/AzureEdgeOTAEngine/AzureEdgeOTAEngine.nfproj); version.json "precision": "build".
// COMPILE-TIME REFERENCE, NOT AN IMPLEMENTATION: it declares only the members that Fota.Client's device layer
// uses, with the real namespaces, names and signatures, so that they are type-checked against nanoFramework
// mscorlib 1.17.11. Every body throws; on the device the real nanoFramework.Runtime.Native.pe runs.
// Checked against nanoframework/nanoFramework.Runtime.Native at tag v1.7.11 (e70ef69): nanoFramework.Runtime.Native/Power.cs
// (public class Power, static RebootDevice(RebootOption rebootOption = RebootOption.NormalReboot)), RebootOption.cs
// (NormalReboot = 0, EnterNanoBooter = 1, ClrOnly = 2, EnterProprietaryBooter = 8), SystemInfo.cs (static class, static string TargetName),
// nanoFramework.Runtime.Native.nfproj (AssemblyName nanoFramework.Runtime.Native).
using System;
using System.Reflection;

[assembly: AssemblyVersion("1.7.11.0")]

namespace nanoFramework.Runtime.Native
{
    public enum RebootOption
    {
        NormalReboot = 0,
        EnterNanoBooter = 1,
        ClrOnly = 2,
        EnterProprietaryBooter = 8,
    }

    public class Power
    {
        public static void RebootDevice(RebootOption rebootOption = RebootOption.NormalReboot) { throw new NotImplementedException(); }
    }

    public static class SystemInfo
    {
        public static string TargetName { get { throw new NotImplementedException(); } }
    }
}
