using System;

namespace Fota.Client
{
    /// <summary>
    /// Reads an HTTP date in the one form servers must send (RFC 9110 §5.6.7, IMF-fixdate:
    /// <c>Sun, 06 Nov 1994 08:49:37 GMT</c>) straight from the reader's buffer, without a string. The two obsolete forms
    /// are not read: a header in them counts as absent.
    /// </summary>
    internal static class HttpDate
    {
        private const int Length = 29;

        private static readonly char[] Months = "JanFebMarAprMayJunJulAugSepOctNovDec".ToCharArray();

        /// <summary>The date's ticks (UTC), or -1 when the bytes are not an IMF-fixdate.</summary>
        internal static long Parse(byte[] buffer, int from, int to)
        {
            if (to - from != Length || buffer[from + 3] != ',' || buffer[from + 4] != ' ' || buffer[from + 7] != ' '
                || buffer[from + 11] != ' ' || buffer[from + 16] != ' ' || buffer[from + 19] != ':' || buffer[from + 22] != ':'
                || buffer[from + 25] != ' ' || buffer[from + 26] != 'G' || buffer[from + 27] != 'M' || buffer[from + 28] != 'T')
            {
                return -1;
            }

            int month = -1;
            for (int m = 0; m < 12; m++)
            {
                if (buffer[from + 8] == Months[3 * m] && buffer[from + 9] == Months[3 * m + 1] && buffer[from + 10] == Months[3 * m + 2])
                {
                    month = m + 1;
                    break;
                }
            }

            int day = Digits(buffer, from + 5, 2);
            int year = Digits(buffer, from + 12, 4);
            int hour = Digits(buffer, from + 17, 2);
            int minute = Digits(buffer, from + 20, 2);
            int second = Digits(buffer, from + 23, 2);
            if (month < 0 || day < 1 || day > DaysIn(month, year) || year < 1 || hour > 23 || minute > 59 || second > 60)
            {
                return -1;
            }

            // A leap second reads as the next second's start.
            return new DateTime(year, month, day, hour, minute, second == 60 ? 59 : second).Ticks
                + (second == 60 ? TimeSpan.TicksPerSecond : 0);
        }

        private static int Digits(byte[] buffer, int at, int count)
        {
            int value = 0;
            for (int i = at; i < at + count; i++)
            {
                int digit = buffer[i] - '0';
                if (digit < 0 || digit > 9)
                {
                    return -1;
                }

                value = value * 10 + digit;
            }

            return value;
        }

        private static int DaysIn(int month, int year)
        {
            if (month == 2)
            {
                bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
                return leap ? 29 : 28;
            }

            return month == 4 || month == 6 || month == 9 || month == 11 ? 30 : 31;
        }
    }
}
