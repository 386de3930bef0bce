using System.Globalization;
using CoProduce.Server.Pages.Errors;
using CoProduce.Server.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;

namespace CoProduce.Server.Tests.Localisation;

public sealed class StringLocalizerTests(ServerFactory factory) : IClassFixture<ServerFactory>
{
    [Theory]
    [InlineData("cy-GB", "Cwcis")]
    [InlineData("en-GB", "Cookies")]
    public void TypedLocalizer_AnyType_ReadsTheSharedLocaleFiles(string culture, string expected)
    {
        var localizer = factory.Services.GetRequiredService<IStringLocalizer<ErrorModel>>();
        var previous = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
            Assert.Equal(expected, localizer["Footer.Cookies"].Value);
            Assert.True(localizer["No.Such.Key"].ResourceNotFound);
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }
}
