using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Fota.Server
{
    /// <summary>
    /// A running upgrade server speaking the LuatOS platform's protocol at
    /// <c>GET /api/site/firmware_upgrade</c>, backed by a data folder (see <see cref="FotaCatalog"/>).
    /// Start it with <see cref="Start"/>, stop it with <see cref="Stop"/> or <see cref="Dispose"/>.
    /// </summary>
    public sealed class FotaServer : IDisposable
    {
        /// <summary>The path devices ask, as on the platform.</summary>
        public const string UpgradePath = "/api/site/firmware_upgrade";

        private readonly WebApplication app;
        private bool stopped;

        private FotaServer(WebApplication app, FotaCatalog catalog, string baseUrl)
        {
            this.app = app;
            Catalog = catalog;
            BaseUrl = baseUrl;
        }

        /// <summary>
        /// The first address the server listens on, with the real port (e.g. <c>http://127.0.0.1:41234</c> when
        /// started on port 0), without a trailing slash.
        /// </summary>
        public string BaseUrl { get; }

        /// <summary><see cref="BaseUrl"/> plus <see cref="UpgradePath"/>: the value for a device's <c>Url</c> option.</summary>
        public string UpgradeUrl
        {
            get { return BaseUrl + UpgradePath; }
        }

        /// <summary>The catalogue of the server's data folder, for administration while it runs.</summary>
        public FotaCatalog Catalog { get; }

        /// <summary>Opens the data folder and starts listening; returns once the server accepts connections.</summary>
        /// <exception cref="ArgumentException">When the options are out of range.</exception>
        /// <exception cref="System.IO.IOException">When an address cannot be bound (e.g. the port is in use).</exception>
        public static FotaServer Start(FotaServerOptions options)
        {
            if (options == null)
            {
                throw new ArgumentNullException(nameof(options));
            }

            if (options.Urls == null || options.Urls.Length == 0 || options.Urls.Any(string.IsNullOrWhiteSpace))
            {
                throw new ArgumentException("At least one URL to listen on is needed, e.g. " + FotaServerOptions.DefaultUrl + ".", nameof(options));
            }

            if (options.MaxUpgradesPerDay < 1)
            {
                throw new ArgumentException("MaxUpgradesPerDay must be at least 1.", nameof(options));
            }

            if (options.PleaseWaitSeconds < 0)
            {
                throw new ArgumentException("PleaseWaitSeconds must not be negative.", nameof(options));
            }

            TimeProvider time = options.Time ?? TimeProvider.System;
            var database = new FotaDatabase(options.DataDirectory);
            var catalog = new FotaCatalog(database, time);
            var endpoint = new UpgradeEndpoint(new UpgradeDecider(database, options, time), new RequestLog(options.Log, time));

            // The empty builder reads no appsettings.json or environment variables, so nothing but these options
            // decides where the server listens, and ASP.NET's own console logging stays off.
            WebApplicationBuilder builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions
            {
                EnvironmentName = "Production",
                ContentRootPath = database.DataDirectory,
            });
            builder.WebHost.UseKestrelCore();
            builder.WebHost.ConfigureKestrel(kestrel => kestrel.AddServerHeader = false);
            builder.WebHost.UseUrls(options.Urls);

            WebApplication app = builder.Build();
            app.Run(context => Dispatch(context, endpoint, options));
            app.StartAsync().GetAwaiter().GetResult();

            ICollection<string> addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>().Addresses;
            string baseUrl = addresses.First().TrimEnd('/');
            return new FotaServer(app, catalog, baseUrl);
        }

        /// <summary>Stops listening and waits for requests in progress (a few seconds at most).</summary>
        public void Stop()
        {
            if (stopped)
            {
                return;
            }

            stopped = true;
            using (var patience = new System.Threading.CancellationTokenSource(TimeSpan.FromSeconds(5)))
            {
                app.StopAsync(patience.Token).GetAwaiter().GetResult();
            }

            ((IAsyncDisposable)app).DisposeAsync().AsTask().GetAwaiter().GetResult();
        }

        /// <summary>Same as <see cref="Stop"/>.</summary>
        public void Dispose()
        {
            Stop();
        }

        private static async Task Dispatch(HttpContext context, UpgradeEndpoint endpoint, FotaServerOptions options)
        {
            if (!context.Request.Path.Equals(UpgradePath, StringComparison.Ordinal))
            {
                context.Response.StatusCode = 404;
                return;
            }

            if (!HttpMethods.IsGet(context.Request.Method))
            {
                context.Response.StatusCode = 405;
                context.Response.Headers.Allow = "GET";
                return;
            }

            try
            {
                await endpoint.HandleAsync(context);
            }
            catch (Exception e) when (!context.Response.HasStarted)
            {
                context.Response.Clear();
                context.Response.StatusCode = 500;
                options.Log?.WriteLine("500 " + e.GetType().Name + ": " + e.Message);
            }
        }
    }
}
