using Microsoft.Extensions.Localization;

namespace CoProduce.Server.Localisation;

/// <summary>
/// All UI strings are in one pair of files, so every <c>IStringLocalizer&lt;T&gt;</c> (handlers in Core,
/// data-annotation messages, view models) reads the same <c>locales/Strings*.resx</c>.
/// </summary>
public sealed class ResxStringLocalizerFactory(IStringLocalizer localizer) : IStringLocalizerFactory
{
    public IStringLocalizer Create(Type resourceSource) => localizer;

    public IStringLocalizer Create(string baseName, string location) => localizer;
}
