using CoProduce.Core.Consultations;
using CoProduce.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace CoProduce.Core.Organisations;

/// <summary>
/// The demo commissioning organisation that owns the demo content (Development only), and a demo
/// specialist service for the demo facilitator. Fixed ids so that every run agrees.
/// </summary>
public static class DemoOrganisation
{
    public static readonly OrganisationId CommissionerId = new(Guid.Parse("0b7e4f3a-5c1d-4e8a-9a51-000000000001"));
    public static readonly OrganisationId ServiceId = new(Guid.Parse("0b7e4f3a-5c1d-4e8a-9a51-000000000002"));

    public const string CommissionerName = "Bro Hafren VAWDASV Regional Partnership";
    public const string ServiceName = "Bro Hafren Rape Crisis (demo)";

    /// <summary>Creates the demo organisations when absent.</summary>
    public static async Task EnsureAsync(CoProduceDbContext db, CancellationToken cancellationToken = default)
    {
        if (!await db.Organisations.AnyAsync(o => o.Id == CommissionerId, cancellationToken))
        {
            var commissioner = new Organisation(CommissionerId, CommissionerName, OrganisationKind.CommissioningBody, Jurisdiction.Wales);
            commissioner.Update(CommissionerName, OrganisationKind.CommissioningBody, Jurisdiction.Wales, isSpecialist: false, isByAndFor: false, [], isSmallOrSme: false, "Bro Hafren", WelshLanguageOffer.Full, isVerified: true);
            db.Organisations.Add(commissioner);
        }

        if (!await db.Organisations.AnyAsync(o => o.Id == ServiceId, cancellationToken))
        {
            var service = new Organisation(ServiceId, ServiceName, OrganisationKind.SpecialistService, Jurisdiction.Wales);
            service.Update(ServiceName, OrganisationKind.SpecialistService, Jurisdiction.Wales, isSpecialist: true, isByAndFor: true, ["Women and girls who have experienced sexual violence"], isSmallOrSme: true, "Bro Hafren", WelshLanguageOffer.Partial, isVerified: true);
            db.Organisations.Add(service);
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}
