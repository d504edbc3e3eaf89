namespace CoworkSync.IntegrationTests.Infrastructure;

/// <summary>The kind of RADIUS packet that answered a request.</summary>
public enum RadiusCode
{
    NoReply,
    AccessAccept,
    AccessReject,
    AccessChallenge,
    AccountingResponse,
}
