using Asp.Versioning;
using Microsoft.AspNetCore.Mvc;

namespace Kushiro.OpenData.Api.Http;

/// <summary>
/// What every v1 REST controller shares: version 1.0 in the URL, and the answers any GET may give besides
/// its own (304 on revalidation, 400 for a bad or unknown query parameter, 406 for an Accept we cannot serve, 412 for
/// If-Match or If-Unmodified-Since, 429 past the client's rate limit).
/// </summary>
[ApiController]
[ApiVersion(1.0)]
[ProducesResponseType(StatusCodes.Status304NotModified)]
[ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest, "application/problem+json")]
[ProducesResponseType<ProblemDetails>(StatusCodes.Status406NotAcceptable, "application/problem+json")]
[ProducesResponseType<ProblemDetails>(StatusCodes.Status412PreconditionFailed, "application/problem+json")]
[ProducesResponseType<ProblemDetails>(StatusCodes.Status429TooManyRequests, "application/problem+json")]
public abstract class ApiV1Controller : ControllerBase;
