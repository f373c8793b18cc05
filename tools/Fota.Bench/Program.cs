using System;

namespace Fota.Bench
{
    // One command per benchmark, each in its own file with a static Run(string[] args) that
    // returns the exit code; add a case and a usage line for a new one.
    internal static class Program
    {
        private static int Main(string[] args)
        {
            string command = args.Length > 0 ? args[0] : string.Empty;
            switch (command)
            {
                case "digests":
                    return DigestBenchmark.Run(args);
                case "download":
                    return DownloadBenchmark.Run(args);
                case "get-vs-curl":
                    return GetVsCurlBenchmark.Run(args);
                case "resume":
                    return ResumeBenchmark.Run(args);
                case "rsa":
                    return RsaBenchmark.Run(args);
                case "serve-load":
                    return ServeLoadBenchmark.Run(args);
                default:
                    Console.Error.WriteLine("usage: fota-bench <command> [options]");
                    Console.Error.WriteLine("commands:");
                    Console.Error.WriteLine("  digests [MiB]   CRC32 and SHA-256 throughput over MiB (default 64) in 4096-byte chunks");
                    Console.Error.WriteLine("  download [MiB]  whole client path over loopback: MB/s and bytes allocated per request, 1 MiB vs MiB (default 64)");
                    Console.Error.WriteLine("  get-vs-curl [MiB] [rounds] [fota.dll]");
                    Console.Error.WriteLine("                  'fota get' vs 'curl -o' (and with --sha256 vs curl && sha256sum) from a local nginx, MiB (default 256)");
                    Console.Error.WriteLine("  resume [MiB]    bytes over the wire / image size with one drop at 50 % and five drops, fota serve through a dropping proxy (default 16)");
                    Console.Error.WriteLine("  rsa [ROUNDS]    package signature check: the core's managed RSA-2048/3072 verify vs .NET's, and key read");
                    Console.Error.WriteLine("  serve-load [SECONDS]  fota serve beside nginx under wrk on loopback: the 409 path at 64 clients, 64 MiB downloads by 32 (default 5 s a run)");
                    Console.Error.WriteLine("Run with -c Release; Debug builds measure the debugger-friendly JIT.");
                    return command.Length == 0 || command == "help" || command == "--help" ? 0 : 2;
            }
        }
    }
}
