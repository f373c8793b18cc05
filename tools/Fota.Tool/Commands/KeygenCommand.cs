using System;
using System.CommandLine;
using System.IO;
using System.Security.Cryptography;
using Fota.Client;

namespace Fota.Tool
{
    /// <summary>
    /// <c>fota keygen --out DIR [--bits 2048|3072]</c>: a new signing key pair, <c>private.pem</c> (PKCS#8, readable
    /// by its owner only) and <c>public.pem</c> (SubjectPublicKeyInfo, for the devices). Never overwrites a key and
    /// never prints the private one.
    /// </summary>
    public static class KeygenCommand
    {
        /// <summary>Name of the private key file in the folder.</summary>
        public const string PrivateKeyFile = "private.pem";

        /// <summary>Name of the public key file in the folder.</summary>
        public const string PublicKeyFile = "public.pem";

        /// <summary>The <c>keygen</c> command.</summary>
        public static Command Create()
        {
            Option<string> folder = OptionRules.Text("--out", "DIR", "folder for private.pem and public.pem (created when missing)", required: true);
            var bits = new Option<int>("--bits")
            {
                Description = "RSA modulus size",
                HelpName = "2048|3072",
                DefaultValueFactory = _ => 2048,
            };
            bits.AcceptOnlyFromAmong("2048", "3072");
            var command = new Command("keygen", "new signing key pair: DIR/private.pem (mode 0600, never overwritten) and DIR/public.pem")
            {
                folder, bits,
            };
            command.SetAction(result => Execute(result.GetValue(folder), result.GetValue(bits),
                result.InvocationConfiguration.Output, result.InvocationConfiguration.Error));
            return command;
        }

        /// <summary>Writes the key pair into <paramref name="folder"/> (created when missing); exit 1 when either file exists.</summary>
        public static int Execute(string folder, int bits, TextWriter output, TextWriter errors)
        {
            string privatePath = Path.Combine(folder, PrivateKeyFile);
            string publicPath = Path.Combine(folder, PublicKeyFile);
            foreach (string path in new[] { privatePath, publicPath })
            {
                if (File.Exists(path))
                {
                    errors.WriteLine("fota: '" + path + "' exists; keygen never overwrites a key. Choose another --out.");
                    return ExitCodes.Failed;
                }
            }

            if (!Directory.Exists(folder))
            {
                if (OperatingSystem.IsWindows())
                {
                    Directory.CreateDirectory(folder);
                }
                else
                {
                    Directory.CreateDirectory(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
                }
            }

            using RSA key = RSA.Create(bits);

            // CreateNew with the mode given at creation: the secret is never readable by others, not even briefly,
            // and a file that appeared since the check above is not overwritten either.
            WriteNew(privatePath, key.ExportPkcs8PrivateKeyPem(), UnixFileMode.UserRead | UnixFileMode.UserWrite);
            WriteNew(publicPath, key.ExportSubjectPublicKeyInfoPem(),
                UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);

            string keyId = RsaPublicKey.FromModulus(key.ExportParameters(false).Modulus).KeyIdHex;
            output.WriteLine("Wrote " + privatePath + " (RSA-" + bits + ", readable by you only): it signs packages; keep it secret and backed up.");
            output.WriteLine("Wrote " + publicPath + ": give it to the devices (it only verifies).");
            output.WriteLine("Key id " + keyId + ".");
            return ExitCodes.Ok;
        }

        private static void WriteNew(string path, string text, UnixFileMode mode)
        {
            var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
            if (!OperatingSystem.IsWindows())
            {
                options.UnixCreateMode = mode;
            }

            using var writer = new StreamWriter(new FileStream(path, options));
            writer.Write(text);
            writer.Write('\n');
        }
    }
}
