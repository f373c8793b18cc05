using System;

namespace Fota.Client
{
    /// <summary>
    /// Reads the modulus out of a PEM RSA public key, SubjectPublicKeyInfo or PKCS#1. The DER inside is read
    /// strictly (definite minimal lengths, nothing left over, exponent 65537) because the bytes come from a
    /// configuration a person pasted: a mistake should fail here, with a line that says which, and not later
    /// as "signature does not verify".
    /// </summary>
    internal static class PublicKeyPem
    {
        private const string BeginMarker = "-----BEGIN ";
        private const string EndMarker = "-----END ";
        private const string Dashes = "-----";
        private const string SpkiLabel = "PUBLIC KEY";
        private const string Pkcs1Label = "RSA PUBLIC KEY";

        private const byte Sequence = 0x30;
        private const byte Integer = 0x02;
        private const byte BitString = 0x03;
        private const byte Null = 0x05;
        private const byte ObjectId = 0x06;

        // 1.2.840.113549.1.1.1, rsaEncryption.
        private static readonly byte[] RsaEncryption = { 0x2A, 0x86, 0x48, 0x86, 0xF7, 0x0D, 0x01, 0x01, 0x01 };

        /// <summary>The modulus (unsigned big-endian, as encoded) of the first PEM block in <paramref name="pem"/>.</summary>
        /// <exception cref="ArgumentNullException"><paramref name="pem"/> is null.</exception>
        /// <exception cref="ArgumentException">Anything else than an RSA public key with exponent 65537.</exception>
        internal static byte[] ReadModulus(string pem)
        {
            if (pem == null)
            {
                throw new ArgumentNullException(nameof(pem));
            }

            int begin = pem.IndexOf(BeginMarker);
            int labelStart = begin + BeginMarker.Length;
            int labelEnd = begin < 0 ? -1 : pem.IndexOf(Dashes, labelStart);
            if (labelEnd < 0)
            {
                throw Bad("no '-----BEGIN PUBLIC KEY-----' line");
            }

            string label = pem.Substring(labelStart, labelEnd - labelStart);
            if (label != SpkiLabel && label != Pkcs1Label)
            {
                throw Bad(label.IndexOf("PRIVATE") >= 0
                    ? "this is a private key; the device takes only the public key (public.pem)"
                    : "'" + label + "' is not a public key; expected 'PUBLIC KEY' or 'RSA PUBLIC KEY'");
            }

            int bodyStart = labelEnd + Dashes.Length;
            int end = pem.IndexOf(EndMarker + label + Dashes, bodyStart);
            if (end < 0)
            {
                throw Bad("no '-----END " + label + "-----' line");
            }

            byte[] der = Base64(pem.ToCharArray(bodyStart, end - bodyStart));
            int position = 0;
            byte[] modulus = label == SpkiLabel ? ReadSpki(der, ref position) : ReadRsaPublicKey(der, ref position, der.Length);
            if (position != der.Length)
            {
                throw Bad("bytes after the key");
            }

            return modulus;
        }

        // The body without line breaks and spaces; any other character (PEM headers such as Proc-Type mean
        // an encrypted or unusual block) is refused rather than skipped.
        private static byte[] Base64(char[] body)
        {
            int length = 0;
            for (int i = 0; i < body.Length; i++)
            {
                char c = body[i];
                if (c == '\r' || c == '\n' || c == ' ' || c == '\t')
                {
                    continue;
                }

                bool base64 = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '+' || c == '/' || c == '=';
                if (!base64)
                {
                    throw Bad("the PEM body holds '" + c.ToString() + "', which is not base64");
                }

                body[length++] = c;
            }

            // Padding only at the end, at most two: checked here because nanoCLR's decoder reports a bad one with a
            // bare System.Exception, which says nothing to the person who pasted the key.
            int padding = 0;
            while (padding < length && body[length - 1 - padding] == '=')
            {
                padding++;
            }

            bool misplaced = false;
            for (int i = 0; i < length - padding; i++)
            {
                misplaced |= body[i] == '=';
            }

            if (length == 0 || (length & 3) != 0 || padding > 2 || misplaced)
            {
                throw Bad("the PEM body is not whole base64 (" + length.ToString() + " characters)");
            }

            return Convert.FromBase64CharArray(body, 0, length);
        }

        // SubjectPublicKeyInfo ::= SEQUENCE { SEQUENCE { OID rsaEncryption, NULL }, BIT STRING { RSAPublicKey } }
        private static byte[] ReadSpki(byte[] der, ref int position)
        {
            int end = Enter(der, ref position, der.Length, Sequence, "SubjectPublicKeyInfo");
            int algorithmEnd = Enter(der, ref position, end, Sequence, "algorithm");
            int oidEnd = Enter(der, ref position, algorithmEnd, ObjectId, "algorithm");
            bool rsa = oidEnd - position == RsaEncryption.Length;
            for (int i = 0; rsa && i < RsaEncryption.Length; i++)
            {
                rsa = der[position + i] == RsaEncryption[i];
            }

            if (!rsa)
            {
                throw Bad("not an RSA key (algorithm is not rsaEncryption)");
            }

            position = oidEnd;
            if (Enter(der, ref position, algorithmEnd, Null, "algorithm parameters") != algorithmEnd)
            {
                throw Bad("unexpected algorithm parameters");
            }

            int keyEnd = Enter(der, ref position, end, BitString, "public key");
            if (keyEnd != end || position == keyEnd || der[position] != 0)
            {
                throw Bad("malformed public key bit string");
            }

            position++;
            byte[] modulus = ReadRsaPublicKey(der, ref position, keyEnd);
            if (position != keyEnd)
            {
                throw Bad("bytes after the RSA key");
            }

            return modulus;
        }

        // RSAPublicKey ::= SEQUENCE { modulus INTEGER, publicExponent INTEGER }
        private static byte[] ReadRsaPublicKey(byte[] der, ref int position, int limit)
        {
            int end = Enter(der, ref position, limit, Sequence, "RSA key");
            int modulusEnd = Enter(der, ref position, end, Integer, "modulus");
            int modulusStart = PositiveInteger(der, position, modulusEnd, "modulus");
            byte[] modulus = new byte[modulusEnd - modulusStart];
            Array.Copy(der, modulusStart, modulus, 0, modulus.Length);

            position = modulusEnd;
            int exponentEnd = Enter(der, ref position, end, Integer, "exponent");
            int exponentStart = PositiveInteger(der, position, exponentEnd, "exponent");
            int exponent = 0;
            for (int i = exponentStart; i < exponentEnd && exponent <= 0xFFFFFF; i++)
            {
                exponent = (exponent << 8) | der[i];
            }

            if (exponentEnd - exponentStart > 3 || exponent != RsaPublicKey.Exponent)
            {
                throw Bad("public exponent must be 65537");
            }

            position = exponentEnd;
            if (position != end)
            {
                throw Bad("bytes after the exponent");
            }

            return modulus;
        }

        // Reads a tag and a definite, minimally encoded length of at most 2 bytes; returns where the content ends
        // and leaves position at its start.
        private static int Enter(byte[] der, ref int position, int limit, byte tag, string what)
        {
            if (limit - position < 2 || der[position] != tag)
            {
                throw Bad("malformed " + what);
            }

            int first = der[position + 1];
            position += 2;
            int length = first;
            if (first == 0x81 && limit - position >= 1)
            {
                length = der[position];
                position += 1;
                if (length < 0x80)
                {
                    throw Bad("malformed " + what);
                }
            }
            else if (first == 0x82 && limit - position >= 2)
            {
                length = (der[position] << 8) | der[position + 1];
                position += 2;
                if (length < 0x100)
                {
                    throw Bad("malformed " + what);
                }
            }
            else if (first >= 0x80)
            {
                throw Bad("malformed " + what);
            }

            if (length > limit - position)
            {
                throw Bad("malformed " + what);
            }

            return position + length;
        }

        // Where the magnitude of a DER INTEGER starts: refuses negatives, empty integers and redundant zeros.
        private static int PositiveInteger(byte[] der, int start, int end, string what)
        {
            if (start == end || der[start] >= 0x80)
            {
                throw Bad(what + " is not a positive integer");
            }

            if (der[start] == 0)
            {
                // A lone zero is the number 0 (refused later by its value); a zero before a byte below 0x80 is redundant.
                if (end - start > 1 && der[start + 1] < 0x80)
                {
                    throw Bad(what + " is not minimally encoded");
                }

                return start + 1;
            }

            return start;
        }

        private static ArgumentException Bad(string problem)
        {
            return new ArgumentException("PEM public key: " + problem, "pem");
        }
    }
}
