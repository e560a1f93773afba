using KyodoHub.Core.Common;
using KyodoHub.Core.Matching;
using KyodoHub.Core.Requests;
using KyodoHub.Web.Data;
using KyodoHub.Web.Features.Matching;
using KyodoHub.Web.Features.Requests;
using KyodoHub.Web.Identity;
using KyodoHub.Web.Localization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace KyodoHub.Web.Features.Api;

/// <summary>
/// The request API for other systems, authenticated by <c>X-Api-Key</c>. Invalid input answers 400
/// with RFC 7807 problem details naming each bad field; an unknown or revoked key answers 401.
/// </summary>
internal static class RequestApi
{
    public static void MapRequestApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/requests").WithTags("Requests").AddEndpointFilter<JsonBodyFilter>();
        api.MapPost("/", CreateAsync)
            .DescribesJsonBody<CreateRequestDto>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .RequireAuthorization(Policies.ApiRequestsWrite)
            .WithSummary("Create a request")
            .WithDescription("Creates a request for a group and publishes RequestCreated to every dashboard and hub client.");
        api.MapGet("/{id:int}", GetAsync)
            .RequireAuthorization(Policies.ApiRequestsRead)
            .WithSummary("Get a request");
        api.MapGet("/{id:int}/candidates", CandidatesAsync)
            .RequireAuthorization(Policies.ApiRequestsRead)
            .WithSummary("Rank the candidates for a request")
            .WithDescription("The match engine's top candidates with their score breakdown. Registrants are given by id only.");
    }

    private static async Task<Results<Created<RequestDto>, ProblemHttpResult>> CreateAsync(
        JsonBody<CreateRequestDto> body, RequestIntakeService intake, IDbContextFactory<KyodoDbContext> factory, IStringLocalizer<SharedResource> localizer,
        CancellationToken cancellationToken)
    {
        var dto = body.Value;
        var errors = new ApiFieldErrors(localizer);
        if (CreateRequestValidator.Validate(dto, errors) is not { } details)
        {
            return errors.ToProblem();
        }
        int id;
        try
        {
            RequiredSkillRuleNames.TryParse(dto.RequiredSkillRule, out var rule);
            id = await intake.CreateAsync(dto.GroupId, details, RequestOrigin.Api, dto.AutoCascade, rule, cancellationToken);
        }
        catch (DomainValidationException ex)
        {
            errors.Add(ex);
            return errors.ToProblem();
        }
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var saved = await db.Requests.AsNoTracking().SingleAsync(r => r.Id == id, cancellationToken);
        return TypedResults.Created($"/api/requests/{id}", RequestDto.From(saved));
    }

    private static async Task<Results<Ok<RequestDto>, NotFound>> GetAsync(int id, IDbContextFactory<KyodoDbContext> factory, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var request = await db.Requests.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
        return request is null ? TypedResults.NotFound() : TypedResults.Ok(RequestDto.From(request));
    }

    private static async Task<Results<Ok<CandidatesDto>, NotFound>> CandidatesAsync(int id, CandidateRanking ranking, int? top, CancellationToken cancellationToken)
    {
        RankingView view;
        try
        {
            view = await ranking.RankUncheckedAsync(id, null, Math.Clamp(top ?? MatchEngine.DefaultTopK, 1, 100), cancellationToken);
        }
        catch (KeyNotFoundException)
        {
            return TypedResults.NotFound();
        }
        var candidates = view.Candidates.Select((c, i) => new CandidateDto(c.RegistrantId, i + 1, c.Total,
            c.Breakdown.SkillFit, c.Breakdown.Proximity, c.Breakdown.Slack, c.Breakdown.Fairness, c.Breakdown.Reliability, c.Breakdown.Preference)).ToList();
        return TypedResults.Ok(new CandidatesDto(id, view.EligibleCount, view.ExcludedCount,
            view.CountsByReason.Where(kv => kv.Value > 0).ToDictionary(kv => kv.Key.ToString(), kv => kv.Value), candidates));
    }
}
