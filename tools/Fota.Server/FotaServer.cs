using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.AspNetCore.Connections;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Fota.Server
{
    /// <summary>
    /// A running upgrade server speaking the LuatOS platform's protocol at
    /// <c>GET /api/site/firmware_upgrade</c>, backed by a data folder (see <see cref="FotaCatalog"/>), with
    /// <c>GET /healthz</c> for operators. Start it with <see cref="Start"/>, stop it with <see cref="Stop"/> or
    /// <see cref="Dispose"/>.
    /// </summary>
    public sealed class FotaServer : IDisposable
    {
        /// <summary>The path devices ask, as on the platform.</summary>
        public const string UpgradePath = "/api/site/firmware_upgrade";

        private readonly WebApplication app;
        private readonly ServerParts parts;
        private bool stopped;

        private FotaServer(WebApplication app, ServerParts parts, string baseUrl)
        {
            this.app = app;
            this.parts = parts;
            Catalog = parts.Catalog;
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

        /// <summary>The most connections open at once: <see cref="FotaServerOptions.MaxConnections"/>, lowered to fit <c>ulimit -n</c>.</summary>
        public int ConnectionLimit
        {
            get { return parts.Guard.Limit; }
        }

        /// <summary>The limits in force, one line (connections, devices per project, downloads per day, idle time).</summary>
        public string Limits { get; private set; }

        /// <summary>A warning from start-up (e.g. the disk is full), or <c>null</c>; also written to the log.</summary>
        public string StartupWarning { get; private set; }

        /// <summary>Opens the data folder and starts listening; returns once the server accepts connections.</summary>
        /// <exception cref="ArgumentException">When the options are out of range or an address is not an IP literal, localhost or a wildcard.</exception>
        /// <exception cref="StorageException">When the data folder cannot be written.</exception>
        /// <exception cref="InvalidOperationException">When the open-file limit leaves no room for connections.</exception>
        /// <exception cref="System.IO.IOException">When an address cannot be bound (e.g. the port is in use).</exception>
        public static FotaServer Start(FotaServerOptions options)
        {
            ListenAddress[] addresses = CheckOptions(options);
            long fileLimit = FileDescriptors.Limit();
            int connections = FileDescriptors.ConnectionLimit(options.MaxConnections, fileLimit);
            if (connections < 8)
            {
                throw new InvalidOperationException("the open-file limit (ulimit -n) is " + fileLimit + ", too low to serve: at least "
                    + (FileDescriptors.Reserve + 16) + " are needed (" + FileDescriptors.Reserve + " for the server, two per connection)");
            }

            ServerParts parts = ServerParts.Open(options, connections);
            try
            {
                WebApplication app = Build(options, addresses, parts);
                app.StartAsync().GetAwaiter().GetResult();
                ICollection<string> bound = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>().Addresses;
                string limits = "at most " + connections + " connections"
                    + (connections < options.MaxConnections ? " (lowered from " + options.MaxConnections + " to fit ulimit -n " + fileLimit + ")" : "")
                    + ", " + options.MaxDevicesPerProject + " devices per project, " + options.MaxUpgradesPerDay + " downloads per device and day, "
                    + options.IdleSeconds + " s idle";
                var server = new FotaServer(app, parts, bound.First().TrimEnd('/')) { StartupWarning = parts.StartupWarning, Limits = limits };
                if (options.LogFile != null)
                {
                    // With a log of its own the file says where and how the server ran; otherwise the caller prints it.
                    parts.Log.Write("listening on " + string.Join(", ", bound) + "; " + limits);
                }

                return server;
            }
            catch
            {
                parts.Dispose();
                throw;
            }
        }

        /// <summary>Stops listening, waits for requests in progress (a few seconds at most), then writes what is queued.</summary>
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
            parts.Dispose();
        }

        /// <summary>Same as <see cref="Stop"/>.</summary>
        public void Dispose()
        {
            Stop();
        }

        /// <summary>Waits until the bookkeeping queued so far is in fota.db and the log lines so far are written.</summary>
        internal void Flush()
        {
            parts.Writer.Flush();
            parts.Log.Flush();
        }

        /// <summary>Checks every option; returns the addresses to listen on.</summary>
        private static ListenAddress[] CheckOptions(FotaServerOptions options)
        {
            if (options == null)
            {
                throw new ArgumentNullException(nameof(options));
            }

            if (options.Urls == null || options.Urls.Length == 0)
            {
                throw new ArgumentException("At least one URL to listen on is needed, e.g. " + FotaServerOptions.DefaultUrl + ".", nameof(options));
            }

            var addresses = new ListenAddress[options.Urls.Length];
            for (int i = 0; i < addresses.Length; i++)
            {
                addresses[i] = ListenAddress.TryParse(options.Urls[i], out string problem)
                    ?? throw new ArgumentException("Cannot listen on " + problem + ".", nameof(options));
            }

            Require(options.MaxUpgradesPerDay >= 1, "MaxUpgradesPerDay must be at least 1.");
            Require(options.PleaseWaitSeconds >= 0, "PleaseWaitSeconds must not be negative.");
            Require(options.MaxConnections >= 1, "MaxConnections must be at least 1.");
            Require(options.MaxDevicesPerProject >= 1, "MaxDevicesPerProject must be at least 1.");
            Require(options.IdleSeconds >= 1, "IdleSeconds must be at least 1.");
            Require(options.LogFileMaxBytes >= 4096, "LogFileMaxBytes must be at least 4096.");
            Require(options.LogFilesKept >= 0, "LogFilesKept must not be negative.");
            return addresses;
        }

        private static void Require(bool condition, string problem)
        {
            if (!condition)
            {
                throw new ArgumentException(problem, "options");
            }
        }

        private static WebApplication Build(FotaServerOptions options, ListenAddress[] addresses, ServerParts parts)
        {
            // The empty builder reads no appsettings.json or environment variables, so nothing but these options
            // decides where the server listens, and ASP.NET's own console logging stays off.
            WebApplicationBuilder builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions
            {
                EnvironmentName = "Production",
                ContentRootPath = parts.Database.DataDirectory,
            });
            builder.WebHost.UseKestrelCore();
            builder.WebHost.ConfigureKestrel(kestrel =>
            {
                kestrel.AddServerHeader = false;
                KestrelServerLimits limits = kestrel.Limits;
                TimeSpan idle = TimeSpan.FromSeconds(options.IdleSeconds);
                limits.KeepAliveTimeout = idle;
                limits.RequestHeadersTimeout = idle;
                // Not Kestrel's own limit: it counts closed-to-make-room connections until they are disposed and then
                // refuses newcomers (a device behind a flood would be reset). ConnectionGuard keeps the count instead.
                limits.MaxConcurrentConnections = null;
                limits.MaxRequestHeadersTotalSize = 16 * 1024;
                limits.MaxRequestHeaderCount = 64;
                limits.MaxRequestBodySize = 64 * 1024;
                // Firmware leaves in larger pieces (fewer wake-ups per megabyte): a download holds at most about 768 KiB
                // of buffers (this plus one 256 KiB block being read), however slowly its client reads.
                limits.MaxResponseBufferSize = 512 * 1024;
                limits.MinRequestBodyDataRate = new MinDataRate(240, TimeSpan.FromSeconds(5));
                limits.MinResponseDataRate = new MinDataRate(240, TimeSpan.FromSeconds(10));
                foreach (ListenAddress address in addresses)
                {
                    Action<ListenOptions> configure = listen =>
                    {
                        listen.Protocols = HttpProtocols.Http1;
                        listen.Use(parts.Guard.Middleware);
                    };
                    if (address.IsLocalhost)
                    {
                        kestrel.ListenLocalhost(address.Port, configure);
                    }
                    else if (address.IsAnyAddress)
                    {
                        kestrel.ListenAnyIP(address.Port, configure);
                    }
                    else
                    {
                        kestrel.Listen(address.Address, address.Port, configure);
                    }
                }
            });

            // Accept only when the guard has room (see GuardedTransport), in place of the plain socket transport.
            builder.Services.RemoveAll<IConnectionListenerFactory>();
            builder.Services.AddSingleton<IConnectionListenerFactory>(new GuardedTransport(parts.Guard));

            WebApplication app = builder.Build();
            app.Run(context => DispatchAsync(context, parts));
            return app;
        }

        private static async Task DispatchAsync(HttpContext context, ServerParts parts)
        {
            string path = context.Request.Path.Value;
            bool upgrade = string.Equals(path, UpgradePath, StringComparison.Ordinal);
            if (!upgrade && !string.Equals(path, HealthCheck.Path, StringComparison.Ordinal))
            {
                context.Response.StatusCode = 404;
                parts.Log.Write(context, "404 no such path");
                return;
            }

            // Methods are case-sensitive (RFC 9110 §9.1): "get" is not GET.
            if (!string.Equals(context.Request.Method, "GET", StringComparison.Ordinal))
            {
                context.Response.StatusCode = 405;
                context.Response.Headers.Allow = "GET";
                parts.Log.Write(context, "405 method not allowed");
                return;
            }

            string connection = context.Connection.Id;
            parts.Guard.RequestStarted(connection);
            try
            {
                if (upgrade)
                {
                    await parts.Endpoint.HandleAsync(context);
                }
                else
                {
                    await parts.Health.HandleAsync(context);
                }
            }
            catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
            {
                parts.Log.Write(context, "client left before the answer; nothing was recorded for it");
            }
            catch (Exception e) when (!context.Response.HasStarted)
            {
                context.Response.Clear();
                context.Response.StatusCode = 500;
                parts.Log.Write(context, "500 " + e.GetType().Name + ": " + e.Message);
            }
            catch (Exception e)
            {
                parts.Log.Write(context, "failed after the answer began, connection closed: " + e.GetType().Name + ": " + e.Message);
                context.Abort();
            }
            finally
            {
                parts.Guard.RequestEnded(connection);
            }
        }
    }
}
