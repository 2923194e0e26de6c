using KazakhUnrest.Core.Search;

namespace KazakhUnrest.Tests.Search;

public class SearchQueryTests
{
    /// <summary>Each clause as "-a" or "a|b", phrases in double quotes, so a whole parse reads in one assertion.</summary>
    private static string[] Clauses(SearchQuery query) =>
        [.. query.Clauses.Select(c => (c.Excluded ? "-" : "") + string.Join('|', c.Any.Select(t => t.ForDatabase)))];

    private static string[] Filters(SearchQuery query) => [.. query.Filters.Select(f => $"{f.Field}={f.Value}")];

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   \t ")]
    [InlineData("OR")]
    [InlineData("\"\"")]
    public void Nothing_to_search_for_is_an_empty_query_without_an_error(string? typed)
    {
        var query = SearchQuery.Parse(typed);

        Assert.True(query.IsEmpty);
        Assert.Null(query.Error);
        Assert.Empty(query.Clauses);
    }

    [Fact]
    public void Words_are_each_a_required_clause_in_the_order_typed()
    {
        var query = SearchQuery.Parse("  Tokayev   CSTO\ttroops ");

        Assert.Equal(["Tokayev", "CSTO", "troops"], Clauses(query));
        Assert.Equal("Tokayev   CSTO\ttroops", query.Text);
        Assert.Empty(query.Problems);
        Assert.False(query.IsEmpty);
    }

    [Theory]
    [InlineData("\"state of emergency\" Almaty")]
    [InlineData("“state of emergency” Almaty")]
    [InlineData("«state of emergency» Almaty")]
    [InlineData("\"state   of\temergency\" Almaty")]
    [InlineData("“state of emergency\" Almaty")]
    public void A_quoted_phrase_in_straight_or_typographic_quotes_is_one_term_with_its_spaces_collapsed(string typed)
    {
        var query = SearchQuery.Parse(typed);

        Assert.Equal(["\"state of emergency\"", "Almaty"], Clauses(query));
        Assert.True(query.Clauses[0].Any[0].Phrase);
        Assert.Equal("state of emergency", query.Clauses[0].Any[0].Text);
        Assert.Empty(query.Problems);
    }

    [Fact]
    public void A_quote_glued_to_a_word_starts_a_phrase()
    {
        Assert.Equal(["troops", "\"in Almaty\""], Clauses(SearchQuery.Parse("troops\"in Almaty\"")));
    }

    [Theory]
    [InlineData("CSTO OR ОДКБ troops", new[] { "CSTO|ОДКБ", "troops" })]
    [InlineData("CSTO | ОДКБ", new[] { "CSTO|ОДКБ" })]
    [InlineData("CSTO OR ОДКБ OR \"Russian-led military alliance\"", new[] { "CSTO|ОДКБ|\"Russian-led military alliance\"" })]
    [InlineData("OR CSTO", new[] { "CSTO" })]
    [InlineData("CSTO OR", new[] { "CSTO" })]
    [InlineData("CSTO OR OR ОДКБ", new[] { "CSTO|ОДКБ" })]
    [InlineData("CSTO or ОДКБ", new[] { "CSTO", "or", "ОДКБ" })]
    [InlineData("CSTO \"OR\" ОДКБ", new[] { "CSTO", "\"OR\"", "ОДКБ" })]
    [InlineData("-CSTO OR ОДКБ", new[] { "-CSTO", "ОДКБ" })]
    [InlineData("CSTO OR -ОДКБ", new[] { "CSTO", "-ОДКБ" })]
    [InlineData("CSTO OR country:KZ ОДКБ", new[] { "CSTO", "ОДКБ" })]
    public void OR_in_capitals_joins_the_terms_on_either_side_into_one_clause(string typed, string[] expected)
    {
        Assert.Equal(expected, Clauses(SearchQuery.Parse(typed)));
    }

    [Fact]
    public void A_leading_minus_excludes_a_word_or_a_phrase()
    {
        var query = SearchQuery.Parse("Tokayev -\"Xi Jinping\" -Xinhua");

        Assert.Equal(["Tokayev", "-\"Xi Jinping\"", "-Xinhua"], Clauses(query));
        Assert.Empty(query.Problems);
    }

    [Theory]
    [InlineData("Tokayev - China", new[] { "Tokayev", "-", "China" })]
    [InlineData("Russian-led", new[] { "Russian-led" })]
    [InlineData("Tokayev -", new[] { "Tokayev", "-" })]
    public void A_minus_not_followed_by_a_term_is_a_plain_character(string typed, string[] expected)
    {
        Assert.Equal(expected, Clauses(SearchQuery.Parse(typed)));
    }

    [Fact]
    public void A_query_that_only_excludes_says_it_shows_everything_else()
    {
        var query = SearchQuery.Parse("-\"Xi Jinping\"");

        Assert.Equal(["-\"Xi Jinping\""], Clauses(query));
        Assert.Null(query.Error);
        Assert.Contains(query.Problems, p => p.Contains("only excludes", StringComparison.Ordinal));
    }

    [Fact]
    public void Field_filters_are_read_apart_from_the_words_in_the_order_typed()
    {
        var query = SearchQuery.Parse("troops outlet:reuters actor:tokayev country:KZ tag:death-toll lang:ru kind:wire-agency Almaty");

        Assert.Equal(["troops", "Almaty"], Clauses(query));
        Assert.Equal(["outlet=reuters", "actor=tokayev", "country=KZ", "tag=death-toll", "lang=ru", "kind=wire-agency"], Filters(query));
        Assert.Equal(["KZ"], query.Values("country"));
        Assert.Empty(query.Values("tag").Skip(1));
        Assert.False(query.IsEmpty);
    }

    [Theory]
    [InlineData("language:ru", "lang=ru")]
    [InlineData("person:tokayev", "actor=tokayev")]
    [InlineData("org:CSTO", "actor=CSTO")]
    [InlineData("who:tokayev", "actor=tokayev")]
    [InlineData("Country:KZ", "country=KZ")]
    [InlineData("OUTLET:Reuters", "outlet=Reuters")]
    public void Field_names_have_aliases_and_any_case(string typed, string expected)
    {
        Assert.Equal([expected], Filters(SearchQuery.Parse(typed)));
    }

    [Theory]
    [InlineData("actor:\"Xi Jinping\"")]
    [InlineData("actor:“Xi Jinping”")]
    [InlineData("actor:«Xi Jinping»")]
    [InlineData("actor:\"  Xi   Jinping \"")]
    public void A_quoted_filter_value_keeps_its_spaces(string typed)
    {
        var query = SearchQuery.Parse(typed + " China");

        Assert.Equal(["actor=Xi Jinping"], Filters(query));
        Assert.Equal(["China"], Clauses(query));
        Assert.Empty(query.Problems);
    }

    [Theory]
    [InlineData("http://example.com", "http://example.com")]
    [InlineData("12:30", "12:30")]
    [InlineData(":country", ":country")]
    [InlineData("\"country:KZ\"", "\"country:KZ\"")]
    public void A_colon_that_does_not_follow_a_known_field_is_part_of_a_word(string typed, string expected)
    {
        var query = SearchQuery.Parse(typed);

        Assert.Equal([expected], Clauses(query));
        Assert.Empty(query.Filters);
    }

    [Fact]
    public void An_empty_filter_is_left_out_and_said_so()
    {
        var query = SearchQuery.Parse("Tokayev country: actor:\"\"");

        Assert.Equal(["Tokayev"], Clauses(query));
        Assert.Empty(query.Filters);
        Assert.Equal(2, query.Problems.Count);
        Assert.Contains("\"country:\" has no value and was left out.", query.Problems);
        Assert.Null(query.Error);
    }

    [Theory]
    [InlineData("-outlet:reuters")]
    [InlineData("-country:KZ")]
    [InlineData("-from:2022-01-05")]
    public void An_excluded_filter_is_left_out_and_said_so_rather_than_read_as_its_opposite(string typed)
    {
        var query = SearchQuery.Parse("Tokayev " + typed);

        Assert.Equal(["Tokayev"], Clauses(query));
        Assert.Empty(query.Filters);
        Assert.Null(query.From);
        Assert.Contains(query.Problems, p => p.Contains(typed, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("from:2022-01-05", "2022-01-05", null)]
    [InlineData("since:2022-01-05", "2022-01-05", null)]
    [InlineData("to:2022-01-07", null, "2022-01-07")]
    [InlineData("until:2022-01-07", null, "2022-01-07")]
    [InlineData("from:2022-01", "2022-01-01", null)]
    [InlineData("to:2022-01", null, "2022-01-31")]
    [InlineData("to:2024-02", null, "2024-02-29")]
    [InlineData("from:2022-01 to:2022-02", "2022-01-01", "2022-02-28")]
    [InlineData("from:2022-01-01 from:2022-01-05", "2022-01-05", null)]
    public void Dates_are_a_day_or_a_month_and_a_month_ends_on_its_last_day(string typed, string? from, string? to)
    {
        var query = SearchQuery.Parse("Almaty " + typed);

        Assert.Null(query.Error);
        Assert.Equal(from is null ? null : DateOnly.Parse(from, System.Globalization.CultureInfo.InvariantCulture), query.From);
        Assert.Equal(to is null ? null : DateOnly.Parse(to, System.Globalization.CultureInfo.InvariantCulture), query.To);
        Assert.Empty(query.Filters);
        Assert.Equal(["Almaty"], Clauses(query));
    }

    [Fact]
    public void Dates_alone_are_a_query()
    {
        var query = SearchQuery.Parse("from:2022-01-05");

        Assert.False(query.IsEmpty);
        Assert.Empty(query.Clauses);
    }

    [Theory]
    [InlineData("from:yesterday")]
    [InlineData("from:2022-13-01")]
    [InlineData("to:2022-02-30")]
    [InlineData("from:2022")]
    [InlineData("to:05.01.2022")]
    [InlineData("from:2022-1-5")]
    [InlineData("since:2022-01-05T10:00")]
    public void A_date_that_cannot_be_read_is_an_error_that_shows_the_forms(string typed)
    {
        var query = SearchQuery.Parse("Almaty " + typed);

        Assert.NotNull(query.Error);
        Assert.Contains("2022-01-05", query.Error, StringComparison.Ordinal);
        Assert.Contains("2022-01", query.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void From_after_to_is_said_but_still_searched()
    {
        var query = SearchQuery.Parse("Almaty from:2022-01-10 to:2022-01-05");

        Assert.Null(query.Error);
        Assert.Contains(query.Problems, p => p.Contains("from:2022-01-10 is after to:2022-01-05", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("\"state of emergency", "state of emergency")]
    [InlineData("Almaty “state of emergency", "state of emergency")]
    [InlineData("Almaty «state of emergency", "state of emergency")]
    [InlineData("Almaty \"state   of emergency country:KZ", "state of emergency country:KZ")]
    public void An_unbalanced_quote_reads_the_phrase_to_the_end_and_says_so(string typed, string phrase)
    {
        var query = SearchQuery.Parse(typed);

        Assert.Null(query.Error);
        var last = Assert.Single(query.Clauses[^1].Any);
        Assert.Equal((phrase, true), (last.Text, last.Phrase));
        Assert.Empty(query.Filters);
        Assert.Contains("A quote was not closed; the phrase was read to the end of the query.", query.Problems);
    }

    [Fact]
    public void A_lone_closing_quote_at_the_end_says_so_and_adds_nothing()
    {
        var query = SearchQuery.Parse("Tokayev\"");

        Assert.Equal(["Tokayev"], Clauses(query));
        Assert.Single(query.Problems);
    }

    [Theory]
    [InlineData("&|!:*()<>")]
    [InlineData("'; DROP TABLE articles;--")]
    [InlineData("Tokayev & !CSTO | (troops <-> Almaty):*")]
    [InlineData("\\\" ' ` $$ ; -- /* */")]
    public void Tsquery_and_sql_metacharacters_are_plain_text_for_the_database(string typed)
    {
        var query = SearchQuery.Parse(typed);

        Assert.Null(query.Error);
        Assert.False(query.IsEmpty);
        Assert.All(query.Clauses.SelectMany(c => c.Any), t => Assert.Contains(t.Text, typed, StringComparison.Ordinal));
    }

    [Fact]
    public void Two_thousand_characters_are_an_error_and_the_text_kept_is_cut_to_the_limit()
    {
        var typed = string.Concat(Enumerable.Repeat("Tokayev ", 250));
        Assert.Equal(2_000, typed.Length);

        var query = SearchQuery.Parse(typed);

        Assert.NotNull(query.Error);
        Assert.Contains(SearchQuery.MaxLength.ToString(System.Globalization.CultureInfo.InvariantCulture), query.Error, StringComparison.Ordinal);
        Assert.Equal(SearchQuery.MaxLength, query.Text.Length);
        Assert.Empty(query.Clauses);
    }

    [Fact]
    public void A_query_at_the_length_limit_is_read()
    {
        var typed = new string('a', SearchQuery.MaxLength);

        var query = SearchQuery.Parse("  " + typed + "  ");

        Assert.Null(query.Error);
        Assert.Equal([typed], Clauses(query));
    }

    [Fact]
    public void The_most_terms_allowed_are_read_and_one_more_is_an_error()
    {
        var words = Enumerable.Range(1, SearchQuery.MaxClauses + 1).Select(i => $"w{i}").ToList();

        Assert.Null(SearchQuery.Parse(string.Join(' ', words.Take(SearchQuery.MaxClauses))).Error);
        var error = SearchQuery.Parse(string.Join(' ', words)).Error;
        Assert.NotNull(error);
        Assert.Contains($"at most {SearchQuery.MaxClauses}", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Terms_joined_by_OR_count_one_by_one_against_the_limit()
    {
        // Each term is a text-search condition in the database, joined or not.
        var words = Enumerable.Range(1, SearchQuery.MaxClauses + 1).Select(i => $"w{i}");

        Assert.NotNull(SearchQuery.Parse(string.Join(" OR ", words)).Error);
    }

    [Theory]
    [InlineData("Tokayev", "country", "KZ", "Tokayev country:KZ")]
    [InlineData("", "country", "KZ", "country:KZ")]
    [InlineData("Tokayev", "actor", "Xi Jinping", "Tokayev actor:\"Xi Jinping\"")]
    [InlineData("Tokayev from:2022-01-01 to:2022-01-31", "from", "2022-01-05", "Tokayev from:2022-01-05")]
    [InlineData("Tokayev since:2022-01-01", "from", "2022-01-05", "Tokayev from:2022-01-05")]
    public void With_appends_a_filter_and_replaces_an_earlier_date_range(string typed, string field, string value, string expected)
    {
        Assert.Equal(expected, SearchQuery.Parse(typed).With(field, value));
    }

    [Theory]
    [InlineData("Tokayev", "country", "KZ")]
    [InlineData("Tokayev -\"Xi Jinping\" CSTO OR ОДКБ", "country", "KZ")]
    [InlineData("\"state of emergency\" -Xinhua outlet:reuters", "actor", "Xi Jinping")]
    [InlineData("Almaty actor:\"Xi Jinping\"", "tag", "death-toll")]
    [InlineData("“Russian-led military alliance” lang:ru", "kind", "wire-agency")]
    public void A_filter_added_with_With_is_taken_out_by_Without_leaving_the_same_query(string typed, string field, string value)
    {
        var before = SearchQuery.Parse(typed);

        var with = SearchQuery.Parse(before.With(field, value));
        Assert.Contains(value, with.Values(field));
        Assert.Equal(Clauses(before), Clauses(with));

        foreach (var after in new[] { with.Without(field, value), with.Without(field), with.Without(field, value.ToUpperInvariant()) })
        {
            Assert.Equal(Clauses(before), Clauses(after));
            Assert.Equal(Filters(before), Filters(after));
            Assert.Equal((before.From, before.To), (after.From, after.To));
        }
    }

    [Fact]
    public void Without_a_value_keeps_the_other_values_of_the_field()
    {
        var query = SearchQuery.Parse("Tokayev country:KZ actor:\"Xi Jinping\" country:RU actor:tokayev");

        Assert.Equal(["actor=Xi Jinping", "country=RU", "actor=tokayev"], Filters(query.Without("country", "kz")));
        Assert.Equal(["country=KZ", "country=RU"], Filters(query.Without("actor")));
        Assert.Equal(["country=KZ", "country=RU", "actor=tokayev"], Filters(query.Without("actor", "Xi Jinping")));
        Assert.Equal(["Tokayev"], Clauses(query.Without("actor")));
    }

    [Fact]
    public void Without_takes_out_a_field_typed_under_an_alias()
    {
        var query = SearchQuery.Parse("Almaty since:2022-01-05 until:2022-01-07 language:ru");

        var noDates = query.Without("from").Without("to");
        Assert.Equal((null, null), (noDates.From, noDates.To));
        Assert.Equal(["lang=ru"], Filters(noDates));
        Assert.Empty(query.Without("lang").Filters);
        Assert.Equal(new DateOnly(2022, 1, 5), query.Without("lang").From);
    }

    [Fact]
    public void Without_keeps_exclusions_OR_and_unclosed_phrases_as_typed()
    {
        var query = SearchQuery.Parse("CSTO OR ОДКБ -\"Xi Jinping\" -Xinhua country:KZ \"state of");

        var without = query.Without("country");

        Assert.Equal(["CSTO|ОДКБ", "-\"Xi Jinping\"", "-Xinhua", "\"state of\""], Clauses(without));
        Assert.Empty(without.Filters);
    }

    [Fact]
    public void The_query_prints_back_in_a_form_that_parses_to_the_same_query()
    {
        var query = SearchQuery.Parse("  CSTO OR «Russian-led military alliance»   -\"Xi Jinping\" actor:“Kassym-Jomart Tokayev” country:KZ");

        var printed = query.ToString();

        Assert.Equal("CSTO OR \"Russian-led military alliance\" -\"Xi Jinping\" actor:\"Kassym-Jomart Tokayev\" country:KZ", printed);
        var again = SearchQuery.Parse(printed);
        Assert.Equal(Clauses(query), Clauses(again));
        Assert.Equal(Filters(query), Filters(again));
    }
}
