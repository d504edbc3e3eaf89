using CoworkSync.Functions.Events.IngestDeadLetter;
using CoworkSync.Functions.Events.ProcessEvent;
using CoworkSync.Functions.Events.PurgeProcessedEvents;
using CoworkSync.Functions.Hosting.Invocation;

namespace CoworkSync.Functions.Events;

public static class EventFunctions
{
    /// <summary>
    /// Registers the functions of the events queue: <c>ProcessEvent</c> (the queue), <c>IngestDeadLetter</c> (its
    /// dead-letter sub-queue) and the daily <c>PurgeProcessedEvents</c> with its retention setting.
    /// </summary>
    public static IServiceCollection AddEventFunctions(this IServiceCollection services)
    {
        services.AddOptions<RetentionOptions>().BindConfiguration(RetentionOptions.SectionName);
        services.AddSingleton<IInvocationFunction, ProcessEventFunction>();
        services.AddSingleton<IInvocationFunction, IngestDeadLetterFunction>();
        services.AddSingleton<IInvocationFunction, PurgeProcessedEventsFunction>();
        return services;
    }
}
