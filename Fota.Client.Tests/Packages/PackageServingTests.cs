using System;
using System.IO;
using System.Linq;
using Fota.Client.Tests.Server;
using Xunit;

namespace Fota.Client.Tests.Packages
{
    /// <summary>The server stores a signed package as given and serves it byte for byte; a device's stage accepts what it serves.</summary>
    public class PackageServingTests : IClassFixture<ToolPackage>
    {
        private readonly ToolPackage package;

        public PackageServingTests(ToolPackage package)
        {
            this.package = package;
        }

        [Fact]
        public void AnAddedPackageIsServedUnchangedAndVerifiesOnTheDevicesStage()
        {
            using var server = new ServerHarness(seed: false);
            string key = server.Catalog.CreateProject("signed").Key;
            string file = Path.Combine(server.DataDirectory, "upload.pkg");
            File.WriteAllBytes(file, package.Bytes);
            server.Catalog.AddFirmware(key, ToolPackage.Name, ToolPackage.Version, file);

            Reply reply = server.Get(ServerHarness.Query("C81234567830", key, ToolPackage.Name, "1.0.6"));
            var region = new RecordingRegion();

            Assert.Equal(200, reply.Status);
            Assert.Equal(package.Bytes, reply.Body);
            Assert.Null(region.Run(package.Stage(), reply.Body, 1000, 2000));
            Assert.Equal(package.Payload, region.Written);
        }

        [Fact]
        public void TheCatalogueRefusesAPackageSignedForAnotherNameOrVersionAndKeepsNothing()
        {
            using var server = new ServerHarness(seed: false);
            string key = server.Catalog.CreateProject("signed").Key;
            string file = Path.Combine(server.DataDirectory, "upload.pkg");
            File.WriteAllBytes(file, package.Bytes);

            var name = Assert.Throws<Fota.Server.FotaCatalogException>(() => server.Catalog.AddFirmware(key, "other", ToolPackage.Version, file));
            var version = Assert.Throws<Fota.Server.FotaCatalogException>(() => server.Catalog.AddFirmware(key, ToolPackage.Name, "1.0.8", file));
            File.WriteAllBytes(file, package.Bytes.Take(50).ToArray());
            var header = Assert.Throws<Fota.Server.FotaCatalogException>(() => server.Catalog.AddFirmware(key, ToolPackage.Name, ToolPackage.Version, file));

            Assert.Equal("The package is signed for firmware '" + ToolPackage.Name + "', not 'other'.", name.Message);
            Assert.Equal("The package is signed as version 1.0.7, not 1.0.8.", version.Message);
            Assert.StartsWith("'" + file + "' starts like a signed package but is not one: package header incomplete: 50 bytes", header.Message);
            Assert.Empty(server.Catalog.ListFirmware());
            Assert.Empty(Directory.GetFiles(Path.Combine(server.DataDirectory, "firmware")));
        }
    }
}
