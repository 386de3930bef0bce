using System.Net;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using CoProduce.Core.Consultations;
using CoProduce.Core.Organisations;
using CoProduce.Core.Staff;
using CoProduce.Core.Storage;
using CoProduce.Server.Staff;
using CoProduce.Server.Tests.Infrastructure;
using CoProduce.Server.Tests.Journey;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CoProduce.Server.Tests.Staff;

/// <summary>Staff accounts made through the real use cases, and a browser without JavaScript to sign them in.</summary>
public static partial class StaffTestHelpers
{
    public const string Password = "Correct-Horse-Battery-9";

    public static async Task<OrganisationId> AddOrganisationAsync(this ServerFactory factory, string name = "Test organisation")
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CoProduceDbContext>();
        var organisation = new Organisation(OrganisationId.New(), $"{name} {Guid.NewGuid():N}", OrganisationKind.CommissioningBody, Jurisdiction.Wales);
        db.Organisations.Add(organisation);
        await db.SaveChangesAsync();
        return organisation.Id;
    }

    public static async Task<(StaffUserId Id, string Email)> AddStaffAsync(this ServerFactory factory, StaffRoles roles, OrganisationId? organisation = null, string password = Password)
    {
        var org = organisation ?? await factory.AddOrganisationAsync();
        var email = $"staff-{Guid.NewGuid():N}@example.org";
        await using var scope = factory.Services.CreateAsyncScope();
        var created = await scope.ServiceProvider.GetRequiredService<StaffAccounts>()
            .CreateAsync(null, new CreateStaffUserRequest(email, "Test " + roles, org, roles), password);
        Assert.True(created.IsSuccess, string.Join("; ", created.Errors));
        return (created.Value.Id, email);
    }

    /// <summary>A cookie-keeping browser that follows redirects.</summary>
    public static JourneyClient Browser(this ServerFactory factory) =>
        new(factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = true }));

    public static async Task SignInAsync(this JourneyClient browser, string email, string password = Password, string prefix = "")
    {
        await browser.GetAsync($"{prefix}/staff/sign-in");
        await browser.PostAsync($"{prefix}/staff/sign-in", ("email", email), ("password", password));
    }

    /// <summary>The current code of an authenticator app for a base32 key (RFC 6238: SHA-1, 30 s, 6 digits).</summary>
    public static string Totp(string base32Key, DateTimeOffset? at = null)
    {
        var key = Base32(base32Key.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant());
        var counter = (at ?? DateTimeOffset.UtcNow).ToUnixTimeSeconds() / 30;
        var message = new byte[8];
        for (var i = 7; i >= 0; i--)
        {
            message[i] = (byte)(counter & 0xFF);
            counter >>= 8;
        }

        var hash = HMACSHA1.HashData(key, message);
        var offset = hash[^1] & 0x0F;
        var binary = ((hash[offset] & 0x7F) << 24) | (hash[offset + 1] << 16) | (hash[offset + 2] << 8) | hash[offset + 3];
        return (binary % 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
    }

    public static string? Shown(this JourneyClient browser, string id)
    {
        var match = Regex.Match(browser.Html, $"id=\"{id}\"[^>]*>([^<]+)<");
        return match.Success ? WebUtility.HtmlDecode(match.Groups[1].Value.Trim()) : null;
    }

    public static IReadOnlyList<string> RecoveryCodes(this JourneyClient browser)
    {
        var list = Regex.Match(browser.Html, "id=\"recovery-codes\">(.*?)</ul>", RegexOptions.Singleline);
        return Regex.Matches(list.Groups[1].Value, "<code>([^<]+)</code>").Select(m => m.Groups[1].Value).ToArray();
    }

    private static byte[] Base32(string text)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var bytes = new List<byte>();
        int buffer = 0, bits = 0;
        foreach (var c in text.TrimEnd('='))
        {
            buffer = (buffer << 5) | alphabet.IndexOf(c, StringComparison.Ordinal);
            bits += 5;
            if (bits >= 8)
            {
                bytes.Add((byte)(buffer >> (bits - 8)));
                bits -= 8;
            }
        }

        return bytes.ToArray();
    }
}
