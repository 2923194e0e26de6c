using KazakhUnrest.Core.Entities;

namespace KazakhUnrest.Tests.Entities;

public sealed class CandidateTests
{
    private static IReadOnlyList<FoundName> Candidates(string text) =>
        EntityMatcher.Seed.Candidates(text, EntityMatcher.Seed.Find(text));

    [Theory]
    [InlineData("said police spokesman Saltanat Azirbek on Friday.", "Saltanat Azirbek", "spokesman")]
    [InlineData("Government spokesperson Aidos Ukibay said", "Aidos Ukibay", "spokesperson")]
    [InlineData("according to Ms. Baimukhanova, the protests", "Baimukhanova", "Ms")]
    [InlineData("Deputy Foreign Minister Akan Rakhmetullin said", "Akan Rakhmetullin", "Minister")]
    [InlineData("General Serik Zhakenov led them", "Serik Zhakenov", "General")]
    public void Titled_unknown_names_are_people(string text, string surface, string cue)
    {
        var candidate = Assert.Single(Candidates(text));
        Assert.Equal((EntityKind.Person, surface, cue), (candidate.Kind, candidate.Surface, candidate.Cue));
        Assert.Equal(surface, text.Substring(candidate.Start, candidate.Length));
    }

    [Theory]
    [InlineData("The Emergency Situations Ministry said", "Emergency Situations Ministry")]
    [InlineData("officials of the Anti-Corruption Agency arrived", "Anti-Corruption Agency")]
    [InlineData("Kazakhstan’s Ministry of Energy raised prices", "Ministry of Energy")]
    [InlineData("the Ak Zhol Democratic Party said", "Ak Zhol Democratic Party")]
    public void Capitalised_names_ending_in_a_body_are_organisations(string text, string surface)
    {
        var candidate = Assert.Single(Candidates(text));
        Assert.Equal((EntityKind.Organisation, surface), (candidate.Kind, candidate.Surface));
    }

    [Theory]
    [InlineData("Mr. Tokayev said the Foreign Ministry agreed.")]
    [InlineData("President Kassym-Jomart Tokayev spoke to Foreign Minister Wang Yi.")]
    [InlineData("Group of people gathered; the group left.")]
    [InlineData("the UN General Assembly met")]
    public void Known_entities_and_common_words_are_not_candidates(string text) => Assert.Empty(Candidates(text));
}
