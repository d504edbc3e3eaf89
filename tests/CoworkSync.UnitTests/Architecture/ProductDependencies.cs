using ArchUnitNET.Loader;
using CoworkSync.Functions.Hosting;
using CoworkSync.Messaging.Processing;

namespace CoworkSync.UnitTests.Architecture;

/// <summary>Every dependency between the product's own types (the shared library and the function app), method bodies included, read from their IL.</summary>
public static class ProductDependencies
{
    private static readonly Lazy<IReadOnlyList<Dependency>> Loaded = new(Load);

    public static IReadOnlyList<Dependency> All => Loaded.Value;

    private static IReadOnlyList<Dependency> Load()
    {
        var architecture = new ArchLoader().LoadAssemblies(typeof(EventProcessor).Assembly, typeof(CoworkSyncServices).Assembly).Build();
        return [.. from type in architecture.Types
            from dependency in type.Dependencies
            let target = dependency.Target
            where target.FullName.StartsWith("CoworkSync.", StringComparison.Ordinal) && target.FullName != type.FullName
            select new Dependency(type.FullName, type.Namespace.FullName, target.FullName, target.Namespace.FullName)];
    }
}
