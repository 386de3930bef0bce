using System.Globalization;
using CoProduce.Core.Consultations;

namespace CoProduce.Server.Authoring;

/// <summary>Every text of a consultation as posted by the content page, English and Welsh side by side.</summary>
public sealed class ContentForm
{
    public BilingualInput Title { get; set; } = new();

    public BilingualInput Summary { get; set; } = new();

    public BilingualInput Body { get; set; } = new();

    public BilingualInput IssuingBody { get; set; } = new();

    public BilingualInput NeutralPageTitle { get; set; } = new();

    public List<string> FormsOfViolence { get; set; } = [];

    public bool RespondOnline { get; set; }

    public string? RespondEmail { get; set; }

    public BilingualInput RespondPostalAddress { get; set; } = new();

    public BilingualInput RespondNotes { get; set; } = new();

    public BilingualInput ContactName { get; set; } = new();

    public string? ContactEmail { get; set; }

    public string? ContactTelephone { get; set; }

    public BilingualInput ContactPostalAddress { get; set; } = new();

    public BilingualInput ContactNotes { get; set; } = new();

    public List<DocumentForm> Documents { get; set; } = [];

    public BilingualInput Controller { get; set; } = new();

    public BilingualInput DataProtectionOfficer { get; set; } = new();

    public BilingualInput LawfulBasis { get; set; } = new();

    public BilingualInput WhoSeesResponses { get; set; } = new();

    public bool ResponsesMayBePublished { get; set; }

    public BilingualInput Publication { get; set; } = new();

    public BilingualInput RedactionOnRequest { get; set; } = new();

    public BilingualInput FreedomOfInformation { get; set; } = new();

    public string? RetentionYears { get; set; }

    public BilingualInput Retention { get; set; } = new();

    public BilingualInput Rights { get; set; } = new();

    public BilingualInput RegulatorName { get; set; } = new();

    public BilingualInput RegulatorPostalAddress { get; set; } = new();

    public string? RegulatorTelephone { get; set; }

    public string? RegulatorEmail { get; set; }

    public string? RegulatorWebsite { get; set; }

    /// <param name="blankDocument">Adds an empty document row for adding one (drafts only).</param>
    public static ContentForm From(ConsultationDetails d, bool blankDocument)
    {
        var dp = d.DataProtection;
        var form = new ContentForm
        {
            Title = BilingualInput.From(d.Title),
            Summary = BilingualInput.From(d.Summary),
            Body = BilingualInput.From(d.Body),
            IssuingBody = BilingualInput.From(d.IssuingBody),
            NeutralPageTitle = BilingualInput.From(d.NeutralPageTitle),
            FormsOfViolence = [.. d.FormsOfViolence],
            RespondOnline = d.HowToRespond.Online,
            RespondEmail = d.HowToRespond.Email,
            RespondPostalAddress = BilingualInput.From(d.HowToRespond.PostalAddress),
            RespondNotes = BilingualInput.From(d.HowToRespond.Notes),
            ContactName = BilingualInput.From(d.Contact.Name),
            ContactEmail = d.Contact.Email,
            ContactTelephone = d.Contact.Telephone,
            ContactPostalAddress = BilingualInput.From(d.Contact.PostalAddress),
            ContactNotes = BilingualInput.From(d.Contact.Notes),
            Documents = d.Documents.Select(DocumentForm.From).ToList(),
            Controller = BilingualInput.From(dp.Controller),
            DataProtectionOfficer = BilingualInput.From(dp.DataProtectionOfficer),
            LawfulBasis = BilingualInput.From(dp.LawfulBasis),
            WhoSeesResponses = BilingualInput.From(dp.WhoSeesResponses),
            ResponsesMayBePublished = dp.ResponsesMayBePublished,
            Publication = BilingualInput.From(dp.Publication),
            RedactionOnRequest = BilingualInput.From(dp.RedactionOnRequest),
            FreedomOfInformation = BilingualInput.From(dp.FreedomOfInformation),
            RetentionYears = dp.RetentionYears.ToString(CultureInfo.InvariantCulture),
            Retention = BilingualInput.From(dp.Retention),
            Rights = BilingualInput.From(dp.Rights),
            RegulatorName = BilingualInput.From(dp.Regulator.Name),
            RegulatorPostalAddress = BilingualInput.From(dp.Regulator.PostalAddress),
            RegulatorTelephone = dp.Regulator.Telephone,
            RegulatorEmail = dp.Regulator.Email,
            RegulatorWebsite = dp.Regulator.Website,
        };
        if (blankDocument)
        {
            form.Documents.Add(new DocumentForm());
        }

        return form;
    }

    /// <summary>The details, or null with the page's errors set when a number is not a number.</summary>
    public ConsultationDetails? Read(AuthoringPageModel page)
    {
        if (!int.TryParse(RetentionYears, NumberStyles.None, CultureInfo.InvariantCulture, out var years) || years is < 1 or > 10)
        {
            page.Errors.Add(new Journey.FieldError("Form-RetentionYears", page.Localise("Authoring.Error.RetentionYears")));
        }

        var documents = new List<ReadAlongsideDocument>();
        for (var i = 0; i < Documents.Count; i++)
        {
            if (Documents[i].IsBlank)
            {
                continue;
            }

            if (Documents[i].Read() is { } document)
            {
                documents.Add(document);
            }
            else
            {
                page.Errors.Add(new Journey.FieldError($"Form-Documents-{i}-SizeBytes", page.Localise("Authoring.Error.SizeBytes")));
            }
        }

        if (page.Errors.Any)
        {
            return null;
        }

        return new ConsultationDetails
        {
            Title = Title.ToText(),
            Summary = Summary.ToText(),
            Body = Body.ToText(),
            IssuingBody = IssuingBody.ToText(),
            NeutralPageTitle = NeutralPageTitle.ToOptional(),
            FormsOfViolence = FormsOfViolence.Where(f => !string.IsNullOrWhiteSpace(f)).Distinct().ToArray(),
            HowToRespond = new HowToRespond
            {
                Online = RespondOnline,
                Email = Optional(RespondEmail),
                PostalAddress = RespondPostalAddress.ToOptional(),
                Notes = RespondNotes.ToOptional(),
            },
            Contact = new ContactDetails
            {
                Name = ContactName.ToText(),
                Email = Optional(ContactEmail),
                Telephone = Optional(ContactTelephone),
                PostalAddress = ContactPostalAddress.ToOptional(),
                Notes = ContactNotes.ToOptional(),
            },
            Documents = documents,
            DataProtection = new DataProtectionNotice
            {
                Controller = Controller.ToText(),
                DataProtectionOfficer = DataProtectionOfficer.ToOptional(),
                LawfulBasis = LawfulBasis.ToText(),
                WhoSeesResponses = WhoSeesResponses.ToText(),
                ResponsesMayBePublished = ResponsesMayBePublished,
                Publication = Publication.ToText(),
                RedactionOnRequest = RedactionOnRequest.ToText(),
                FreedomOfInformation = FreedomOfInformation.ToText(),
                RetentionYears = years,
                Retention = Retention.ToOptional(),
                Rights = Rights.ToText(),
                Regulator = new RegulatorContact
                {
                    Name = RegulatorName.ToText(),
                    PostalAddress = RegulatorPostalAddress.ToOptional(),
                    Telephone = Optional(RegulatorTelephone),
                    Email = Optional(RegulatorEmail),
                    Website = RegulatorWebsite?.Trim() ?? "",
                },
            },
        };
    }

    internal static string? Optional(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

/// <summary>A document to read alongside, as posted.</summary>
public sealed class DocumentForm
{
    public BilingualInput Title { get; set; } = new();

    public BilingualInput Url { get; set; } = new();

    public string? Format { get; set; }

    public string? SizeBytes { get; set; }

    /// <summary>One alternative format a line, English and Welsh lines in the same order.</summary>
    public BilingualInput AlternativeFormats { get; set; } = new();

    public bool IsBlank => Title.IsEmpty && Url.IsEmpty && string.IsNullOrWhiteSpace(Format);

    public static DocumentForm From(ReadAlongsideDocument d) => new()
    {
        Title = BilingualInput.From(d.Title),
        Url = BilingualInput.From(d.Url),
        Format = d.Format,
        SizeBytes = d.SizeBytes?.ToString(CultureInfo.InvariantCulture),
        AlternativeFormats = new BilingualInput
        {
            En = string.Join('\n', d.AlternativeFormats.Select(a => a.En)),
            Cy = string.Join('\n', d.AlternativeFormats.Select(a => a.Cy)),
        },
    };

    public ReadAlongsideDocument? Read()
    {
        long? size = null;
        if (!string.IsNullOrWhiteSpace(SizeBytes))
        {
            if (!long.TryParse(SizeBytes.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var parsed))
            {
                return null;
            }

            size = parsed;
        }

        var en = Lines(AlternativeFormats.En);
        var cy = Lines(AlternativeFormats.Cy);
        var alternatives = Enumerable.Range(0, Math.Max(en.Length, cy.Length))
            .Select(i => new LocalizedText(i < en.Length ? en[i] : "", i < cy.Length ? cy[i] : ""))
            .ToArray();
        return new ReadAlongsideDocument
        {
            Title = Title.ToText(),
            Url = Url.ToText(),
            Format = Format?.Trim() ?? "",
            SizeBytes = size,
            AlternativeFormats = alternatives,
        };
    }

    private static string[] Lines(string? text) =>
        (text ?? "").ReplaceLineEndings("\n").Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
}
