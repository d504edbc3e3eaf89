namespace CoworkSync.Functions.Hosting.Http;

/// <summary>The key local mode accepts on function and admin routes. Setting <c>LocalMode__FunctionKey</c>.</summary>
public sealed class FunctionKeyOptions
{
    public string? Key { get; set; }
}
