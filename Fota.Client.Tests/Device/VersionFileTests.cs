using System;
using System.IO;
using System.Text;
using Fota.Client.Tests.Support;
using Xunit;

namespace Fota.Client.Tests.Device
{
    /// <summary>
    /// The failed-module memory's file on real files: written whole or not at all, whatever moment a reset cuts the
    /// write, and never read back as something it did not write.
    /// </summary>
    public sealed class VersionFileTests : IDisposable
    {
        private readonly TempFolder folder = new TempFolder();

        public void Dispose() => folder.Dispose();

        private string PathOf => folder.File("fota.failed");

        [Fact]
        public void AWrittenVersionIsReadBackAndReplacedWithoutLeavingTheTemporaryFile()
        {
            var file = new VersionFile(PathOf);
            Assert.Null(file.Read());

            file.Write("1.0.3");
            Assert.Equal("1.0.3\n", File.ReadAllText(PathOf));
            Assert.Equal("1.0.3", file.Read());

            file.Write("1025.1.12");
            Assert.Equal("1025.1.12", new VersionFile(PathOf).Read());
            Assert.Equal(new[] { PathOf }, folder.Files());

            file.Delete();
            Assert.Null(file.Read());
            Assert.Empty(folder.Files());
            file.Delete();
        }

        [Fact]
        public void AResetWhileTheNewTextIsWrittenLeavesTheOldOne()
        {
            var file = new VersionFile(PathOf);
            file.Write("1.0.3");
            File.WriteAllText(file.TemporaryPath, "1.0.");   // cut before its line feed

            Assert.Equal("1.0.3", file.Read());
            file.Write("1.0.4");
            Assert.Equal("1.0.4", file.Read());
            Assert.False(File.Exists(file.TemporaryPath));
        }

        [Fact]
        public void AResetBetweenRemovingTheOldFileAndRenamingTheNewOneKeepsTheNewOne()
        {
            var file = new VersionFile(PathOf);
            File.WriteAllText(file.TemporaryPath, "1.0.4\n");

            Assert.Equal("1.0.4", file.Read());
            file.Write("1.0.5");
            Assert.Equal("1.0.5", file.Read());
            Assert.Equal(new[] { PathOf }, folder.Files());
        }

        [Theory]
        [InlineData("")]
        [InlineData("\n")]
        [InlineData("1.0.3")]
        [InlineData("1.0.3\r")]
        [InlineData("1.0 3\n")]
        [InlineData("1.0.\u00e93\n")]
        [InlineData("1.0.3\n\n")]
        public void ContentsItDidNotWriteWholeAreNothing(string contents)
        {
            File.WriteAllBytes(PathOf, Encoding.UTF8.GetBytes(contents));
            Assert.Null(new VersionFile(PathOf).Read());
        }

        [Fact]
        public void ALongFileIsNotReadAsAVersion()
        {
            File.WriteAllText(PathOf, new string('1', 100) + "\n");
            Assert.Null(new VersionFile(PathOf).Read());
        }

        [Theory]
        [InlineData(null)]
        [InlineData("")]
        [InlineData("1.0 .3")]
        [InlineData("1.0.3\n")]
        [InlineData("1.0.\u00e9")]
        public void TextThatCannotBeReadBackIsRefusedBeforeAnythingIsWritten(string text)
        {
            var file = new VersionFile(PathOf);
            file.Write("1.0.3");
            Assert.Throws<ArgumentException>(() => file.Write(text));
            Assert.Equal("1.0.3", file.Read());
            Assert.Throws<ArgumentException>(() => file.Write(new string('9', 64)));
        }

        [Fact]
        public void AFolderThatDoesNotExistFailsTheWrite()
        {
            var file = new VersionFile(folder.File(Path.Combine("missing", "fota.failed")));
            Assert.ThrowsAny<IOException>(() => file.Write("1.0.3"));
            Assert.Null(file.Read());
        }
    }
}
