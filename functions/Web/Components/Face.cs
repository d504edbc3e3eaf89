namespace CoworkSync.Functions.Web.Components;

/// <summary>
/// One of the web faces (the console, the member portal): its name, its title in page titles, where it lives and the
/// layout its pages and its error pages use. Each face registers its own (<c>WebFaces.AddFace</c>); what both
/// share never names one.
/// </summary>
/// <param name="Name">The face's name in logs (<c>console</c>).</param>
/// <param name="Title">Its title, after each page's own in the browser's title.</param>
/// <param name="Path">Where it lives (<c>/console</c>).</param>
/// <param name="Layout">The layout component of its pages.</param>
public sealed record Face(string Name, string Title, PathString Path, Type Layout);
