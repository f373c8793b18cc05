using System;
using System.IO;
using System.Security.Cryptography;
using Fota.Client;

namespace Fota.Server
{
    /// <summary>
    /// A signed package on disk, looked at without a key: its header (read by the core, as a device reads it), and
    /// whether the file's length and payload digest agree with what the header claims. Whether the header is
    /// authentic takes the public key: <see cref="PackageStage"/>.
    /// </summary>
    public sealed class PackageFile
    {
        private PackageFile(PackageHeader header, long fileLength, byte[] payloadSha256)
        {
            Header = header;
            FileLength = fileLength;
            PayloadSha256 = payloadSha256;
        }

        /// <summary>The header as the core reads it.</summary>
        public PackageHeader Header { get; }

        /// <summary>Length of the file.</summary>
        public long FileLength { get; }

        /// <summary>SHA-256 of the bytes after header and signature, as many as there are.</summary>
        public byte[] PayloadSha256 { get; }

        /// <summary>
        /// What disagrees with the header, in one line: the file's length, then the payload's digest; <c>null</c>
        /// when both match.
        /// </summary>
        public string Problem
        {
            get
            {
                if (FileLength != Header.PackageLength)
                {
                    return "the file has " + FileLength + " bytes; header, signature and payload make " + Header.PackageLength;
                }

                if (!CryptographicOperations.FixedTimeEquals(PayloadSha256, Header.PayloadSha256))
                {
                    return "the payload's SHA-256 " + Convert.ToHexStringLower(PayloadSha256) + " differs from the header's "
                        + Convert.ToHexStringLower(Header.PayloadSha256);
                }

                return null;
            }
        }

        /// <summary>Whether the file starts with the package magic (a file shorter than the magic does not).</summary>
        public static bool StartsWithMagic(string path)
        {
            byte[] start = new byte[PackageHeader.MagicLength];
            using FileStream file = File.OpenRead(path);
            return file.ReadAtLeast(start, start.Length, throwOnEndOfStream: false) == start.Length
                && PackageHeader.StartsWithMagic(start, 0, start.Length);
        }

        /// <summary>Reads the header and hashes the payload.</summary>
        /// <exception cref="FotaException">When the file does not start with a well-formed header; the message says why.</exception>
        /// <exception cref="IOException">When the file cannot be read.</exception>
        public static PackageFile Read(string path)
        {
            using FileStream file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
            byte[] start = new byte[PackageHeader.MaxLength];
            int read = file.ReadAtLeast(start, start.Length, throwOnEndOfStream: false);
            PackageHeader header = PackageHeader.Parse(start, 0, read);

            file.Position = Math.Min(file.Length, header.HeaderLength + header.SignatureLength);
            using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            byte[] buffer = new byte[81920];
            int count;
            while ((count = file.Read(buffer, 0, buffer.Length)) > 0)
            {
                sha.AppendData(buffer, 0, count);
            }

            return new PackageFile(header, file.Length, sha.GetHashAndReset());
        }
    }
}
