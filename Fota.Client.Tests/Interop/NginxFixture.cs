using System;
using System.IO;
using System.IO.Compression;
using System.Text;
using Fota.Client.Tests.Support;

namespace Fota.Client.Tests.Interop
{
    /// <summary>
    /// One nginx for the interop tests: plain HTTP with the cases real servers produce, TLS 1.2 only, TLS 1.3 only and
    /// TLS 1.0/1.1 only with a CA made here, and a small HTTP/1.0 upstream that sends its body without Content-Length.
    /// </summary>
    public sealed class NginxFixture : IDisposable
    {
        public const string FirmwarePath = "/plain/firmware.bin";

        private readonly TempFolder folder = new TempFolder();
        private readonly ScriptedServer upstream;
        private readonly Nginx nginx;
        private readonly Exception failure;

        public NginxFixture()
        {
            Image = Firmware.Make(300_000, seed: 11);
            Streamed = Firmware.Make(4 << 20, seed: 12);
            Ca = new TestCa();
            upstream = new ScriptedServer(c =>
            {
                c.Send("HTTP/1.0 200 OK\r\nContent-Type: application/octet-stream\r\n\r\n");
                c.Send(Streamed);
            });

            try
            {
                nginx = Nginx.Start(folder.Path, 4, Configure, out int[] ports);
                HttpPort = ports[0];
                Tls12Port = ports[1];
                Tls13Port = ports[2];
                Tls11Port = ports[3];
            }
            catch (InvalidOperationException e)
            {
                // Reported by every test (Require), so that a missing nginx reads as one clear message per test.
                failure = e;
            }
        }

        public byte[] Image { get; }

        /// <summary>What the upstream sends, which nginx streams to the client in chunks of at most 1 KiB.</summary>
        public byte[] Streamed { get; }

        public TestCa Ca { get; }

        public int HttpPort { get; }

        public int Tls12Port { get; }

        public int Tls13Port { get; }

        public int Tls11Port { get; }

        public string AccessLog => File.ReadAllText(folder.File("access.log"));

        public void Require()
        {
            if (failure != null)
            {
                throw new InvalidOperationException(failure.Message, failure);
            }
        }

        public string Http(string path) => "http://127.0.0.1:" + HttpPort + path;

        public void Dispose()
        {
            nginx?.Dispose();
            upstream.Dispose();
            Ca.Dispose();
            folder.Dispose();
        }

        private string Configure(int[] ports)
        {
            string www = folder.File("www");
            Directory.CreateDirectory(Path.Combine(www, "plain"));
            Directory.CreateDirectory(Path.Combine(www, "gz"));
            File.WriteAllBytes(Path.Combine(www, "plain", "firmware.bin"), Image);
            using (var gz = new GZipStream(File.Create(Path.Combine(www, "gz", "firmware.bin.gz")), CompressionLevel.Fastest))
            {
                gz.Write(Image);
            }

            var (certificate, key) = TestCa.ToPem(Ca.Issue("127.0.0.1"));
            File.WriteAllText(folder.File("server.crt"), certificate);
            File.WriteAllText(folder.File("server.key"), key);

            string dir = folder.Path;
            var conf = new StringBuilder();
            conf.Append("daemon off;\nmaster_process on;\nworker_processes 1;\n");
            conf.Append("pid " + dir + "/nginx.pid;\nerror_log " + dir + "/error.log warn;\n");

            // As root (CI) the workers would run as nobody, who may not reach a private temp folder.
            if (Environment.UserName == "root")
            {
                conf.Append("user root root;\n");
            }

            conf.Append("events { worker_connections 64; }\nhttp {\n");
            conf.Append("  default_type application/octet-stream;\n");
            conf.Append("  log_format fota '$server_port $request_uri $status $ssl_protocol';\n");
            conf.Append("  access_log " + dir + "/access.log fota;\n");
            foreach (string temp in new[] { "client_body", "proxy", "fastcgi", "uwsgi", "scgi" })
            {
                conf.Append("  " + temp + "_temp_path " + dir + "/" + temp + "_temp;\n");
            }

            conf.Append("  server {\n    listen 127.0.0.1:" + ports[0] + ";\n    root " + www + ";\n");
            conf.Append("    location /gz/ { gzip_static always; }\n");
            conf.Append("    location = /stream { proxy_pass http://127.0.0.1:" + upstream.Port + "/; proxy_buffering off; proxy_buffer_size 1k; }\n");
            conf.Append("    location = /moved { return 301 http://127.0.0.1:" + ports[0] + FirmwarePath + "; }\n");
            conf.Append("    location = /found { return 302 " + FirmwarePath + "; }\n");
            conf.Append("    location = /relative { absolute_redirect off; return 307 plain/firmware.bin; }\n");
            conf.Append("    location = /loop { return 302 /loop; }\n");
            conf.Append("    location = /fail { return 500; }\n  }\n");
            AppendTls(conf, ports[1], www, "TLSv1.2", null);
            AppendTls(conf, ports[2], www, "TLSv1.3", null);

            // Old versions need old ciphers, which OpenSSL keeps only at security level 0.
            AppendTls(conf, ports[3], www, "TLSv1 TLSv1.1", "DEFAULT:@SECLEVEL=0");
            conf.Append("}\n");
            return conf.ToString();
        }

        private void AppendTls(StringBuilder conf, int port, string www, string protocols, string ciphers)
        {
            conf.Append("  server {\n    listen 127.0.0.1:" + port + " ssl;\n    root " + www + ";\n");
            conf.Append("    ssl_certificate " + folder.File("server.crt") + ";\n    ssl_certificate_key " + folder.File("server.key") + ";\n");
            conf.Append("    ssl_protocols " + protocols + ";\n");
            if (ciphers != null)
            {
                conf.Append("    ssl_ciphers " + ciphers + ";\n");
            }

            conf.Append("  }\n");
        }
    }
}
