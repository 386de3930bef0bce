using CoProduce.Core.Common;
using CoProduce.Core.Consultations;

namespace CoProduce.Server.Authoring;

/// <summary>The settings of a consultation as posted (create and settings pages).</summary>
public sealed class SettingsForm
{
    public string? Reference { get; set; }

    /// <summary>Only on the create page; afterwards the title is edited with the other texts.</summary>
    public BilingualInput Title { get; set; } = new();

    public string? Jurisdiction { get; set; }

    public string? Audience { get; set; }

    public string? Phase { get; set; }

    public UkDateTimeInput IssuedOn { get; set; } = new();

    public UkDateTimeInput OpensAt { get; set; } = new();

    public UkDateTimeInput ClosesAt { get; set; } = new();

    public bool RequiresApproval { get; set; }

    /// <summary>Twelve weeks from next Monday, 9:00 to 17:00 UK time: a common public consultation.</summary>
    public static SettingsForm Defaults(DateTimeOffset now)
    {
        var today = Journey.JourneyFormat.InUk(now).Date;
        var monday = today.AddDays(((int)DayOfWeek.Monday - (int)today.DayOfWeek + 7) % 7 + 7);
        return new SettingsForm
        {
            Jurisdiction = nameof(Core.Consultations.Jurisdiction.Wales),
            Audience = nameof(Core.Consultations.Audience.Public),
            Phase = nameof(CommissioningPhase.Analyse),
            IssuedOn = UkDateTimeInput.From(now),
            OpensAt = new UkDateTimeInput { Day = $"{monday.Day}", Month = $"{monday.Month}", Year = $"{monday.Year}", Time = "09:00" },
            ClosesAt = new UkDateTimeInput { Day = $"{monday.AddDays(84).Day}", Month = $"{monday.AddDays(84).Month}", Year = $"{monday.AddDays(84).Year}", Time = "17:00" },
        };
    }

    public static SettingsForm From(Consultation c) => new()
    {
        Reference = c.Reference,
        Jurisdiction = c.Jurisdiction.ToString(),
        Audience = c.Audience.ToString(),
        Phase = c.Phase.ToString(),
        IssuedOn = UkDateTimeInput.From(new DateTimeOffset(c.IssuedOn.ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero)),
        OpensAt = UkDateTimeInput.From(c.OpensAt),
        ClosesAt = UkDateTimeInput.From(c.ClosesAt),
        RequiresApproval = c.RequiresApproval,
    };

    /// <summary>Reads the posted values; on failure the page's errors say which fields are wrong.</summary>
    public bool TryRead(AuthoringPageModel page, out ConsultationSettings settings)
    {
        settings = null!; // Only read when true is returned.
        var ok = true;
        if (!Enum.TryParse<Jurisdiction>(Jurisdiction, out var jurisdiction) || !Enum.IsDefined(jurisdiction))
        {
            page.Errors.Add(new Journey.FieldError("Form-Jurisdiction", page.Localise("Authoring.Error.Choose")));
            ok = false;
        }

        if (!Enum.TryParse<Audience>(Audience, out var audience) || !Enum.IsDefined(audience))
        {
            page.Errors.Add(new Journey.FieldError("Form-Audience", page.Localise("Authoring.Error.Choose")));
            ok = false;
        }

        if (!Enum.TryParse<CommissioningPhase>(Phase, out var phase) || !Enum.IsDefined(phase))
        {
            page.Errors.Add(new Journey.FieldError("Form-Phase", page.Localise("Authoring.Error.Choose")));
            ok = false;
        }

        var issued = IssuedOn.ToDate();
        var opens = OpensAt.ToInstant();
        var closes = ClosesAt.ToInstant();
        foreach (var (value, field) in new[] { ((object?)issued, "Form-IssuedOn-Day"), (opens, "Form-OpensAt-Day"), (closes, "Form-ClosesAt-Day") })
        {
            if (value is null)
            {
                page.Errors.Add(new Journey.FieldError(field, page.Localise("Authoring.Error.DateTime")));
                ok = false;
            }
        }

        if (!ok || issued is null || opens is null || closes is null)
        {
            return false;
        }

        settings = new ConsultationSettings(Reference?.Trim() ?? "", issued.Value, opens.Value, closes.Value, audience, jurisdiction, phase, RequiresApproval);
        return true;
    }

    /// <summary>The form field a Core error belongs to.</summary>
    public static string? FieldFor(Error error) => error.Path switch
    {
        "reference" => "Form-Reference",
        "closesAt" => "Form-ClosesAt-Day",
        "opensAt" => "Form-OpensAt-Day",
        _ => null,
    };
}
