namespace KazakhUnrest.DevTools.Generate;

/// <summary>Context paragraphs every outlet adds to every story in its own words: the shared vocabulary that
/// makes two stories of the same day look alike to a naive clusterer.</summary>
public static class Background
{
    public static readonly string[][] Paragraphs =
    [
        ["The {~protests} began on 2 January in Zhanaozen, in the oil-producing Mangystau region, after the price of liquefied gas doubled.",
         "The {~unrest} started in the western town of Zhanaozen at the start of January, when fuel prices doubled overnight.",
         "What began as a protest over the price of LPG in Mangystau turned within days into the worst {~unrest} in Kazakhstan's independent history."],
        ["Zhanaozen was the scene of a deadly crackdown on striking oil workers in December 2011, when at least 14 people were killed.",
         "In 2011, police in Zhanaozen shot dead at least 14 striking oil workers, a memory that still shapes the town."],
        ["President Kassym-Jomart Tokayev declared a state of emergency, asked the Collective Security Treaty Organization for help and ordered security forces to fire without warning.",
         "Tokayev responded by sacking the government, calling in CSTO troops and giving a shoot-without-warning order.",
         "The authorities blamed foreign-trained {~terrorists}, cut the internet and invited troops from the Russia-led CSTO."],
        ["Former president Nursultan Nazarbayev, who ruled Kazakhstan for nearly three decades, was removed as head of the Security Council on 5 January.",
         "Nazarbayev, 81, lost his post as chairman of the Security Council at the height of the {~unrest}, and some of his relatives later lost senior jobs.",
         "Many {~protesters} chanted 'Shal, ket!' ('Old man, go!'), aimed at Nursultan Nazarbayev, who remained influential after stepping down in 2019."],
        ["According to official figures, 238 people were killed, including 19 members of the security forces, and more than 10,000 were detained.",
         "Officials later put the death toll at 238 and said around 10,000 people had been detained nationwide.",
         "The final official toll was 238 dead; rights groups say the real number may be higher."],
        ["Kazakhstan is the world's largest producer of uranium and a major oil exporter, and it is home to a large share of global bitcoin mining.",
         "The country of 19 million people is Central Asia's largest economy and a major exporter of oil and uranium."],
        ["Almaty, the country's largest city and former capital, saw the heaviest violence.",
         "The worst violence took place in Almaty, Kazakhstan's commercial hub, where government buildings were set on fire."],
    ];

    public static readonly string[] Closers =
    [
        "This is a developing story and will be updated.",
        "The situation remains tense.",
        "Reporting by {outlet_name} staff; editing by the news desk.",
        "{outlet_name} could not independently verify the reports.",
        "Authorities have not commented further.",
        "",
        "",
    ];

    public static readonly string[] Furniture =
    [
        "Follow our live coverage of events in Kazakhstan.",
        "Subscribe to our newsletter for daily updates from Central Asia.",
        "Read more: what we know about the events in Kazakhstan.",
        "Join our Telegram channel for the latest news.",
        "Photo: archive. Editing by the duty desk.",
    ];
}
