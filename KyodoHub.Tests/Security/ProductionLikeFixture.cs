using KyodoHub.Tests.Infrastructure;
using KyodoHub.Web.Features.Public;
using Microsoft.Extensions.DependencyInjection;

namespace KyodoHub.Tests.Security;

/// <summary>
/// The app as a live server runs it: the Production environment over HTTPS, with every log message
/// captured. The public results page is broken on purpose, to see what users and the log get when
/// something fails.
/// </summary>
public sealed class ProductionLikeFixture() : AppFixture(new KyodoAppFactory
{
    Environment = "Production",
    HttpsCertificate = TestCertificates.SelfSigned(),
    Logs = new CapturedLogs(),
    TestServices = services => services.AddScoped<PublicResultsService>(_ => throw new InvalidOperationException(ForcedFailure)),
})
{
    public const string ForcedFailure = "forced failure for the error page test";

    public CapturedLogs Logs => App.Logs!;
}

[CollectionDefinition(Name)]
public sealed class ProductionLikeCollection : ICollectionFixture<ProductionLikeFixture>
{
    public const string Name = "production-like";
}
