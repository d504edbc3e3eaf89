namespace CoworkSync.Functions.Hosting.Http;

/// <summary>Marks an endpoint as the handler of an HTTP function: its name (the folder of its function.json) and auth level.</summary>
public sealed record HttpFunctionMetadata(string FunctionName, FunctionAuthLevel AuthLevel);
