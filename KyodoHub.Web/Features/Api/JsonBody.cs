using System.Reflection;
using System.Text.Json;
using KyodoHub.Web.Localization;
using Microsoft.Extensions.Localization;

namespace KyodoHub.Web.Features.Api;

/// <summary>A JSON body of an API endpoint as <see cref="StrictJson"/> reads it, or why it could not be read.</summary>
internal interface IJsonBody
{
    /// <summary>Problem details naming the bad field, or null when the body was read.</summary>
    IResult? Problem { get; }
}

/// <summary>
/// Binds an endpoint's JSON body strictly: a wrong content type is 415 naming <c>Content-Type</c>;
/// a body that is not JSON, has a wrong type, a duplicated or unknown property or a forbidden
/// character is 400 naming the field's path. <see cref="JsonBodyFilter"/> answers with the problem.
/// </summary>
internal sealed class JsonBody<T> : IJsonBody where T : class
{
    /// <summary>The largest body the API reads.</summary>
    public const int MaxBytes = 256 * 1024;

    private readonly T? _value;

    private JsonBody(T? value, IResult? problem) => (_value, Problem) = (value, problem);

    public T Value => _value ?? throw new InvalidOperationException("The body was not read; the endpoint filter answers with its problem.");

    public IResult? Problem { get; }

    public static async ValueTask<JsonBody<T>?> BindAsync(HttpContext context, ParameterInfo parameter)
    {
        var errors = new ApiFieldErrors(context.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>());
        if (!context.Request.HasJsonContentType())
        {
            errors.Add("Content-Type", "Content-Type", "JsonContentType");
            return new(null, errors.ToProblem(StatusCodes.Status415UnsupportedMediaType));
        }
        var body = await ReadAsync(context.Request);
        if (body is null)
        {
            errors.Add(JsonFailure.Root, JsonFailure.BodyLabel, "TooLong");
            return new(null, errors.ToProblem(StatusCodes.Status413PayloadTooLarge));
        }
        try
        {
            if (JsonSerializer.Deserialize<T>(body.Value.Span, StrictJson.Options) is { } value)
            {
                return new(value, null);
            }
            errors.Add(JsonFailure.Root, JsonFailure.BodyLabel, "JsonObject");
        }
        catch (JsonException error)
        {
            errors.Add(JsonFailure.Of(error, body.Value, typeof(T)));
        }
        return new(null, errors.ToProblem());
    }

    // The body, or null when it is larger than the API reads.
    private static async Task<ReadOnlyMemory<byte>?> ReadAsync(HttpRequest request)
    {
        if (request.ContentLength > MaxBytes)
        {
            return null;
        }
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, request.HttpContext.RequestAborted)) > 0)
        {
            if (buffer.Length + read > MaxBytes)
            {
                return null;
            }
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }
}

/// <summary>Answers an endpoint's unreadable <see cref="JsonBody{T}"/> with its problem details before the handler runs.</summary>
internal sealed class JsonBodyFilter : IEndpointFilter
{
    public ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next) =>
        context.Arguments.OfType<IJsonBody>().FirstOrDefault(b => b.Problem is not null) is { Problem: { } problem }
            ? ValueTask.FromResult<object?>(problem)
            : next(context);
}

internal static class JsonBodyEndpoints
{
    /// <summary>
    /// Describes the JSON body in the OpenAPI document. Not <c>Accepts</c>: that makes routing
    /// answer another content type with a bare 415 before <see cref="JsonBody{T}"/> can name it.
    /// </summary>
    public static RouteHandlerBuilder DescribesJsonBody<T>(this RouteHandlerBuilder endpoint) =>
        endpoint.AddOpenApiOperationTransformer(async (operation, context, cancellationToken) =>
        {
            var schema = await context.GetOrCreateSchemaAsync(typeof(T), cancellationToken: cancellationToken);
            operation.RequestBody = new Microsoft.OpenApi.OpenApiRequestBody
            {
                Required = true,
                Content = new Dictionary<string, Microsoft.OpenApi.OpenApiMediaType> { ["application/json"] = new() { Schema = schema } },
            };
        });
}
