namespace CoworkSync.Functions.Hosting.Http;

/// <summary>The <c>authLevel</c> of an HTTP function, as in its function.json.</summary>
public enum FunctionAuthLevel
{
    Anonymous,
    Function,
    Admin,
}
