using System.Text.Json.Serialization;
using CoProduce.Core.Consultations;

namespace CoProduce.Core.Organisations;

public readonly record struct OrganisationId(Guid Value)
{
    public static OrganisationId New() => new(Guid.NewGuid());

    public override string ToString() => Value.ToString();
}

/// <summary>What an organisation is in the commissioning cycle. Stored as its name.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<OrganisationKind>))]
public enum OrganisationKind
{
    CommissioningBody,
    SpecialistService,
    Other,
}

/// <summary>How much of its service an organisation offers in Welsh. Stored as its name.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<WelshLanguageOffer>))]
public enum WelshLanguageOffer
{
    None,
    Partial,
    Full,
}

/// <summary>
/// A commissioning body, a specialist service or another organisation, with the registry attributes
/// the product brief lists (specialist, by and for, communities served, small/SME, area, Welsh offer).
/// Staff accounts belong to one organisation; consultations are owned by one.
/// </summary>
public sealed class Organisation
{
    private Organisation()
    {
        // For EF Core materialisation.
        Name = "";
        Area = "";
        CommunitiesServed = [];
    }

    public Organisation(OrganisationId id, string name, OrganisationKind kind, Jurisdiction jurisdiction)
    {
        Id = id;
        Name = name.Trim();
        Kind = kind;
        Jurisdiction = jurisdiction;
        Area = "";
        CommunitiesServed = [];
    }

    public OrganisationId Id { get; private set; }

    /// <summary>Unique display name.</summary>
    public string Name { get; private set; }

    public OrganisationKind Kind { get; private set; }

    /// <summary>A service specialising in violence against women and girls.</summary>
    public bool IsSpecialist { get; private set; }

    /// <summary>Led by and for the communities it serves (e.g. Black and minoritised women, Deaf survivors).</summary>
    public bool IsByAndFor { get; private set; }

    /// <summary>The communities a by-and-for organisation serves, in its own words.</summary>
    public List<string> CommunitiesServed { get; private set; }

    public bool IsSmallOrSme { get; private set; }

    /// <summary>Where it works (a local authority, police force area or region), free text.</summary>
    public string Area { get; private set; }

    public WelshLanguageOffer WelshLanguageOffer { get; private set; }

    public Jurisdiction Jurisdiction { get; private set; }

    /// <summary>Checked by an administrator (verified membership of the registry).</summary>
    public bool IsVerified { get; private set; }

    /// <summary>Replaces every attribute (an administrator's edit).</summary>
    public void Update(
        string name,
        OrganisationKind kind,
        Jurisdiction jurisdiction,
        bool isSpecialist,
        bool isByAndFor,
        IEnumerable<string> communitiesServed,
        bool isSmallOrSme,
        string area,
        WelshLanguageOffer welshLanguageOffer,
        bool isVerified)
    {
        Name = name.Trim();
        Kind = kind;
        Jurisdiction = jurisdiction;
        IsSpecialist = isSpecialist;
        IsByAndFor = isByAndFor;
        CommunitiesServed = communitiesServed.Select(c => c.Trim()).Where(c => c.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        IsSmallOrSme = isSmallOrSme;
        Area = area.Trim();
        WelshLanguageOffer = welshLanguageOffer;
        IsVerified = isVerified;
    }
}
