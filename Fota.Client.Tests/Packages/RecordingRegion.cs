using System;
using System.Collections.Generic;
using System.IO;

namespace Fota.Client.Tests.Packages
{
    /// <summary>
    /// Drives a <see cref="PackageStage"/> the way the downloader will: the region is begun only once the header
    /// verified, receives exactly the payload ranges the stage hands back, and is committed only after Finish.
    /// Records every call, so a test can see that a bad header reached nothing at all.
    /// </summary>
    internal sealed class RecordingRegion
    {
        private readonly MemoryStream written = new MemoryStream();

        public List<string> Calls { get; } = new List<string>();

        public long BegunWith { get; private set; } = -1;

        public byte[] Written => written.ToArray();

        public bool Committed { get; private set; }

        /// <summary>Feeds <paramref name="body"/> cut at <paramref name="cuts"/> (ascending offsets); returns the refusal or null.</summary>
        public string Run(PackageStage stage, byte[] body, params int[] cuts)
        {
            try
            {
                int start = 0;
                foreach (int end in Ends(body.Length, cuts))
                {
                    // Each segment in its own array with junk around it, as a reused receive buffer would hold it.
                    byte[] buffer = new byte[end - start + 6];
                    Array.Fill(buffer, (byte)0xEE);
                    Array.Copy(body, start, buffer, 3, end - start);
                    int count = stage.Consume(buffer, 3, end - start, out int payloadOffset);
                    if (BegunWith < 0 && stage.HeaderVerified)
                    {
                        BegunWith = stage.PayloadLength;
                        Calls.Add("Begin " + BegunWith);
                    }

                    if (count > 0)
                    {
                        if (BegunWith < 0 || payloadOffset < 3 || payloadOffset + count > 3 + end - start)
                        {
                            throw new InvalidOperationException("payload handed back outside the segment or before the header verified");
                        }

                        written.Write(buffer, payloadOffset, count);
                        Calls.Add("Write " + count);
                    }

                    start = end;
                }

                stage.Finish();
                Committed = true;
                Calls.Add("Commit");
                return null;
            }
            catch (FotaException e)
            {
                if (e.Result != FotaResult.VerificationFailed)
                {
                    throw;
                }

                if (BegunWith >= 0)
                {
                    Calls.Add("Abort");
                }

                return e.Message;
            }
        }

        private static IEnumerable<int> Ends(int length, int[] cuts)
        {
            foreach (int cut in cuts)
            {
                yield return cut;
            }

            yield return length;
        }
    }
}
