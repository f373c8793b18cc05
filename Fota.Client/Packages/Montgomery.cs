namespace Fota.Client
{
    /// <summary>
    /// Modular arithmetic on fixed-size numbers for RSA verification: little-endian arrays of 32-bit limbs, every
    /// array sized once by the caller, nothing allocated here. Products use Montgomery's method (CIOS, both carry
    /// chains in one loop), which needs no division, only multiplications the interpreter does natively on 64 bits.
    /// </summary>
    internal static class Montgomery
    {
        /// <summary>-n⁻¹ mod 2³² for an odd <paramref name="lowLimb"/>, by Newton's iteration (each step doubles the correct bits).</summary>
        internal static uint Inverse(uint lowLimb)
        {
            uint x = lowLimb;
            for (int i = 0; i < 5; i++)
            {
                x *= 2 - lowLimb * x;
            }

            return 0 - x;
        }

        /// <summary>
        /// result = a·b·R⁻¹ mod n with R = 2^(32·limbs), for a, b &lt; n. <paramref name="t"/> is scratch of
        /// <c>n.Length + 1</c> limbs; <paramref name="result"/> may be <paramref name="a"/> or <paramref name="b"/>
        /// (it is written only at the end).
        /// </summary>
        internal static void Multiply(uint[] a, uint[] b, uint[] n, uint inverse, uint[] t, uint[] result)
        {
            int s = n.Length;
            for (int j = 0; j <= s; j++)
            {
                t[j] = 0;
            }

            for (int i = 0; i < s; i++)
            {
                // t = (t + a·b[i] + m·n) / 2³², with m chosen so that the division is exact. Each sum fits 64 bits:
                // (2³²−1) + (2³²−1)² + (2³²−1) = 2⁶⁴−1.
                ulong bi = b[i];
                ulong x = t[0] + a[0] * bi;
                uint m = (uint)x * inverse;
                ulong y = (uint)x + (ulong)m * n[0];
                ulong carry1 = x >> 32;
                ulong carry2 = y >> 32;
                for (int j = 1; j < s; j++)
                {
                    x = t[j] + a[j] * bi + carry1;
                    carry1 = x >> 32;
                    y = (uint)x + (ulong)m * n[j] + carry2;
                    carry2 = y >> 32;
                    t[j - 1] = (uint)y;
                }

                x = t[s] + carry1;
                y = (uint)x + carry2;
                t[s - 1] = (uint)y;
                t[s] = (uint)((x >> 32) + (y >> 32));
            }

            // t < 2n here, so one subtraction brings it below n.
            if (t[s] != 0 || !IsLess(t, n))
            {
                Subtract(t, n, result);
            }
            else
            {
                for (int j = 0; j < s; j++)
                {
                    result[j] = t[j];
                }
            }
        }

        /// <summary>R² mod n (R = 2^(32·limbs)) for an odd n whose top bit is set; <paramref name="t"/> as in <see cref="Multiply"/>.</summary>
        internal static void RSquared(uint[] n, uint inverse, uint[] t, uint[] result)
        {
            int s = n.Length;

            // R mod n = R − n because n > R/2: the two's complement of n (n is odd, so no carry leaves the low limb).
            result[0] = 0 - n[0];
            for (int j = 1; j < s; j++)
            {
                result[j] = ~n[j];
            }

            // Doubling s times gives 2^s·R mod n, the Montgomery form of 2^s; five Montgomery squarings then give
            // the form of 2^(32·s) = R, which is R² mod n. Cheaper than 32·s doublings or a long division.
            for (int k = 0; k < s; k++)
            {
                uint carry = 0;
                for (int j = 0; j < s; j++)
                {
                    uint limb = result[j];
                    result[j] = (limb << 1) | carry;
                    carry = limb >> 31;
                }

                if (carry != 0 || !IsLess(result, n))
                {
                    Subtract(result, n, result);
                }
            }

            for (int k = 0; k < 5; k++)
            {
                Multiply(result, result, n, inverse, t, result);
            }
        }

        /// <summary>Whether the low <c>n.Length</c> limbs of <paramref name="x"/> are below n.</summary>
        internal static bool IsLess(uint[] x, uint[] n)
        {
            for (int j = n.Length - 1; j >= 0; j--)
            {
                if (x[j] != n[j])
                {
                    return x[j] < n[j];
                }
            }

            return false;
        }

        // result = x − n over n.Length limbs (a borrow out of the top limb is dropped: callers know x ≥ n,
        // possibly with a limb above the top that the borrow clears).
        private static void Subtract(uint[] x, uint[] n, uint[] result)
        {
            ulong borrow = 0;
            for (int j = 0; j < n.Length; j++)
            {
                ulong difference = (ulong)x[j] - n[j] - borrow;
                result[j] = (uint)difference;
                borrow = difference >> 63;
            }
        }
    }
}
