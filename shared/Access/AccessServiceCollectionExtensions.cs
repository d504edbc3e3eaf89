using Microsoft.Extensions.DependencyInjection;

namespace CoworkSync.Access;

public static class AccessServiceCollectionExtensions
{
    /// <summary>Registers the access groups (the defaults and the stored ones, cached for the RADIUS path).</summary>
    public static IServiceCollection AddAccessGroups(this IServiceCollection services)
    {
        services.AddSingleton<AccessGroupStore>();
        return services;
    }
}
