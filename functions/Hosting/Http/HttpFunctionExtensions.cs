namespace CoworkSync.Functions.Hosting.Http;

public static class HttpFunctionExtensions
{
    /// <summary>Declares the endpoint as the HTTP function <paramref name="functionName"/>; keys are checked per <paramref name="authLevel"/>.</summary>
    public static RouteHandlerBuilder AsFunction(this RouteHandlerBuilder builder, string functionName, FunctionAuthLevel authLevel) =>
        builder.WithName(functionName).WithMetadata(new HttpFunctionMetadata(functionName, authLevel));
}
