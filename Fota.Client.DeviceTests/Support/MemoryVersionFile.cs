using System;

namespace Fota.Client.DeviceTests
{
    /// <summary>A version store in RAM that can fail on demand, for the failed-module memory's logic without files.</summary>
    public class MemoryVersionFile : IVersionFile
    {
        /// <summary>Starts holding <paramref name="text"/> (<c>null</c>: nothing).</summary>
        public MemoryVersionFile(string text)
        {
            Text = text;
        }

        /// <summary>What is stored.</summary>
        public string Text { get; set; }

        /// <summary>When set, every call throws.</summary>
        public bool Broken { get; set; }

        /// <summary>How many times the text was written.</summary>
        public int Writes { get; private set; }

        /// <inheritdoc />
        public string Name
        {
            get { return "memory"; }
        }

        /// <inheritdoc />
        public string Read()
        {
            ThrowIfBroken();
            return Text;
        }

        /// <inheritdoc />
        public void Write(string text)
        {
            ThrowIfBroken();
            Text = text;
            Writes++;
        }

        /// <inheritdoc />
        public void Delete()
        {
            ThrowIfBroken();
            Text = null;
        }

        private void ThrowIfBroken()
        {
            if (Broken)
            {
                throw new InvalidOperationException("storage broken");
            }
        }
    }
}
