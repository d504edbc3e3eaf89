using CoworkSync.Functions.Web.Components;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CoworkSync.Functions.Web;

/// <summary>
/// A form post to either face without a valid antiforgery token ends here, after <c>UseAntiforgery</c> has checked it:
/// 400 with a page that says what happened and what to do, instead of the framework's empty answer. Nothing the
/// request asked for is done. Also covers endpoints that read no form (sign-out), which nothing else would stop.
/// </summary>
public sealed class RejectedForms(RequestDelegate next, IEnumerable<Face> faces, ILogger<RejectedForms> logger)
{
    public Task InvokeAsync(HttpContext context)
    {
        if (context.Features.Get<IAntiforgeryValidationFeature>() is not { IsValid: false }
            || faces.FirstOrDefault(f => context.Request.Path.StartsWithSegments(f.Path)) is not { } face)
            return next(context);

        logger.FormRejected(context.Request.Method, face.Name);
        return new RazorComponentResult<ProblemDocument>(new
        {
            Face = face,
            Title = "This form has expired",
            Message = "The page you sent it from was too old, or came from somewhere else, so nothing was changed. " +
                "Go back, reload the page and send the form again.",
        })
        { StatusCode = StatusCodes.Status400BadRequest }.ExecuteAsync(context);
    }
}
