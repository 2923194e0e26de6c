using KazakhUnrest.DevTools.Scoring;

namespace KazakhUnrest.Tests.Extraction;

/// <summary>Guards the extractor's quality on the shared development set (read at run time, never copied).</summary>
public sealed class DevSetTests
{
    [Fact]
    public void F1_and_date_accuracy_stay_above_their_floors()
    {
        var score = ExtractionScoring.Run(RepositoryPaths.DevSet);

        Assert.Equal(990, score.Pages);
        Assert.True(score.F1 >= 0.915, $"F1 {score.F1:F3} (precision {score.Precision:F3}, recall {score.Recall:F3}) fell below 0.915");
        Assert.True(score.DateAccuracy >= 0.88, $"date accuracy {score.DateAccuracy:F3} fell below 0.88");
    }
}
