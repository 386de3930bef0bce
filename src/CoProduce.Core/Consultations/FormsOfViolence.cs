namespace CoProduce.Core.Consultations;

/// <summary>A form of violence against women and girls, as named in one jurisdiction's strategy.</summary>
public sealed record FormOfViolence(string Code, Jurisdiction Jurisdiction, int SortOrder, LocalizedText Name);

/// <summary>
/// The seeded reference data: forms of VAWG (England) and of VAWDASV (Wales). Migration 0001 inserts
/// exactly these rows into <c>forms_of_violence</c>; administrators may add more there.
/// </summary>
public static class FormsOfViolence
{
    public static IReadOnlyList<FormOfViolence> England { get; } =
    [
        new("england.rape-sexual-offences", Jurisdiction.England, 1, new("Rape and other sexual offences", "Trais rhywiol a throseddau rhywiol eraill")),
        new("england.stalking", Jurisdiction.England, 2, new("Stalking", "Stelcio")),
        new("england.domestic-abuse", Jurisdiction.England, 3, new("Domestic abuse", "Cam-drin domestig")),
        new("england.honour-based-abuse", Jurisdiction.England, 4, new("'Honour'-based abuse (including female genital mutilation, forced marriage and 'honour' killings)", "Cam-drin ar sail 'anrhydedd' (gan gynnwys anffurfio organau cenhedlu benywod, priodas dan orfod a lladd ar sail 'anrhydedd')")),
        new("england.intimate-image-abuse", Jurisdiction.England, 5, new("'Revenge porn' (intimate image abuse)", "'Pornograffi dial' (cam-drin delweddau personol)")),
        new("england.upskirting", Jurisdiction.England, 6, new("'Upskirting'", "'Upskirting' (tynnu lluniau o dan ddillad rhywun heb ganiatâd)")),
        new("england.child-sexual-abuse", Jurisdiction.England, 7, new("Child sexual abuse", "Cam-drin plant yn rhywiol")),
        new("england.child-sexual-exploitation", Jurisdiction.England, 8, new("Child sexual exploitation", "Camfanteisio'n rhywiol ar blant")),
        new("england.controlling-coercive-behaviour", Jurisdiction.England, 9, new("Controlling and coercive behaviour", "Ymddygiad rheolaethol a gorfodol")),
        new("england.sexual-harassment", Jurisdiction.England, 10, new("Sexual harassment", "Aflonyddu rhywiol")),
        new("england.online-offences", Jurisdiction.England, 11, new("Offences committed online", "Troseddau a gyflawnir ar-lein")),
    ];

    public static IReadOnlyList<FormOfViolence> Wales { get; } =
    [
        new("wales.rape-sexual-assault", Jurisdiction.Wales, 1, new("Rape and sexual assault, including child sexual abuse", "Trais rhywiol ac ymosodiad rhywiol, gan gynnwys cam-drin plant yn rhywiol")),
        new("wales.non-recent-child-sexual-abuse", Jurisdiction.Wales, 2, new("Non-recent child sexual abuse", "Cam-drin plant yn rhywiol nad yw'n ddiweddar")),
        new("wales.domestic-abuse", Jurisdiction.Wales, 3, new("Domestic abuse", "Cam-drin domestig")),
        new("wales.sexual-harassment", Jurisdiction.Wales, 4, new("Sexual harassment", "Aflonyddu rhywiol")),
        new("wales.forced-marriage", Jurisdiction.Wales, 5, new("Forced marriage", "Priodas dan orfod")),
        new("wales.fgm", Jurisdiction.Wales, 6, new("Female genital mutilation (FGM)", "Anffurfio organau cenhedlu benywod (FGM)")),
        new("wales.sexual-exploitation", Jurisdiction.Wales, 7, new("Sexual exploitation, including through the sex industry", "Camfanteisio rhywiol, gan gynnwys drwy'r diwydiant rhyw")),
        new("wales.trafficking-modern-slavery", Jurisdiction.Wales, 8, new("Trafficking and modern slavery", "Masnachu pobl a chaethwasiaeth fodern")),
        new("wales.honour-based-violence", Jurisdiction.Wales, 9, new("So-called 'honour'-based violence", "Trais ar sail 'anrhydedd' fel y'i gelwir")),
        new("wales.stalking", Jurisdiction.Wales, 10, new("Stalking", "Stelcio")),
    ];

    public static IReadOnlyList<FormOfViolence> All { get; } = [.. England, .. Wales];
}
