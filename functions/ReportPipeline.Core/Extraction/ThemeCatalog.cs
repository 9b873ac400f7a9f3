namespace ReportPipeline.Core.Extraction;

/// <summary>A thematic key of the survey with the words that signal it.</summary>
public sealed record Theme(string Key, string Title, IReadOnlyList<string> Terms);

/// <summary>The survey's thematic keys and their vocabulary.</summary>
public sealed class ThemeCatalog(IReadOnlyList<Theme> themes)
{
    public IReadOnlyList<Theme> Themes { get; } = themes;

    public static ThemeCatalog Default { get; } = new(
    [
        new("legislation", "Legislation and criminalization", ["legislation", "criminaliz", "criminalis", "législation", "legislación", "законодательств", "立法", "تشريع"]),
        new("cft", "Countering the financing of terrorism", ["financing of terrorism", "terrorist financing", "fatf", "financial intelligence", "financement du terrorisme", "gafi", "financiación del terrorismo", "financiamiento del terrorismo", "финансирован", "资助恐怖主义", "恐怖融资", "تمويل الإرهاب"]),
        new("law-enforcement", "Law enforcement", ["law enforcement", "police", "policía", "полици", "правоохранительн", "执法", "警察", "إنفاذ القانون", "الشرطة"]),
        new("border-management", "Border management", ["border", "frontière", "frontera", "границ", "边境", "边界", "الحدود"]),
        new("judicial-cooperation", "Judicial cooperation (MLA, extradition)", ["mutual legal assistance", "extradition", "entraide judiciaire", "asistencia judicial", "extradición", "выдач", "правовой помощи", "引渡", "司法协助", "تسليم المجرمين", "المساعدة القانونية"]),
        new("ftf", "Foreign terrorist fighters", ["foreign terrorist fighter", "combattants terroristes étrangers", "combatientes terroristas extranjeros", "иностранных боевиков", "иностранные боевики", "外国恐怖主义作战人员", "المقاتلين الإرهابيين الأجانب"]),
        new("ict", "ICT and misuse of the Internet", ["internet", "online", "social media", "en ligne", "réseaux sociaux", "redes sociales", "интернет", "互联网", "网络", "الإنترنت"]),
        new("biometrics", "Biometrics", ["biometric", "biométrique", "biométric", "биометри", "生物识别", "البيومترية", "القياسات الحيوية"]),
        new("organized-crime", "Terrorism and organized crime", ["organized crime", "organised crime", "criminalité organisée", "delincuencia organizada", "crimen organizado", "организованн", "有组织犯罪", "الجريمة المنظمة"]),
        new("remvt", "Racially or ethnically motivated terrorism", ["racially", "xenophob", "xénophob", "xenofob", "ксенофоб", "仇外", "كراهية الأجانب"]),
        new("soft-targets", "Protection of soft targets", ["soft target", "cibles vulnérables", "objetivos vulnerables", "уязвимых объектов", "软目标", "الأهداف السهلة"]),
        new("human-rights", "Human rights", ["human rights", "droits de l'homme", "droits humains", "derechos humanos", "прав человека", "人权", "حقوق الإنسان"]),
        new("gender", "Gender", ["gender", "women", "genre", "femmes", "género", "mujeres", "гендер", "женщин", "性别", "妇女", "المرأة", "الجنسين"]),
        new("civil-society", "Civil society and whole-of-society", ["civil society", "société civile", "sociedad civil", "гражданского общества", "гражданское общество", "民间社会", "المجتمع المدني"]),
        new("covid-19", "COVID-19", ["covid", "pandemic", "pandémie", "pandemia", "пандеми", "疫情", "新冠", "الجائحة", "كوفيد"]),
    ]);

    /// <summary>The keys of the themes a passage mentions, in catalogue order.</summary>
    public IReadOnlyList<string> Match(string text)
    {
        var lower = text.ToLowerInvariant();
        return [.. Themes.Where(t => t.Terms.Any(term => lower.Contains(term, StringComparison.Ordinal))).Select(t => t.Key)];
    }

    public static IReadOnlyList<ThemeMention> Summarise(IEnumerable<ExtractedAnswer> answers) =>
        [.. answers
            .SelectMany(a => a.Themes.Select(t => (Theme: t, a.Question)))
            .GroupBy(x => x.Theme, StringComparer.Ordinal)
            .Select(g => new ThemeMention(g.Key, [.. g.Select(x => x.Question).Distinct().Order()]))];

    public string Title(string key) => Themes.FirstOrDefault(t => t.Key == key)?.Title ?? key;
}
