using System;
using System.Diagnostics;
using System.IO;

namespace Fota.Client.Tests.Server
{
    /// <summary>
    /// A small tmpfs mounted in a temp folder: a real file system that really fills up and can really be made
    /// read-only. Needs root (CI and the development machines run as root).
    /// </summary>
    internal sealed class Tmpfs : IDisposable
    {
        public Tmpfs(int kibibytes)
        {
            Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "fota-tmpfs-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(Path);
            Mount("-t", "tmpfs", "-o", "size=" + kibibytes + "k,mode=0755", "tmpfs", Path);
        }

        public string Path { get; }

        /// <summary>Fills the file system to the last byte; returns how many bytes that took.</summary>
        public long Fill()
        {
            long written = 0;
            byte[] block = new byte[4096];
            using var filler = new FileStream(System.IO.Path.Combine(Path, "filler"), FileMode.Create, FileAccess.Write, FileShare.None, 1);
            try
            {
                while (true)
                {
                    filler.Write(block, 0, block.Length);
                    written += block.Length;
                }
            }
            catch (IOException)
            {
                // No space left: the point.
            }

            return written;
        }

        /// <summary>Remounts read-only (no file in it may be open for writing).</summary>
        public void MakeReadOnly()
        {
            Mount("-o", "remount,ro", Path);
        }

        public void Dispose()
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Mount("-l", Path);
            Directory.Delete(Path, true);
        }

        private static void Mount(params string[] args)
        {
            bool unmount = args[0] == "-l";
            var start = new ProcessStartInfo(unmount ? "umount" : "mount") { RedirectStandardError = true, UseShellExecute = false };
            foreach (string arg in args)
            {
                start.ArgumentList.Add(arg);
            }

            using Process process = Process.Start(start);
            string errors = process.StandardError.ReadToEnd();
            process.WaitForExit();
            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException((unmount ? "umount " : "mount ") + string.Join(" ", args) + " failed (these tests need root): " + errors);
            }
        }
    }
}
