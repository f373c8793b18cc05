// Package nanoFramework.Runtime.InFieldUpdate 1.0.19 (assembly nanoFramework.Runtime.InFieldUpdate unknown).
// COMPILE-TIME REFERENCE, NOT AN IMPLEMENTATION: it declares only the members that the flash-slot region
// (Fota.Client/Regions/FlashSlot) uses, with the real namespaces, names and signatures, so that they are type-checked.
// Every body throws; on the device the real nanoFramework.Runtime.InFieldUpdate.pe runs.
// The real package is on the CoreLibrary 2.0 preview line (its nuspec depends on nanoFramework.CoreLibrary
// 2.0.0-preview.52); this declaration is compiled against mscorlib 1.17.11, the only one that restores here, and uses
// nothing that differs between the two. 1.0.19 is the version nuget.org lists for nanoFramework.Runtime.InFieldUpdate.Provider,
// whose nuspec pins this package to its own version.
// ASSEMBLY VERSION UNKNOWN: no source found states it (the repository's version.json is in no store searched, and no
// published project references the assembly with a version), so the device project references it by name only and
// this declaration carries 0.0.0.0, a placeholder; nothing compiled against it is deployed.
// Checked against nanoframework/nanoFramework.Runtime.InFieldUpdate at commit 8897f55:
// nanoFramework.Runtime.InFieldUpdate/UpdateManager.cs, UpdateSession.cs (internal constructor), UpdateSessionResult.cs,
// ImageType.cs, nanoFramework.Runtime.InFieldUpdate.nuspec, nanoFramework.Runtime.InFieldUpdate.Provider.nuspec,
// docs/update-sessions.md; the native side in nf-interpreter (MCUboot_UpdateSession.cpp) uses the same result values.
using System;
using System.Reflection;

[assembly: AssemblyVersion("0.0.0.0")]

namespace nanoFramework.Runtime.InFieldUpdate
{
    public enum ImageType
    {
        NanoClr = 0,
        Deployment = 1,
    }

    public enum UpdateSessionResult
    {
        Success = 0,
        Busy = 1,
        BadToken = 2,
        BadOffset = 3,
        TooLarge = 4,
        FlashError = 5,
        BadMagic = 6,
        SwapInFlight = 7,
        NoImage = 8,
        HeaderMismatch = 9,
        Incomplete = 10,
        BadTlv = 11,
        HashMismatch = 12,
        BadArgument = 13,
        NoSlot = 14,
    }

    public class UpdateSession
    {
        internal UpdateSession() { throw new NotImplementedException(); }

        public int TotalLength { get { throw new NotImplementedException(); } }

        public int NextOffset { get { throw new NotImplementedException(); } }

        public bool IsResumed { get { throw new NotImplementedException(); } }
    }

    public static class UpdateManager
    {
        public static UpdateSessionResult EraseSecondaryImage(ImageType image) { throw new NotImplementedException(); }

        public static UpdateSessionResult StartUpdateSession(ImageType image, int totalLength, out UpdateSession session) { throw new NotImplementedException(); }

        public static UpdateSessionResult ResumeUpdateSession(ImageType image, int totalLength, byte[] expectedHeader, out UpdateSession session) { throw new NotImplementedException(); }

        public static UpdateSessionResult StoreImageChunk(UpdateSession session, byte[] data, int offset, int count) { throw new NotImplementedException(); }

        public static UpdateSessionResult CompleteUpdateSession(UpdateSession session) { throw new NotImplementedException(); }

        public static UpdateSessionResult AbortUpdateSession(UpdateSession session, bool eraseSlot) { throw new NotImplementedException(); }
    }
}
