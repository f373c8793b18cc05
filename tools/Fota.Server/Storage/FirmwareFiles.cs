using System;
using System.IO;
using System.Security.Cryptography;

namespace Fota.Server
{
    /// <summary>
    /// The <c>firmware/</c> folder. Files are stored under random names chosen here, never under anything a
    /// person or a device typed, so no firmware name can reach the file system.
    /// </summary>
    internal static class FirmwareFiles
    {
        private const string Extension = ".bin";

        /// <summary>
        /// Copies <paramref name="sourcePath"/> into the folder, hashing it on the way. The copy appears under its
        /// final name only when complete, so a crash leaves at most a <c>.part</c> file that nothing refers to.
        /// </summary>
        public static StoredFile Import(string firmwareDirectory, string sourcePath)
        {
            string name = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)) + Extension;
            string finalPath = Path.Combine(firmwareDirectory, name);
            string partPath = finalPath + ".part";

            long length = 0;
            byte[] hash;
            try
            {
                using (var source = new FileStream(sourcePath, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan))
                using (var target = new FileStream(partPath, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1))
                using (var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256))
                {
                    byte[] buffer = new byte[81920];
                    int read;
                    while ((read = source.Read(buffer, 0, buffer.Length)) > 0)
                    {
                        sha.AppendData(buffer, 0, read);
                        target.Write(buffer, 0, read);
                        length += read;
                    }

                    target.Flush(true);
                    hash = sha.GetHashAndReset();
                }

                File.Move(partPath, finalPath);
            }
            catch
            {
                File.Delete(partPath);
                throw;
            }

            return new StoredFile(name, length, Convert.ToHexStringLower(hash));
        }

        /// <summary>The full path of a stored file; refuses anything but a bare name this class could have made.</summary>
        public static string PathOf(string firmwareDirectory, string storedName)
        {
            if (storedName.Length == 0 || storedName != Path.GetFileName(storedName) || storedName.Contains(".."))
            {
                throw new InvalidOperationException("The database names a firmware file '" + storedName + "' outside the firmware folder.");
            }

            return Path.Combine(firmwareDirectory, storedName);
        }

        /// <summary>Removes a stored file after its database row could not be written.</summary>
        public static void Delete(string firmwareDirectory, string storedName)
        {
            File.Delete(PathOf(firmwareDirectory, storedName));
        }
    }
}
