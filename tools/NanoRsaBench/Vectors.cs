// Made by make-vectors.sh (fota keygen, fota pack, openssl); regenerate with it, do not edit.
namespace Fota.NanoRsaBench
{
    /// <summary>Fixed keys and packages for <see cref="Verdicts"/>: packed as bench_nanoFramework 1.0.1, 200 bytes of firmware.</summary>
    public static class Vectors
    {
        /// <summary>A public key.</summary>
        public const string Key2048 =
            "-----BEGIN PUBLIC KEY-----\n" +
            "MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEArFDgLU8DobpO6DtdLpsz\n" +
            "FffNp2p69oK2+no9dfah5T/b906pclnUOCntYb8tACiA6U2ZeQXE2X77BHo0Lgnr\n" +
            "oqzyLE77rwNu1eXGdYRmbPoN6SG4wvPT6zMIba5uBzH7vYOkcg6LVg59ugOhMyjT\n" +
            "BjkNFGvSBGhQU5S9lKXnx0o9aI+iFe6WrMa+UjCbDDaeOA1Iq0r99HcwY0So1K60\n" +
            "mfn017DXL+AHMvH71aMaQNIFdNJ6GCURkN0y3YdQDZ8R9nrBE+QAzQLDXr6g6ImN\n" +
            "Y1v/eszUjTGjjY+W3n5w1ajSFkQjy7ltpLH/u+3qQY2qXkFz4/8/uv8hnKrixEsb\n" +
            "NwIDAQAB\n" +
            "-----END PUBLIC KEY-----\n";

        /// <summary>A public key.</summary>
        public const string Other2048Pkcs1 =
            "-----BEGIN RSA PUBLIC KEY-----\n" +
            "MIIBCgKCAQEAvyJV4JQ3ygsl4r/Hk1j2RKH02hx2jYICPq7m+Tale4zw0yQ1asK6\n" +
            "ws1ldehl+56g+ykcQy337h0p5mSpa/cgNRJN0WMKVZoB8cayBzqdRMwqHmKVo7hx\n" +
            "gyIBuaPvkKU07r5nXEasPfMzf12XMsfYseittONVfcXV/ub6WZgZYyeyyo4LTN56\n" +
            "p+KSsPPyEFQPRAIixrwLKKUC9DTCqxBcN6dbUr+eSP34cT5O+OeUPvov0zx8KO98\n" +
            "qzTyMybmg7NQIHGwPk5MiqGI+kYH/fwlQB5SKdwd5s5gFRcpfh1xlq3vhhFlDcDZ\n" +
            "HMQOQR6H3JjauZ3S5rhWodUWkiF4dLAAJwIDAQAB\n" +
            "-----END RSA PUBLIC KEY-----\n";

        /// <summary>A public key.</summary>
        public const string Key3072 =
            "-----BEGIN PUBLIC KEY-----\n" +
            "MIIBojANBgkqhkiG9w0BAQEFAAOCAY8AMIIBigKCAYEA0vgQsWJyjtynrJRWSv5Y\n" +
            "LF6cAGxkkzYu6CWnrD8p/4FX5hMlwvwto8dzoVsqK1MYF8zg3r53LdGxjyWcQAKe\n" +
            "syMaUR220MQ+C3J9BLR39FktGh6LmmQKrzuSdY3SgA7S+sP7dbDlaxydo+gFWuo5\n" +
            "5stngUNZ/vmJNtBtMSPYfLQzWN87ohF43i6t9LwyBXtfjUhLbC/ErG45D6yr+83o\n" +
            "xNWQZxMhx0FF7b2sBCfeiEYQDpIO9Z9SzbUkVbiZm89QK22qKLG3vFup5DHdfuYr\n" +
            "OimSUu6z6emqykeBiK3dmAAHVRR4rRoOhQlgTaN+PbrEbNMHnBj8LoYYAGlApHyU\n" +
            "Q2z2eUFzYtAQ9shPnoYe0xMdI8WwjvjPqtTFTVirf53aapyUin74J+HhC3OLmZjO\n" +
            "vZXyP3J0HBrDn829ElDf9webZjKeYkKPgyeMqa0ZiQtZhUh2+672dJcVmaUgaDvx\n" +
            "SeB28F9ZfL21k5+U2yuVdmzktfKQa1jxzM5IFo3mZl0fAgMBAAE=\n" +
            "-----END PUBLIC KEY-----\n";

        /// <summary>Package signed with <see cref="Key2048"/>, base64.</summary>
        public const string Package2048 = "iUZQSwEAAFYBAAAAAAAAAADINp1BHm0ziVZqUGYuDzdFKt1CRdFd01hxKEJd616pMfRrTTGU1RA+DwAAAAEAAAABE2JlbmNoX25hbm9GcmFtZXdvcmt430Ql+pFWJT0wFtkzI31iT1Y5gLWB1Ih921/ZwDGrf8WxhLHixKgi6P4xMQySpZ1NQ1zn+FeSvLuiBYziozNvhkaNPyQzjrhfvJ3df6l9ow83+8yPmK9d73XVWOxZGfn9vwT8TDF7in9bxmJqYRZcqHrb6VRSJ4gZwv9/7M33E+bAWnSwlbd2GNehXv/8AumM6aeYDMxUmW74XZDp2CjpSkF9h+W6ZNBjUsllufWYSz1/rASHXKFPeTY8+p0l8OCtJ7mdOxiLNiptJ/h6gEQ1VBPcfHvs1nG62nagQSI1HbvW99iYSRV4SQR/JOBzyzoWF11xmNJ1GXgXBO0VU11/lAIhLJ2J1M9Q9ztHKc95QzpsUj6KhMKq3dnwqVkBHGUiXJiQW0vUn7db5zcKPI9It6Aq8iTgp8miKhVtjbEDMMOTGEBeLw/Gw593AMsGW17OUY9Y6RnTOuz/jh5Lt+Fq9hJSt8YdB2iUEohHWes43/1p++8F+OEosrcrvZO2hyT/0BxMr1qkQdxFxfL+OZgZy2+C+9Dgkrk8ywaIYrmsIys7BpaY+10AROS4SA7Zi4kGiGleJh4Z2YuAPE9fF+uaaLm2IlyAKwQ=";

        /// <summary>Package signed with <see cref="Key3072"/>, base64.</summary>
        public const string Package3072 = "iUZQSwEAAFYBgAAAAAAAAADINp1BHm0ziVZqUGYuDzdFKt1CRdFd01hxKEJd616pMfTCU1MDAmODNQAAAAEAAAABE2JlbmNoX25hbm9GcmFtZXdvcmsj93DVyi9ocQqVvJdx8iV/Fjw76Xg7f413uiYGvI478aC7yXljef7/ZO1yLbHNJ1FccdDvkUWEde8qWN4IVlxV0eaGBTpoZaRUAvbd2jBMSg6ZZ+yzkOV3I3D6IGmcFZB3JUD9rQjE8GqoWeFdVV0f0t1oEb55rVaF6MuMcRSgbE7UQRsvdtdXNHzrEEPuTtBNdozDIHD/dzdLEgNgZNJ7ntSURHPy48k7QOUiEqwbuQQNbZUYNE2DJTAd7ntxeFQYtNG0Y+90dfrFOyzsUrwfj5BXO73qzmm6Uz5CVQzlWCbZ9r4BApPTGnCX2XnLPh9gGXFI8ljRC6f56C2LvWmQ0CIM4JVsko6bXBSdOFd1u1t7Bjb6PQ7zag8CgAiozpZMDBb2zKX1zOP/z4/1D5dQJGwc7MJABfpN9FkCDCdB6d3cwpb1gkGj3KPE4MvRar9Bosjx6hsbYDwyocvK3m86F1+Z9m7xsN8jNkkLThGrxpyRy4EhNv1SvquDLMw39hOUAiEsnYnUz1D3O0cpz3lDOmxSPoqEwqrd2fCpWQEcZSJcmJBbS9Sft1vnNwo8j0i3oCryJOCnyaIqFW2NsQMww5MYQF4vD8bDn3cAywZbXs5Rj1jpGdM67P+OHku34Wr2ElK3xh0HaJQSiEdZ6zjf/Wn77wX44Siytyu9k7aHJP/QHEyvWqRB3EXF8v45mBnLb4L70OCSuTzLBohiuawjKzsGlpj7XQBE5LhIDtmLiQaIaV4mHhnZi4A8T18X65poubYiXIArBA==";
    }
}
