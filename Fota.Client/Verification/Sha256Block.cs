namespace Fota.Client
{
    /// <summary>
    /// The SHA-256 compression function (FIPS 180-4, section 6.2.2), shaped for the nanoFramework interpreter,
    /// where the digest is the one managed code that touches every payload byte.
    /// </summary>
    /// <remarks>
    /// What nanoCLR charges (measured as x86 instructions under valgrind, tools/nano-bench.sh): about 26 per
    /// arithmetic or local-variable IL operation, about 100 per array element read or written, 130-140 per field
    /// read, and a call or a loop test several times an operation. So: the 16 message-schedule words and the eight
    /// working variables are locals, not arrays; the sixteen rounds of a pass are written out with the variables'
    /// roles rotated by name, so no round moves seven values along; the schedule is computed in place, sixteen words
    /// per pass, in the same locals; the state is read once and written once per call, not per block. The result,
    /// 3.66 G instructions per MiB against 5.63 G for the textbook loop over arrays, keeps the code compact: writing
    /// all 64 rounds out with the round constants as literals measured 3.45 G but made the .pe 7.8 KB larger.
    /// </remarks>
    internal static class Sha256Block
    {
        /// <summary>Bytes per block.</summary>
        internal const int Length = 64;

        private static readonly uint[] RoundConstants =
        {
            0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
            0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
            0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
            0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
            0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
            0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
            0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
            0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
        };

        /// <summary>
        /// Compresses <paramref name="blocks"/> consecutive 64-byte blocks at <paramref name="offset"/> in
        /// <paramref name="data"/> into the eight state words.
        /// </summary>
        internal static void Compress(uint[] state, byte[] data, int offset, int blocks)
        {
            uint[] k = RoundConstants;
            uint h0 = state[0];
            uint h1 = state[1];
            uint h2 = state[2];
            uint h3 = state[3];
            uint h4 = state[4];
            uint h5 = state[5];
            uint h6 = state[6];
            uint h7 = state[7];

            for (; blocks > 0; blocks--, offset += Length)
            {
                uint w0 = (uint)((data[offset] << 24) | (data[offset + 1] << 16) | (data[offset + 2] << 8) | data[offset + 3]);
                uint w1 = (uint)((data[offset + 4] << 24) | (data[offset + 5] << 16) | (data[offset + 6] << 8) | data[offset + 7]);
                uint w2 = (uint)((data[offset + 8] << 24) | (data[offset + 9] << 16) | (data[offset + 10] << 8) | data[offset + 11]);
                uint w3 = (uint)((data[offset + 12] << 24) | (data[offset + 13] << 16) | (data[offset + 14] << 8) | data[offset + 15]);
                uint w4 = (uint)((data[offset + 16] << 24) | (data[offset + 17] << 16) | (data[offset + 18] << 8) | data[offset + 19]);
                uint w5 = (uint)((data[offset + 20] << 24) | (data[offset + 21] << 16) | (data[offset + 22] << 8) | data[offset + 23]);
                uint w6 = (uint)((data[offset + 24] << 24) | (data[offset + 25] << 16) | (data[offset + 26] << 8) | data[offset + 27]);
                uint w7 = (uint)((data[offset + 28] << 24) | (data[offset + 29] << 16) | (data[offset + 30] << 8) | data[offset + 31]);
                uint w8 = (uint)((data[offset + 32] << 24) | (data[offset + 33] << 16) | (data[offset + 34] << 8) | data[offset + 35]);
                uint w9 = (uint)((data[offset + 36] << 24) | (data[offset + 37] << 16) | (data[offset + 38] << 8) | data[offset + 39]);
                uint w10 = (uint)((data[offset + 40] << 24) | (data[offset + 41] << 16) | (data[offset + 42] << 8) | data[offset + 43]);
                uint w11 = (uint)((data[offset + 44] << 24) | (data[offset + 45] << 16) | (data[offset + 46] << 8) | data[offset + 47]);
                uint w12 = (uint)((data[offset + 48] << 24) | (data[offset + 49] << 16) | (data[offset + 50] << 8) | data[offset + 51]);
                uint w13 = (uint)((data[offset + 52] << 24) | (data[offset + 53] << 16) | (data[offset + 54] << 8) | data[offset + 55]);
                uint w14 = (uint)((data[offset + 56] << 24) | (data[offset + 57] << 16) | (data[offset + 58] << 8) | data[offset + 59]);
                uint w15 = (uint)((data[offset + 60] << 24) | (data[offset + 61] << 16) | (data[offset + 62] << 8) | data[offset + 63]);

                uint a = h0;
                uint b = h1;
                uint c = h2;
                uint d = h3;
                uint e = h4;
                uint f = h5;
                uint g = h6;
                uint h = h7;

                for (int r = 0; r < 64; r += 16)
                {
                    if (r > 0)
                    {
                        // W[t] = sigma1(W[t-2]) + W[t-7] + sigma0(W[t-15]) + W[t-16], sixteen at a time: word j holds
                        // W[t-16] until it is replaced, and the others it needs are already there.
                        w0 += (((w1 >> 7) | (w1 << 25)) ^ ((w1 >> 18) | (w1 << 14)) ^ (w1 >> 3)) + w9
                            + (((w14 >> 17) | (w14 << 15)) ^ ((w14 >> 19) | (w14 << 13)) ^ (w14 >> 10));
                        w1 += (((w2 >> 7) | (w2 << 25)) ^ ((w2 >> 18) | (w2 << 14)) ^ (w2 >> 3)) + w10
                            + (((w15 >> 17) | (w15 << 15)) ^ ((w15 >> 19) | (w15 << 13)) ^ (w15 >> 10));
                        w2 += (((w3 >> 7) | (w3 << 25)) ^ ((w3 >> 18) | (w3 << 14)) ^ (w3 >> 3)) + w11
                            + (((w0 >> 17) | (w0 << 15)) ^ ((w0 >> 19) | (w0 << 13)) ^ (w0 >> 10));
                        w3 += (((w4 >> 7) | (w4 << 25)) ^ ((w4 >> 18) | (w4 << 14)) ^ (w4 >> 3)) + w12
                            + (((w1 >> 17) | (w1 << 15)) ^ ((w1 >> 19) | (w1 << 13)) ^ (w1 >> 10));
                        w4 += (((w5 >> 7) | (w5 << 25)) ^ ((w5 >> 18) | (w5 << 14)) ^ (w5 >> 3)) + w13
                            + (((w2 >> 17) | (w2 << 15)) ^ ((w2 >> 19) | (w2 << 13)) ^ (w2 >> 10));
                        w5 += (((w6 >> 7) | (w6 << 25)) ^ ((w6 >> 18) | (w6 << 14)) ^ (w6 >> 3)) + w14
                            + (((w3 >> 17) | (w3 << 15)) ^ ((w3 >> 19) | (w3 << 13)) ^ (w3 >> 10));
                        w6 += (((w7 >> 7) | (w7 << 25)) ^ ((w7 >> 18) | (w7 << 14)) ^ (w7 >> 3)) + w15
                            + (((w4 >> 17) | (w4 << 15)) ^ ((w4 >> 19) | (w4 << 13)) ^ (w4 >> 10));
                        w7 += (((w8 >> 7) | (w8 << 25)) ^ ((w8 >> 18) | (w8 << 14)) ^ (w8 >> 3)) + w0
                            + (((w5 >> 17) | (w5 << 15)) ^ ((w5 >> 19) | (w5 << 13)) ^ (w5 >> 10));
                        w8 += (((w9 >> 7) | (w9 << 25)) ^ ((w9 >> 18) | (w9 << 14)) ^ (w9 >> 3)) + w1
                            + (((w6 >> 17) | (w6 << 15)) ^ ((w6 >> 19) | (w6 << 13)) ^ (w6 >> 10));
                        w9 += (((w10 >> 7) | (w10 << 25)) ^ ((w10 >> 18) | (w10 << 14)) ^ (w10 >> 3)) + w2
                            + (((w7 >> 17) | (w7 << 15)) ^ ((w7 >> 19) | (w7 << 13)) ^ (w7 >> 10));
                        w10 += (((w11 >> 7) | (w11 << 25)) ^ ((w11 >> 18) | (w11 << 14)) ^ (w11 >> 3)) + w3
                            + (((w8 >> 17) | (w8 << 15)) ^ ((w8 >> 19) | (w8 << 13)) ^ (w8 >> 10));
                        w11 += (((w12 >> 7) | (w12 << 25)) ^ ((w12 >> 18) | (w12 << 14)) ^ (w12 >> 3)) + w4
                            + (((w9 >> 17) | (w9 << 15)) ^ ((w9 >> 19) | (w9 << 13)) ^ (w9 >> 10));
                        w12 += (((w13 >> 7) | (w13 << 25)) ^ ((w13 >> 18) | (w13 << 14)) ^ (w13 >> 3)) + w5
                            + (((w10 >> 17) | (w10 << 15)) ^ ((w10 >> 19) | (w10 << 13)) ^ (w10 >> 10));
                        w13 += (((w14 >> 7) | (w14 << 25)) ^ ((w14 >> 18) | (w14 << 14)) ^ (w14 >> 3)) + w6
                            + (((w11 >> 17) | (w11 << 15)) ^ ((w11 >> 19) | (w11 << 13)) ^ (w11 >> 10));
                        w14 += (((w15 >> 7) | (w15 << 25)) ^ ((w15 >> 18) | (w15 << 14)) ^ (w15 >> 3)) + w7
                            + (((w12 >> 17) | (w12 << 15)) ^ ((w12 >> 19) | (w12 << 13)) ^ (w12 >> 10));
                        w15 += (((w0 >> 7) | (w0 << 25)) ^ ((w0 >> 18) | (w0 << 14)) ^ (w0 >> 3)) + w8
                            + (((w13 >> 17) | (w13 << 15)) ^ ((w13 >> 19) | (w13 << 13)) ^ (w13 >> 10));
                    }

                    // One round: T1 = h + Sigma1(e) + Ch(e, f, g) + K + W lands in h; d += T1; h += Sigma0(a) + Maj(a, b, c).
                    // The next round reads the same eight variables one place further round. Ch is written
                    // g ^ (e & (f ^ g)) and Maj (a & b) | (c & (a | b)): the textbook values, one operation fewer each.
                    h += (((e >> 6) | (e << 26)) ^ ((e >> 11) | (e << 21)) ^ ((e >> 25) | (e << 7))) + (g ^ (e & (f ^ g))) + k[r] + w0;
                    d += h;
                    h += (((a >> 2) | (a << 30)) ^ ((a >> 13) | (a << 19)) ^ ((a >> 22) | (a << 10))) + ((a & b) | (c & (a | b)));

                    g += (((d >> 6) | (d << 26)) ^ ((d >> 11) | (d << 21)) ^ ((d >> 25) | (d << 7))) + (f ^ (d & (e ^ f))) + k[r + 1] + w1;
                    c += g;
                    g += (((h >> 2) | (h << 30)) ^ ((h >> 13) | (h << 19)) ^ ((h >> 22) | (h << 10))) + ((h & a) | (b & (h | a)));

                    f += (((c >> 6) | (c << 26)) ^ ((c >> 11) | (c << 21)) ^ ((c >> 25) | (c << 7))) + (e ^ (c & (d ^ e))) + k[r + 2] + w2;
                    b += f;
                    f += (((g >> 2) | (g << 30)) ^ ((g >> 13) | (g << 19)) ^ ((g >> 22) | (g << 10))) + ((g & h) | (a & (g | h)));

                    e += (((b >> 6) | (b << 26)) ^ ((b >> 11) | (b << 21)) ^ ((b >> 25) | (b << 7))) + (d ^ (b & (c ^ d))) + k[r + 3] + w3;
                    a += e;
                    e += (((f >> 2) | (f << 30)) ^ ((f >> 13) | (f << 19)) ^ ((f >> 22) | (f << 10))) + ((f & g) | (h & (f | g)));

                    d += (((a >> 6) | (a << 26)) ^ ((a >> 11) | (a << 21)) ^ ((a >> 25) | (a << 7))) + (c ^ (a & (b ^ c))) + k[r + 4] + w4;
                    h += d;
                    d += (((e >> 2) | (e << 30)) ^ ((e >> 13) | (e << 19)) ^ ((e >> 22) | (e << 10))) + ((e & f) | (g & (e | f)));

                    c += (((h >> 6) | (h << 26)) ^ ((h >> 11) | (h << 21)) ^ ((h >> 25) | (h << 7))) + (b ^ (h & (a ^ b))) + k[r + 5] + w5;
                    g += c;
                    c += (((d >> 2) | (d << 30)) ^ ((d >> 13) | (d << 19)) ^ ((d >> 22) | (d << 10))) + ((d & e) | (f & (d | e)));

                    b += (((g >> 6) | (g << 26)) ^ ((g >> 11) | (g << 21)) ^ ((g >> 25) | (g << 7))) + (a ^ (g & (h ^ a))) + k[r + 6] + w6;
                    f += b;
                    b += (((c >> 2) | (c << 30)) ^ ((c >> 13) | (c << 19)) ^ ((c >> 22) | (c << 10))) + ((c & d) | (e & (c | d)));

                    a += (((f >> 6) | (f << 26)) ^ ((f >> 11) | (f << 21)) ^ ((f >> 25) | (f << 7))) + (h ^ (f & (g ^ h))) + k[r + 7] + w7;
                    e += a;
                    a += (((b >> 2) | (b << 30)) ^ ((b >> 13) | (b << 19)) ^ ((b >> 22) | (b << 10))) + ((b & c) | (d & (b | c)));

                    h += (((e >> 6) | (e << 26)) ^ ((e >> 11) | (e << 21)) ^ ((e >> 25) | (e << 7))) + (g ^ (e & (f ^ g))) + k[r + 8] + w8;
                    d += h;
                    h += (((a >> 2) | (a << 30)) ^ ((a >> 13) | (a << 19)) ^ ((a >> 22) | (a << 10))) + ((a & b) | (c & (a | b)));

                    g += (((d >> 6) | (d << 26)) ^ ((d >> 11) | (d << 21)) ^ ((d >> 25) | (d << 7))) + (f ^ (d & (e ^ f))) + k[r + 9] + w9;
                    c += g;
                    g += (((h >> 2) | (h << 30)) ^ ((h >> 13) | (h << 19)) ^ ((h >> 22) | (h << 10))) + ((h & a) | (b & (h | a)));

                    f += (((c >> 6) | (c << 26)) ^ ((c >> 11) | (c << 21)) ^ ((c >> 25) | (c << 7))) + (e ^ (c & (d ^ e))) + k[r + 10] + w10;
                    b += f;
                    f += (((g >> 2) | (g << 30)) ^ ((g >> 13) | (g << 19)) ^ ((g >> 22) | (g << 10))) + ((g & h) | (a & (g | h)));

                    e += (((b >> 6) | (b << 26)) ^ ((b >> 11) | (b << 21)) ^ ((b >> 25) | (b << 7))) + (d ^ (b & (c ^ d))) + k[r + 11] + w11;
                    a += e;
                    e += (((f >> 2) | (f << 30)) ^ ((f >> 13) | (f << 19)) ^ ((f >> 22) | (f << 10))) + ((f & g) | (h & (f | g)));

                    d += (((a >> 6) | (a << 26)) ^ ((a >> 11) | (a << 21)) ^ ((a >> 25) | (a << 7))) + (c ^ (a & (b ^ c))) + k[r + 12] + w12;
                    h += d;
                    d += (((e >> 2) | (e << 30)) ^ ((e >> 13) | (e << 19)) ^ ((e >> 22) | (e << 10))) + ((e & f) | (g & (e | f)));

                    c += (((h >> 6) | (h << 26)) ^ ((h >> 11) | (h << 21)) ^ ((h >> 25) | (h << 7))) + (b ^ (h & (a ^ b))) + k[r + 13] + w13;
                    g += c;
                    c += (((d >> 2) | (d << 30)) ^ ((d >> 13) | (d << 19)) ^ ((d >> 22) | (d << 10))) + ((d & e) | (f & (d | e)));

                    b += (((g >> 6) | (g << 26)) ^ ((g >> 11) | (g << 21)) ^ ((g >> 25) | (g << 7))) + (a ^ (g & (h ^ a))) + k[r + 14] + w14;
                    f += b;
                    b += (((c >> 2) | (c << 30)) ^ ((c >> 13) | (c << 19)) ^ ((c >> 22) | (c << 10))) + ((c & d) | (e & (c | d)));

                    a += (((f >> 6) | (f << 26)) ^ ((f >> 11) | (f << 21)) ^ ((f >> 25) | (f << 7))) + (h ^ (f & (g ^ h))) + k[r + 15] + w15;
                    e += a;
                    a += (((b >> 2) | (b << 30)) ^ ((b >> 13) | (b << 19)) ^ ((b >> 22) | (b << 10))) + ((b & c) | (d & (b | c)));
                }

                h0 += a;
                h1 += b;
                h2 += c;
                h3 += d;
                h4 += e;
                h5 += f;
                h6 += g;
                h7 += h;
            }

            state[0] = h0;
            state[1] = h1;
            state[2] = h2;
            state[3] = h3;
            state[4] = h4;
            state[5] = h5;
            state[6] = h6;
            state[7] = h7;
        }
    }
}
