using System.Linq;
using System.Net.Http;
using System.Text;
using System.Text.Json;

namespace Fota.Client.Tests.Server
{
    /// <summary>One HTTP answer read completely: status, the headers tests look at, body and the JSON code if any.</summary>
    internal sealed class Reply
    {
        public Reply(HttpResponseMessage response)
        {
            Status = (int)response.StatusCode;
            Body = response.Content.ReadAsByteArrayAsync().GetAwaiter().GetResult();
            ContentType = response.Content.Headers.ContentType?.ToString();
            ContentLength = response.Content.Headers.ContentLength;
            ContentRange = response.Content.Headers.ContentRange?.ToString();
            AcceptRanges = string.Join(",", response.Headers.AcceptRanges);
            ETag = response.Headers.ETag?.ToString();
            RetryAfter = response.Headers.RetryAfter?.Delta?.TotalSeconds;
            Code = -1;
            if (ContentType != null && ContentType.StartsWith("application/json"))
            {
                using JsonDocument json = JsonDocument.Parse(Body);
                // /healthz answers JSON without a platform code.
                if (json.RootElement.TryGetProperty("code", out JsonElement code))
                {
                    Code = code.GetInt32();
                    Message = json.RootElement.GetProperty("msg").GetString();
                }
            }
        }

        public int Status { get; }

        public byte[] Body { get; }

        public string Text
        {
            get { return Encoding.UTF8.GetString(Body); }
        }

        public string ContentType { get; }

        public long? ContentLength { get; }

        public string ContentRange { get; }

        public string AcceptRanges { get; }

        public string ETag { get; }

        public double? RetryAfter { get; }

        /// <summary>The JSON <c>code</c>, or -1 when the body is not JSON.</summary>
        public int Code { get; }

        public string Message { get; }

        public override string ToString()
        {
            return Status + " " + (Code >= 0 ? Text : Body.Length + " bytes");
        }
    }
}
