using System;
using System.CommandLine;
using System.IO;
using Fota.Client;
using Fota.Server;

namespace Fota.Tool
{
    /// <summary>
    /// <c>fota inspect PACKAGE</c>: the header's fields and whether the file's length and payload digest agree with
    /// them; no key needed, so the signature is not checked (that is <c>fota verify</c>). Exit 0 when consistent.
    /// </summary>
    public static class InspectCommand
    {
        /// <summary>The <c>inspect</c> command.</summary>
        public static Command Create()
        {
            var package = new Argument<string>("PACKAGE") { Description = "the package to inspect" };
            var command = new Command("inspect", "the header's fields (no key needed; the signature is not checked)") { package };
            command.SetAction(result => Execute(result.GetValue(package), result.InvocationConfiguration.Output,
                result.InvocationConfiguration.Error));
            return command;
        }

        /// <summary>Prints the header of <paramref name="packagePath"/>.</summary>
        public static int Execute(string packagePath, TextWriter output, TextWriter errors)
        {
            PackageFile package;
            try
            {
                package = PackageFile.Read(packagePath);
            }
            catch (FotaException e)
            {
                errors.WriteLine("fota: " + packagePath + ": " + e.Message + ".");
                return ExitCodes.Failed;
            }

            PackageHeader header = package.Header;
            Field(output, "format version", header.FormatVersion.ToString());
            Field(output, "flags", "0x" + header.Flags.ToString("x2"));
            Field(output, "header length", header.HeaderLength + " bytes");
            Field(output, "firmware name", header.Name);
            Field(output, "version", header.Version);
            Field(output, "payload length", header.PayloadLength + " bytes");
            Field(output, "payload sha256", Convert.ToHexStringLower(header.PayloadSha256));
            Field(output, "key id", Convert.ToHexStringLower(header.KeyId));
            Field(output, "signature", header.SignatureLength + " bytes, RSA-" + header.SignatureLength * 8
                + " PKCS#1 v1.5 SHA-256; not checked here (fota verify --public-key PUBLIC.pem)");

            if (package.Problem != null)
            {
                errors.WriteLine("fota: " + packagePath + ": " + package.Problem + ".");
                return ExitCodes.Failed;
            }

            output.WriteLine("The file's length and the payload's SHA-256 match the header.");
            return ExitCodes.Ok;
        }

        private static void Field(TextWriter output, string name, string value)
        {
            output.WriteLine((name + ":").PadRight(16) + value);
        }
    }
}
