namespace CoworkSync.Administration.MemberSignIn;

/// <summary>A platform's member sign-in app as the admin API and the console show it: never a secret's value.</summary>
/// <param name="Platform">The platform's name (<c>cobot</c>).</param>
/// <param name="DisplayName">Its name for people.</param>
/// <param name="Ready">Members can sign in with it.</param>
/// <param name="Problem">Why they cannot yet; null when they can.</param>
/// <param name="RedirectUri">The redirect URI to register with the app at the platform; null when the app's public URL is not known.</param>
/// <param name="Settings">Each of the app's settings as <c>set</c> or <c>missing</c>.</param>
/// <param name="Fields">The settings the app takes, for a form.</param>
public sealed record MemberSignInView(
    string Platform, string DisplayName, bool Ready, string? Problem, string? RedirectUri, IReadOnlyDictionary<string, string> Settings, IReadOnlyList<MemberSignInFieldView> Fields);

/// <param name="Name">The property in the body.</param>
/// <param name="Label">Its label.</param>
/// <param name="Help">One line of help.</param>
/// <param name="Secret">Never shown back.</param>
public sealed record MemberSignInFieldView(string Name, string Label, string Help, bool Secret);
