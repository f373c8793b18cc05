using System;
using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Fota.Client.Tests.Packages
{
    /// <summary>
    /// Builds packages for the tests straight from the byte layout in docs/package-format.md, signed with .NET's RSA.
    /// Independent of the tool's writer on purpose (the doc example test checks that both agree), and able to write
    /// what the tool never would, validly signed: unknown flags, wrong lengths, another key id.
    /// </summary>
    internal sealed class PackageBuilder
    {
        public PackageBuilder(RSA key, byte[] payload)
        {
            Key = key;
            Payload = payload;
        }

        public RSA Key { get; set; }

        public byte[] Payload { get; set; }

        public string Name { get; set; } = "app_nanoFramework_ESP32";

        public uint Major { get; set; } = 1;

        public ushort Minor { get; set; } = 0;

        public ushort Patch { get; set; } = 7;

        /// <summary>Changes to the header bytes before they are signed.</summary>
        public Action<byte[]> Tweak { get; set; }

        public byte[] Header()
        {
            byte[] name = Encoding.UTF8.GetBytes(Name);
            byte[] header = new byte[67 + name.Length];
            new byte[] { 0x89, 0x46, 0x50, 0x4B, 1, 0 }.CopyTo(header, 0);
            BinaryPrimitives.WriteUInt16BigEndian(header.AsSpan(6), (ushort)header.Length);
            BinaryPrimitives.WriteUInt16BigEndian(header.AsSpan(8), (ushort)(Key.KeySize / 8));
            BinaryPrimitives.WriteUInt64BigEndian(header.AsSpan(10), (ulong)Payload.Length);
            SHA256.HashData(Payload).CopyTo(header, 18);
            TestKeys.KeyId(Key).CopyTo(header, 50);
            BinaryPrimitives.WriteUInt32BigEndian(header.AsSpan(58), Major);
            BinaryPrimitives.WriteUInt16BigEndian(header.AsSpan(62), Minor);
            BinaryPrimitives.WriteUInt16BigEndian(header.AsSpan(64), Patch);
            header[66] = (byte)name.Length;
            name.CopyTo(header, 67);
            Tweak?.Invoke(header);
            return header;
        }

        public byte[] Build()
        {
            byte[] header = Header();
            byte[] signature = Key.SignData(header, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            byte[] package = new byte[header.Length + signature.Length + Payload.Length];
            header.CopyTo(package, 0);
            signature.CopyTo(package, header.Length);
            Payload.CopyTo(package, header.Length + signature.Length);
            return package;
        }
    }
}
