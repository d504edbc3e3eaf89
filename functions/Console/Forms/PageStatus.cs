namespace CoworkSync.Functions.Console.Forms;

/// <summary>The status of a page that says what is wrong in its own layout.</summary>
public static class PageStatus
{
    /// <summary>
    /// Answers 404 with the rendered page as its body. A page that sets 404 itself gets an empty body (the component
    /// endpoint drops it, expecting a not-found page of the router), so the status is set as the response starts,
    /// once the page is rendered.
    /// </summary>
    public static void NotFound(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Response.OnStarting(() =>
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return Task.CompletedTask;
        });
    }
}
