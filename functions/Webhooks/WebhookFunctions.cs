using CoworkSync.Functions.Webhooks.Webhook;

namespace CoworkSync.Functions.Webhooks;

public static class WebhookFunctions
{
    /// <summary>Maps every platform's webhooks: one function, <c>/api/webhooks/{platform}/{connectorId}/…</c>.</summary>
    public static IEndpointRouteBuilder MapWebhookFunctions(this IEndpointRouteBuilder app)
    {
        WebhookFunction.Map(app);
        return app;
    }
}
