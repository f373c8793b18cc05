using System;

namespace Fota.Client
{
    /// <summary>
    /// Calls into the application's region: any exception it throws (other than the library's own) is a storage
    /// failure, and the message says which step failed.
    /// </summary>
    internal static class RegionCall
    {
        internal static void Begin(IFotaRegion region, long expectedLength)
        {
            try
            {
                region.Begin(expectedLength);
            }
            catch (Exception e)
            {
                throw Failed("begin", e);
            }
        }

        internal static void Write(IFotaRegion region, byte[] buffer, int offset, int count)
        {
            try
            {
                region.Write(buffer, offset, count);
            }
            catch (Exception e)
            {
                throw Failed("write", e);
            }
        }

        internal static void Commit(IFotaRegion region)
        {
            try
            {
                region.Commit();
            }
            catch (Exception e)
            {
                throw Failed("commit", e);
            }
        }

        internal static void Checkpoint(IResumableRegion region, byte[] record, int count)
        {
            try
            {
                region.Checkpoint(record, count);
            }
            catch (Exception e)
            {
                throw Failed("checkpoint", e);
            }
        }

        /// <summary>Aborts, ignoring failures: the failure that led here is what the report must carry.</summary>
        internal static void AbortQuietly(IFotaRegion region)
        {
            try
            {
                region.Abort();
            }
            catch (Exception)
            {
                // A failing abort cannot be helped here.
            }
        }

        private static FotaException Failed(string step, Exception e)
        {
            FotaException known = e as FotaException;
            return known != null ? known : new FotaException(FotaResult.StorageFailed, "region " + step + " failed: " + e.Message);
        }
    }
}
