using System;
using System.Buffers.Binary;
using System.Linq;
using System.Security.Cryptography;

namespace Fota.Client.Tests.FlashSlot
{
    /// <summary>
    /// A secondary slot that behaves like nanoFramework's (nf-interpreter MCUboot_UpdateSession.cpp, and
    /// docs/update-sessions.md of nanoFramework.Runtime.InFieldUpdate): NOR flash that reads 0xFF when erased and whose
    /// bits a write can only clear; one session at a time; chunks appended at NextOffset; a fresh session erases the
    /// slot and wants a valid MCUboot header in its first chunk; a resume reads the stored header, finds the last byte
    /// that is not erased, rewinds to the start of the erase block holding it and erases that block again (a header
    /// block is not worth keeping); completing checks structure and SHA-256 and schedules the swap.
    /// </summary>
    internal sealed class SimulatedSlot : IFlashSlot
    {
        private const byte Erased = 0xFF;

        private readonly byte[] flash;
        private readonly int eraseBlock;
        private bool sessionOpen;
        private int totalLength;

        internal SimulatedSlot(int size = 256 * 1024, int eraseBlock = 4096)
        {
            flash = Enumerable.Repeat(Erased, size).ToArray();
            this.eraseBlock = eraseBlock;
        }

        /// <summary>A firmware without the in-field-update slot.</summary>
        internal bool Missing { get; set; }

        /// <summary>Offset from which every write fails with a flash error (-1: never).</summary>
        internal int FailWritesFrom { get; set; } = -1;

        /// <summary>A completed image waits for the reboot that swaps it in.</summary>
        internal bool SwapPending { get; private set; }

        /// <summary>Bytes programmed by successful writes, over the slot's life.</summary>
        internal long BytesWritten { get; private set; }

        /// <summary>Whole-slot erases (a fresh session, an erase request, an abort with erase).</summary>
        internal int SlotErases { get; private set; }

        internal bool SessionOpen => sessionOpen;

        public int NextOffset { get; private set; }

        public bool IsResumed { get; private set; }

        internal byte[] Read(int length) => flash.Take(length).ToArray();

        internal bool IsBlank => flash.All(b => b == Erased);

        public SlotResult Start(int length)
        {
            SlotResult claim = Claim(length);
            if (claim != SlotResult.Success)
            {
                return claim;
            }

            EraseAll();
            Open(length, 0, false);
            return SlotResult.Success;
        }

        public SlotResult Resume(int length, byte[] expectedHeader)
        {
            SlotResult claim = Claim(length);
            if (claim != SlotResult.Success)
            {
                return claim;
            }

            if (BinaryPrimitives.ReadUInt32LittleEndian(flash) != McuBootImage.ImageMagic)
            {
                return SlotResult.NoImage;
            }

            if (expectedHeader != null && !flash.Take(Math.Min(expectedHeader.Length, McuBootImage.HeaderSize)).SequenceEqual(expectedHeader.Take(McuBootImage.HeaderSize)))
            {
                return SlotResult.HeaderMismatch;
            }

            long span = Span(flash);
            if (span > length)
            {
                return SlotResult.HeaderMismatch;
            }

            if (span + 4 <= length && BinaryPrimitives.ReadUInt16LittleEndian(flash.AsSpan((int)span)) == McuBootImage.TlvInfoMagic
                && span + BinaryPrimitives.ReadUInt16LittleEndian(flash.AsSpan((int)span + 2)) > length)
            {
                return SlotResult.HeaderMismatch;
            }

            int highWater = length;
            while (highWater > 0 && flash[highWater - 1] == Erased)
            {
                highWater--;
            }

            int blockStart = (highWater - 1) / eraseBlock * eraseBlock;
            if (highWater == 0 || blockStart == 0)
            {
                return SlotResult.NoImage;
            }

            Array.Fill(flash, Erased, blockStart, Math.Min(eraseBlock, flash.Length - blockStart));
            Open(length, blockStart, true);
            return SlotResult.Success;
        }

        public SlotResult Store(byte[] data, int offset, int count)
        {
            if (!sessionOpen)
            {
                return SlotResult.BadToken;
            }

            if (NextOffset + count > totalLength)
            {
                return SlotResult.TooLarge;
            }

            if (NextOffset == 0 && count > 0
                && (count < McuBootImage.HeaderSize || BinaryPrimitives.ReadUInt32LittleEndian(data.AsSpan(offset)) != McuBootImage.ImageMagic
                    || Span(data.AsSpan(offset, McuBootImage.HeaderSize)) > totalLength))
            {
                return SlotResult.BadMagic;
            }

            if (FailWritesFrom >= 0 && NextOffset + count > FailWritesFrom)
            {
                return SlotResult.FlashError;
            }

            for (int i = 0; i < count; i++)
            {
                flash[NextOffset + i] &= data[offset + i];
            }

            NextOffset += count;
            BytesWritten += count;
            return SlotResult.Success;
        }

        public SlotResult Complete()
        {
            if (!sessionOpen)
            {
                return SlotResult.BadToken;
            }

            if (NextOffset != totalLength)
            {
                return SlotResult.Incomplete;
            }

            sessionOpen = false;
            SlotResult verdict = Verify();
            SwapPending = verdict == SlotResult.Success;
            return verdict;
        }

        public SlotResult Abort(bool eraseSlot)
        {
            if (!sessionOpen)
            {
                return SlotResult.BadToken;
            }

            sessionOpen = false;
            if (eraseSlot)
            {
                EraseAll();
            }

            return SlotResult.Success;
        }

        public SlotResult Erase()
        {
            if (sessionOpen)
            {
                return SlotResult.Busy;
            }

            EraseAll();
            return SlotResult.Success;
        }

        private static long Span(ReadOnlySpan<byte> header) =>
            (long)BinaryPrimitives.ReadUInt16LittleEndian(header.Slice(8)) + BinaryPrimitives.ReadUInt32LittleEndian(header.Slice(12))
            + BinaryPrimitives.ReadUInt16LittleEndian(header.Slice(10));

        private SlotResult Claim(int length)
        {
            if (Missing)
            {
                return SlotResult.NoSlot;
            }

            if (length < McuBootImage.HeaderSize)
            {
                return SlotResult.BadArgument;
            }

            if (length > flash.Length)
            {
                return SlotResult.TooLarge;
            }

            // The same writer opening again replaces its own session.
            sessionOpen = false;
            return SwapPending ? SlotResult.SwapInFlight : SlotResult.Success;
        }

        private void Open(int length, int next, bool resumed)
        {
            sessionOpen = true;
            totalLength = length;
            NextOffset = next;
            IsResumed = resumed;
        }

        private void EraseAll()
        {
            Array.Fill(flash, Erased);
            SlotErases++;
        }

        private SlotResult Verify()
        {
            if (BinaryPrimitives.ReadUInt32LittleEndian(flash) != McuBootImage.ImageMagic)
            {
                return SlotResult.BadMagic;
            }

            int span = (int)Span(flash);
            if (span + 4 > totalLength || BinaryPrimitives.ReadUInt16LittleEndian(flash.AsSpan(span)) != McuBootImage.TlvInfoMagic)
            {
                return SlotResult.BadTlv;
            }

            int end = span + BinaryPrimitives.ReadUInt16LittleEndian(flash.AsSpan(span + 2));
            if (end > totalLength)
            {
                return SlotResult.BadTlv;
            }

            for (int at = span + 4; at + 4 <= end;)
            {
                ushort type = BinaryPrimitives.ReadUInt16LittleEndian(flash.AsSpan(at));
                ushort length = BinaryPrimitives.ReadUInt16LittleEndian(flash.AsSpan(at + 2));
                at += 4;
                if (at + length > end)
                {
                    return SlotResult.BadTlv;
                }

                if (type == McuBootImage.TlvSha256 && length == 32)
                {
                    byte[] computed = SHA256.HashData(flash.AsSpan(0, span));
                    return computed.AsSpan().SequenceEqual(flash.AsSpan(at, 32)) ? SlotResult.Success : SlotResult.HashMismatch;
                }

                at += length;
            }

            return SlotResult.BadTlv;
        }
    }
}
