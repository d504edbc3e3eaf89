using System.Globalization;

namespace CoworkSync.Simulators.Generated;

/// <summary>One space to serve: its id, the prefix of its members' ids, and how many members it has.</summary>
public sealed record GeneratedSpace(string Id, string MemberPrefix, int MemberCount);

/// <summary>
/// The space command's arguments: <c>space --port N --api-key KEY --space ID:PREFIX:COUNT [--space …]</c>.
/// </summary>
public sealed record GeneratedSpaceOptions(int Port, string ApiKey, IReadOnlyList<GeneratedSpace> Spaces)
{
    /// <exception cref="ArgumentException">An argument is unknown, lacks its value, or a required one is missing.</exception>
    public static GeneratedSpaceOptions Parse(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        int? port = null;
        string? apiKey = null;
        var spaces = new List<GeneratedSpace>();
        for (var i = 0; i < args.Count; i += 2)
        {
            if (i + 1 >= args.Count)
                throw new ArgumentException($"'{args[i]}' lacks its value.");
            var value = args[i + 1];
            switch (args[i])
            {
                case "--port":
                    port = int.Parse(value, NumberStyles.None, CultureInfo.InvariantCulture);
                    break;
                case "--api-key":
                    apiKey = value;
                    break;
                case "--space":
                    spaces.Add(Space(value));
                    break;
                default:
                    throw new ArgumentException($"Unknown argument '{args[i]}'.");
            }
        }
        if (spaces.Count == 0)
            throw new ArgumentException("At least one --space ID:PREFIX:COUNT is required.");
        return new GeneratedSpaceOptions(
            port ?? throw new ArgumentException("--port is required."),
            apiKey ?? throw new ArgumentException("--api-key is required."),
            spaces);
    }

    private static GeneratedSpace Space(string text) => text.Split(':') is [var id, var prefix, var count] && id.Length > 0 && prefix.Length > 0
        ? new GeneratedSpace(id, prefix, int.Parse(count, NumberStyles.None, CultureInfo.InvariantCulture))
        : throw new ArgumentException($"--space takes ID:PREFIX:COUNT, got '{text}'.");
}
