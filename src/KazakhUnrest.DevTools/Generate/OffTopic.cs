namespace KazakhUnrest.DevTools.Generate;

/// <summary>Pieces that mention Kazakhstan or its neighbours in passing but are about something else.
/// A paragraph lists its wordings separated by '|'; the writer picks one.</summary>
public static class OffTopic
{
    public static readonly (string Title, string[] Paragraphs)[] Templates =
    [
        ("{team} beat Kazakhstan {n5}-1 in World Cup qualifier",
         ["{team} secured a convincing {n5}-1 win over Kazakhstan in {city_abroad} {weekday}, with {athlete} scoring twice.|Kazakhstan lost {n5}-1 to {team} {weekday}, conceding twice to {athlete} before half-time.|A brace from {athlete} helped {team} to a {n5}-1 victory against Kazakhstan.",
          "The visitors had chances early on, but the hosts dominated after the break.|Kazakhstan's goalkeeper kept the score down with {n1} saves.|The match was played in front of {n2} spectators in freezing conditions.",
          "The coach praised his side's discipline and said the team was ready for the next match in March.|Kazakhstan's coach said his young squad had learned a lot.|{team} now lead their group by {n5} points.",
          "Attendance was {n2} in a stadium built for twice that number.|Tickets for the return fixture go on sale next week.|"]),
        ("{athlete} wins stage {n5} of the {race}",
         ["{athlete} won stage {n5} of the {race} {weekday} after a late attack on the final climb.|A solo attack {n1} km from the line gave {athlete} victory on stage {n5} of the {race}.|{athlete} took stage {n5} of the {race} in a sprint from a small group.",
          "The {n1}-year-old finished {n5} seconds ahead of the chasing group.|The Astana team, registered in Kazakhstan, now lead the team classification.|Crosswinds split the peloton in the final {n1} kilometres.",
          "Team managers said the result was a boost before the spring classics.|The race continues with a time trial on {date}.|"]),
        ("Heavy snow disrupts traffic in {city_abroad}",
         ["Heavy snowfall brought traffic to a standstill in {city_abroad} {weekday}, with more than {n2} flights delayed.|Up to {n1} centimetres of snow fell on {city_abroad} overnight, closing schools.|Drivers in {city_abroad} were stuck for hours {weekday} as snow blocked main roads.",
          "Forecasters said temperatures would fall to minus {n1} degrees, with cold air arriving from Siberia and northern Kazakhstan.|A cold front moving in from Siberia and the Kazakh steppe is expected to keep temperatures low.|The weather service issued an orange warning for the next {n5} days.",
          "City authorities deployed {n2} snow ploughs and asked residents to avoid unnecessary journeys.|Rail services ran with delays of up to {n5} hours.|"]),
        ("Oil prices edge higher on supply worries",
         ["Brent crude rose {n5} percent {weekday}, helped by cold weather in Europe and outages in Libya.|Oil climbed to ${n2} a barrel {weekday}, its highest in {n5} weeks.|Crude prices extended gains {weekday} on concern about supply.",
          "Traders also pointed to lower output from several OPEC+ members, including Kazakhstan and Nigeria.|OPEC+ members including Nigeria, Angola and Kazakhstan have struggled to meet their quotas.|Inventories in the United States fell by {n3} barrels, data showed.",
          "Analysts at {company_abroad} said the market would stay tight in the first quarter.|Gas prices in Europe also rose.|"]),
        ("Kyrgyzstan and Tajikistan trade accusations over border incident",
         ["Kyrgyzstan and Tajikistan accused each other of opening fire near the disputed border in the Batken region {weekday}.|Border guards of Kyrgyzstan and Tajikistan exchanged fire in Batken {weekday}, officials said.|A shooting on the Kyrgyz-Tajik border left {n1} people injured {weekday}.",
          "{n1} people were reported injured, according to border officials on both sides.|Both sides said the situation had calmed by the evening.|Talks between local governors were planned for {date}.",
          "The two countries have clashed repeatedly over water and land along the poorly marked frontier.|About a third of the 970-km border has not been demarcated.|"]),
        ("{company_abroad} reports record quarterly profit",
         ["{company_abroad} reported a record profit for the fourth quarter {weekday}, beating analysts' forecasts.|Quarterly profit at {company_abroad} rose {n1} percent to a record.|{company_abroad} said {weekday} that fourth-quarter earnings reached {n3} million euros.",
          "The company said demand in Asia and Central Europe stayed strong, and it plans to expand in Kazakhstan and Uzbekistan next year.|Sales grew fastest in Asia; the company also named Central Asia as a growth market.|Its chief executive said supply chain problems were easing.",
          "Shares rose {n5} percent in early trading.|The dividend will rise by {n1} cents.|"]),
        ("Figure skater {athlete} prepares for Beijing Olympics",
         ["{athlete} says preparations for the Beijing Winter Olympics are on track after a training camp in {city_abroad}.|After {n5} weeks of training in {city_abroad}, {athlete} says the Olympic programme is ready.|{athlete} returned to {city_abroad} {weekday} for the final training block before Beijing.",
          "The skater, who has trained with coaches from Russia and Kazakhstan, will compete in the individual event.|A new quadruple jump has been added to the free programme.|The coaching team includes a former world champion.",
          "The Games open on 4 February.|The team flies to China on {date}.|"]),
    ];

    /// <summary>Colour every such piece carries, so two pieces from one template are not copies of each other.</summary>
    public static readonly string[] Extras =
    [
        "\"It was a day to remember,\" said {witness}, who followed events from {city_abroad}.",
        "{witness}, a spokeswoman, said further details would be released on {date}.",
        "Figures published on {date} showed {n3} visitors in the first {n5} days.",
        "{person} told local media that preparations had taken {n1} months.",
        "The next update is expected from {company_abroad} in {n5} weeks.",
        "Local broadcaster coverage drew an audience of {n3}, organisers said.",
        "\"We expected this,\" {person} said, adding that {n2} people had been involved.",
        "A statement posted on {date} by {person} gave no further details.",
    ];

    public static readonly string[] Teams = ["Denmark", "Finland", "Ukraine", "France", "Bosnia", "Scotland", "Norway", "Portugal"];
    public static readonly string[] Cities = ["Moscow", "Copenhagen", "Helsinki", "Bishkek", "Tashkent", "Berlin", "Warsaw", "Kyiv", "Novosibirsk"];
    public static readonly string[] Athletes = ["Alexey Lutsenko", "Jakob Fuglsang", "Kamila Valieva", "Mikhail Shaidorov", "Erling Haaland", "Harry Kane", "Vincenzo Nibali"];
    public static readonly string[] Races = ["Tour Down Under", "Tour of Oman", "Volta a la Comunitat Valenciana", "Etoile de Besseges"];
    public static readonly string[] Companies = ["Siemens", "Unilever", "Hyundai", "Carlsberg", "Danone", "Yandex", "Samsung", "Bosch"];

    public static void AddSlots(Random random, Dictionary<string, string> slots)
    {
        slots["team"] = StoryFacts.Pick(random, Teams);
        slots["city_abroad"] = StoryFacts.Pick(random, Cities);
        slots["athlete"] = StoryFacts.Pick(random, Athletes);
        slots["race"] = StoryFacts.Pick(random, Races);
        slots["company_abroad"] = StoryFacts.Pick(random, Companies);
    }
}
