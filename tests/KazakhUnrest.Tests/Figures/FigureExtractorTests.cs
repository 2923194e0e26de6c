using KazakhUnrest.Core.Entities;
using KazakhUnrest.Core.Figures;

namespace KazakhUnrest.Tests.Figures;

public sealed class FigureExtractorTests
{
    private static readonly DateOnly Published = new(2022, 1, 10);

    private static IReadOnlyList<Figure> Extract(string text) =>
        FigureExtractor.Extract(text, EntityMatcher.Seed.Find(text), Published);

    private static Figure Single(string text, string measure) => Assert.Single(Extract(text), f => f.Measure == measure);

    [Theory]
    [InlineData("At least 164 people were killed in the unrest.", FigureMeasures.Killed)]
    [InlineData("Police said 18 security officers were killed.", FigureMeasures.KilledSecurityForces)]
    [InlineData("Officials said 26 armed criminals had been liquidated.", FigureMeasures.KilledArmedCriminals)]
    [InlineData("More than 2,000 people were injured.", FigureMeasures.Injured)]
    [InlineData("Officials said 95 police officers were injured.", FigureMeasures.InjuredPolice)]
    [InlineData("Some 300 servicemen were wounded in the clashes.", FigureMeasures.InjuredSecurityForces)]
    [InlineData("Almost 400 people have been hospitalised.", FigureMeasures.Hospitalised)]
    [InlineData("Over 4,000 people have been detained.", FigureMeasures.Detained)]
    [InlineData("Russia deployed about 2,500 troops to Kazakhstan.", FigureMeasures.TroopsDeployed)]
    [InlineData("A litre of LPG costs 120 tenge.", FigureMeasures.PricePerLitre)]
    public void Each_measure_is_read_from_the_words_near_its_number(string text, string measure) =>
        Single(text, measure);

    [Fact]
    public void A_count_may_follow_its_verb()
    {
        Assert.Equal(40, Single("A border clash killed more than 40 people.", FigureMeasures.Killed).Low);
        Assert.Equal(164, Single("The death toll rose to 164.", FigureMeasures.Killed).Low);
        Assert.Equal(5000, Single("Police detained 5,000 people.", FigureMeasures.Detained).Low);
    }

    [Theory]
    [InlineData("Over 1,300 people were injured.", "over", 1300)]
    [InlineData("More than 1,300 people were injured.", "over", 1300)]
    [InlineData("Almost 400 people were injured.", "almost", 400)]
    [InlineData("Nearly 400 people were injured.", "almost", 400)]
    [InlineData("About 400 people were injured.", "about", 400)]
    [InlineData("At least 400 people were injured.", "at least", 400)]
    [InlineData("Up to 400 people were injured.", "up to", 400)]
    [InlineData("2.5 thousand people were injured.", null, 2500)]
    [InlineData("Two people were injured.", null, 2)]
    [InlineData("Twenty people were injured.", null, 20)]
    public void Values_keep_their_qualifier(string text, string? qualifier, int value)
    {
        var figure = Single(text, FigureMeasures.Injured);
        Assert.Equal(qualifier, figure.Qualifier);
        Assert.Equal(value, figure.Low);
        Assert.Equal(value, figure.High);
        Assert.Null(figure.Vague);
        Assert.Equal("people", figure.Unit);
    }

    [Theory]
    [InlineData("Dozens of people were killed.", "dozens")]
    [InlineData("Hundreds were injured.", "hundreds")]
    [InlineData("Scores of people were killed.", "scores")]
    [InlineData("Thousands were detained.", "thousands")]
    public void Vague_quantities_have_no_value(string text, string vague)
    {
        var figure = Assert.Single(Extract(text));
        Assert.Equal(vague, figure.Vague);
        Assert.Null(figure.Low);
        Assert.Null(figure.High);
    }

    [Fact]
    public void A_range_has_two_ends()
    {
        var figure = Single("Between them, 20-30 people were detained.", FigureMeasures.Detained);
        Assert.Equal((20m, 30m), (figure.Low!.Value, figure.High!.Value));
    }

    [Theory]
    [InlineData("По данным МВД, задержаны более 4 тысяч человек.", FigureMeasures.Detained, "over", 4000)]
    [InlineData("В Казахстан прибыли около 2,5 тыс. военнослужащих ОДКБ.", FigureMeasures.TroopsDeployed, "about", 2500)]
    [InlineData("В ходе беспорядков погибли 164 человека.", FigureMeasures.Killed, null, 164)]
    [InlineData("По данным Минздрава, 18 сотрудников силовых структур погибли.", FigureMeasures.KilledSecurityForces, null, 18)]
    public void Russian_figures_are_read(string text, string measure, string? qualifier, int value)
    {
        var figure = Single(text, measure);
        Assert.Equal(qualifier, figure.Qualifier);
        Assert.Equal(value, figure.Low);
    }

    [Fact]
    public void A_price_change_is_two_figures()
    {
        var figures = Extract("Prices of LPG rose from 60 to 120 tenge per litre.");
        Assert.Collection(figures,
            from => Assert.Equal((FigureMeasures.PricePerLitre, 60m, "tenge", "from"), (from.Measure, from.Low!.Value, from.Unit, from.Change!)),
            to => Assert.Equal((FigureMeasures.PricePerLitre, 120m, "tenge", "to"), (to.Measure, to.Low!.Value, to.Unit, to.Change!)));
    }

    [Fact]
    public void A_shortened_range_end_keeps_the_whole_part_and_a_qualifier_stays_with_its_value()
    {
        var figures = Extract("Gas at the pumps went from around USD 0.12 to USD 0.23-28 a litre within days.");
        Assert.Equal(2, figures.Count);
        Assert.Equal(("about", 0.12m, "USD", "from"), (figures[0].Qualifier!, figures[0].Low!.Value, figures[0].Unit, figures[0].Change!));
        Assert.Equal((0.23m, 0.28m, "to"), (figures[1].Low!.Value, figures[1].High!.Value, figures[1].Change!));
    }

    [Fact]
    public void Prices_of_other_goods_and_non_counts_are_not_figures()
    {
        Assert.Empty(Extract("Brent crude traded at $82.95 a barrel on Friday."));
        Assert.Empty(Extract("Oil prices have risen 4 percent over the past two days."));
        Assert.Empty(Extract("In 2022, the protests began on January 2."));
    }

    [Theory]
    [InlineData("According to Kazakhstan's Ministry of Health, more than 1,300 people have been hurt.", "health-ministry-kz")]
    [InlineData("The Interior Ministry said 95 police officers were injured.", "interior-ministry-kz")]
    [InlineData("The Interior Ministry said in a statement on Friday that 95 police officers were injured.", "interior-ministry-kz")]
    [InlineData("The interior ministry of Kazakhstan reported that 95 police officers were injured.", "interior-ministry-kz")]
    [InlineData("95 police officers were injured, said the Interior Ministry.", "interior-ministry-kz")]
    [InlineData("95 police officers were injured, Reuters reported, citing the Interior Ministry.", "interior-ministry-kz")]
    [InlineData("По данным МВД, 95 полицейских ранены.", "interior-ministry-kz")]
    [InlineData("95 полицейских ранены, сообщили в МВД.", "interior-ministry-kz")]
    public void Attributions_name_known_entities_by_id(string text, string entity) =>
        Assert.Equal(entity, Assert.Single(Extract(text)).AttributedTo);

    [Fact]
    public void An_unknown_source_is_kept_as_text_and_passive_reports_have_none()
    {
        var officials = Assert.Single(Extract("A clash killed more than 40 people, government officials said Friday."));
        Assert.Equal("government officials", officials.AttributedTo);
        Assert.Null(Assert.Single(Extract("After dozens are reported dead, troops arrive.")).AttributedTo);
        Assert.Null(Assert.Single(Extract("Prices of LPG doubled, citing a need to liberalise the market, to 120 tenge.")).AttributedTo);
    }

    [Fact]
    public void An_attribution_does_not_carry_into_the_next_sentence()
    {
        var figures = Extract("According to the Ministry of Health, 1,300 people were injured. Over 4,000 people have been detained.");
        Assert.NotNull(figures.Single(f => f.Measure == FigureMeasures.Injured).AttributedTo);
        Assert.Null(figures.Single(f => f.Measure == FigureMeasures.Detained).AttributedTo);
    }

    [Fact]
    public void The_day_comes_from_a_date_in_the_sentence()
    {
        const string text = "Nothing happened. On January 7, the ministry said 26 people were killed.";
        var figure = Single(text, FigureMeasures.Killed);
        Assert.Equal(new DateOnly(2022, 1, 7), figure.Date);
        Assert.Equal("26", figure.Surface);
        Assert.Equal(text.IndexOf("On January", StringComparison.Ordinal), figure.SentenceStart);
        Assert.Equal(text[figure.SentenceStart..(figure.SentenceStart + figure.SentenceLength)], figure.Sentence);
        Assert.Null(Single("26 people were killed.", FigureMeasures.Killed).Date);
    }

    [Fact]
    public void A_week_or_month_in_the_sentence_is_when_the_events_were_not_the_day_the_count_is_for()
    {
        var figure = Single("Kazakh authorities have detained around 5,800 people in connection with last week's unrest, the president's office said on Sunday.",
            FigureMeasures.Detained);
        Assert.Equal(new DateOnly(2022, 1, 9), figure.Date);
    }

    [Fact]
    public void A_perfect_tense_auxiliary_is_not_part_of_the_attribution()
    {
        var figure = Single("Kazakh authorities have said that nearly 8,000 people were detained.", FigureMeasures.Detained);
        Assert.Equal("Kazakh authorities", figure.AttributionText);
    }

    [Fact]
    public void A_number_from_years_before_is_background_not_a_figure()
    {
        Assert.Empty(Extract("In Zhanaozen in December 2011 at least 14 people were killed when police opened fire on striking oil workers."));
        Assert.Single(Extract("On January 5 at least 14 people were killed in Almaty."));
    }

    [Theory]
    [InlineData("Officials said 16 members of the security forces had died.", FigureMeasures.KilledSecurityForces, 16)]
    [InlineData("A total of 225 people died, including 19 police officers and servicemen.", FigureMeasures.KilledSecurityForces, 19)]
    [InlineData("Of the dead, 19 were police officers or soldiers.", FigureMeasures.KilledSecurityForces, 19)]
    [InlineData("The ombudsman said that three of those killed were minors.", FigureMeasures.KilledChildren, 3)]
    [InlineData("Twelve civilians were killed in the crossfire.", FigureMeasures.KilledCivilians, 12)]
    [InlineData("This includes 4,000 wounded people, 3,000 of them police officers.", FigureMeasures.InjuredPolice, 3000)]
    [InlineData("Среди погибших 16 сотрудников силовых структур.", FigureMeasures.KilledSecurityForces, 16)]
    [InlineData("Más de 1.300 agentes resultaron heridos.", FigureMeasures.InjuredSecurityForces, 1300)]
    [InlineData("Entre los agentes del orden, las bajas ascienden a 16 muertos.", FigureMeasures.KilledSecurityForces, 16)]
    public void Who_was_counted_is_part_of_the_measure(string text, string measure, int value) =>
        Assert.Equal(value, Single(text, measure).Low);

    [Fact]
    public void A_part_of_a_count_keeps_the_measure_and_names_its_place()
    {
        var figures = Extract("At least 164 people were killed across the country, including 103 in Almaty, its biggest city.");
        Assert.Equal([(164m, null), (103m, "almaty")], figures.Select(f => (f.Low!.Value, f.Place)));
        Assert.All(figures, f => Assert.Equal(FigureMeasures.Killed, f.Measure));

        Assert.Equal("almaty", Single("Of those killed, 103 died in Almaty, the largest city.", FigureMeasures.Killed).Place);
        Assert.Equal("almaty", Single("In Almaty alone, 103 people lost their lives.", FigureMeasures.Killed).Place);
        var german = Extract("Mindestens 164 Menschen wurden getötet, darunter 103 in Almaty.");
        Assert.Equal([(164m, null), (103m, "almaty")], german.Select(f => (f.Low!.Value, f.Place)));
        // The country is no limit, nor is a place that only qualifies the events or starts a list.
        Assert.Null(Single("At least 164 people have died in Kazakhstan.", FigureMeasures.Killed).Place);
        Assert.Null(Single("Dozens were killed in Almaty and other cities.", FigureMeasures.Killed).Place);
    }

    [Fact]
    public void A_part_that_names_neither_its_group_nor_its_place_is_left_out()
    {
        var figures = Extract("More than 1,000 people were injured, including 62 in intensive care.");
        Assert.Equal(1000, Assert.Single(figures).Low);
    }

    [Fact]
    public void A_number_that_counts_things_is_no_count_of_people()
    {
        var figures = Extract("In total, 5,135 people have been detained as part of 125 investigations into the unrest.");
        Assert.Equal(5135, Assert.Single(figures).Low);
    }

    [Theory]
    [InlineData("Plus de mille personnes ont été blessées.", FigureMeasures.Injured, "over", 1000)]
    [InlineData("Alrededor de 6.000 personas han sido detenidas.", FigureMeasures.Detained, "about", 6000)]
    [InlineData("Il ministero ha dichiarato che quasi 8.000 persone sono state arrestate.", FigureMeasures.Detained, "almost", 8000)]
    [InlineData("Mehr als 5.000 Menschen wurden festgenommen.", FigureMeasures.Detained, "over", 5000)]
    [InlineData("225 bodies were taken to the morgues.", FigureMeasures.Killed, null, 225)]
    public void German_French_Spanish_and_Italian_counts_are_read(string text, string measure, string? qualifier, int value)
    {
        var figure = Single(text, measure);
        Assert.Equal((qualifier, value), (figure.Qualifier, (int)figure.Low!.Value));
    }

    [Theory]
    [InlineData("The authorities had earlier withdrawn a figure of 164 deaths published on a government channel.")]
    [InlineData("Officials said the previous death toll stood at 164.")]
    [InlineData("A higher death toll of 164, posted on a state channel last week, was soon retracted.")]
    [InlineData("Earlier in the day, authorities said 164 people had been killed.")]
    [InlineData("Ранее сообщалось о 164 погибших.")]
    public void An_older_figure_retold_is_background(string text) =>
        Assert.True(Single(text, FigureMeasures.Killed).Background);

    [Fact]
    public void Only_the_older_figure_of_a_sentence_is_background()
    {
        var rise = Extract("Police said on Sunday that 7,939 people had been detained, up from about 5,800.");
        Assert.Equal([(7939m, false), (5800m, true)], rise.Select(f => (f.Low!.Value, f.Background)));
        Assert.All(rise, f => Assert.Equal(FigureMeasures.Detained, f.Measure));

        var change = Extract("The death toll rose from 164 to 225 on Saturday.");
        Assert.Equal([(164m, true, "from"), (225m, false, "to")], change.Select(f => (f.Low!.Value, f.Background, f.Change!)));
        Assert.All(change, f => Assert.Equal(FigureMeasures.Killed, f.Measure));

        var clauses = Extract("Officials previously said 26 people had been killed, and the ministry said on Sunday that 40 people had died.");
        Assert.Equal([(26m, true), (40m, false)], clauses.Select(f => (f.Low!.Value, f.Background)));

        // A cue after the number compares the new figure with an older one; it does not make it one.
        Assert.False(Single("Prosecutors said 225 people had died, a sharp rise on the previously reported figure.", FigureMeasures.Killed).Background);
        Assert.False(Single("164 people were killed, according to the health ministry.", FigureMeasures.Killed).Background);
    }

    [Fact]
    public void Each_figure_keeps_its_own_reference_day()
    {
        Assert.Equal(new DateOnly(2022, 1, 9), Single("As of Sunday, 164 people had died.", FigureMeasures.Killed).Date);
        Assert.Equal(new DateOnly(2022, 1, 9), Single("The toll stood at 164 on Jan. 9, officials said.", FigureMeasures.Killed).Date);
        Assert.Equal(new DateOnly(2022, 1, 9), Single("По состоянию на 9 января погибли 164 человека.", FigureMeasures.Killed).Date);

        // The older figure does not take the day the newer one was given, but keeps a day written in its own clause.
        var rise = Extract("Police said on Sunday that 7,939 people had been detained, up from about 5,800.");
        Assert.Equal([new DateOnly(2022, 1, 9), null], rise.Select(f => f.Date));
        var told = Extract("On Saturday prosecutors said 225 people had died; the earlier toll of 164 was given on January 9.");
        Assert.Equal([(225m, new DateOnly(2022, 1, 8)), (164m, new DateOnly(2022, 1, 9))], told.Select(f => (f.Low!.Value, f.Date!.Value)));
    }
}
