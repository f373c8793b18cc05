using System;
using System.Collections.Generic;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Headers;
using Microsoft.Net.Http.Headers;

namespace Fota.Server
{
    /// <summary>
    /// Conditional requests on a firmware file, in the order of RFC 9110 §13.2.2: <c>If-Match</c> (else
    /// <c>If-Unmodified-Since</c>) fails with 412, then <c>If-None-Match</c> (else <c>If-Modified-Since</c>)
    /// answers 304. The validators are the file's ETag (its SHA-256) and its upload time. Neither answer sends
    /// the body, so neither counts as a download.
    /// </summary>
    internal static class Preconditions
    {
        /// <summary>412, 304, or 0 when the request goes on to <c>Range</c> and the body.</summary>
        public static int Evaluate(HttpRequest request, string etag, DateTimeOffset lastModified)
        {
            RequestHeaders headers = request.GetTypedHeaders();
            var current = new EntityTagHeaderValue(etag);
            DateTimeOffset modified = TruncateToSeconds(lastModified);

            IList<EntityTagHeaderValue> ifMatch = headers.IfMatch;
            if (ifMatch.Count > 0)
            {
                if (!Matches(ifMatch, current, strong: true))
                {
                    return 412;
                }
            }
            else if (request.Headers.IfUnmodifiedSince.Count > 0 && headers.IfUnmodifiedSince is DateTimeOffset unmodifiedSince
                && modified > unmodifiedSince)
            {
                return 412;
            }

            IList<EntityTagHeaderValue> ifNoneMatch = headers.IfNoneMatch;
            if (ifNoneMatch.Count > 0)
            {
                return Matches(ifNoneMatch, current, strong: false) ? 304 : 0;
            }

            if (request.Headers.IfModifiedSince.Count > 0 && headers.IfModifiedSince is DateTimeOffset modifiedSince && modified <= modifiedSince)
            {
                return 304;
            }

            return 0;
        }

        private static bool Matches(IList<EntityTagHeaderValue> tags, EntityTagHeaderValue current, bool strong)
        {
            foreach (EntityTagHeaderValue tag in tags)
            {
                if (tag.Equals(EntityTagHeaderValue.Any) || tag.Compare(current, strong))
                {
                    return true;
                }
            }

            return false;
        }

        private static DateTimeOffset TruncateToSeconds(DateTimeOffset time)
        {
            return new DateTimeOffset(time.UtcTicks - time.UtcTicks % TimeSpan.TicksPerSecond, TimeSpan.Zero);
        }
    }
}
