using CoworkSync.Connectors.Seam;
using CoworkSync.Members.Sync;

namespace CoworkSync.UnitTests.Connectors.Seam;

public sealed class SyncNotesTests
{
    [Fact]
    public void NotesAndErrors_AreKeptUpToWhatARunRecords_ButEveryUnreadableMemberIsKept()
    {
        var notes = new SyncNotes();
        var count = SyncRunStore.MaxListed + 10;

        for (var i = 0; i < count; i++)
        {
            notes.Add($"note {i}");
            notes.MemberUnreadable($"m-{i}", "unparseable date");
        }

        Assert.Equal(SyncRunStore.MaxListed, notes.All.Count);
        Assert.Equal(SyncRunStore.MaxListed, notes.Errors.Count);
        Assert.Equal("member m-0: unparseable date", notes.Errors[0]);
        Assert.Equal(count, notes.UnreadableMembers.Count);
    }
}
