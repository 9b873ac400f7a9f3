using ReportPipeline.Core.Languages;

namespace ReportPipeline.Core.Reports;

/// <summary>
/// The survey's thematic keys and their vocabulary in the six UN languages. Terms are folded like the text
/// (<see cref="TextNormalizer"/>: case, accents, Arabic letter variants) and found anywhere in it, in one pass.
/// </summary>
public sealed class ThemeCatalog
{
    private readonly TermMatcher _matcher;
    private readonly int[] _themeOfTerm;

    public ThemeCatalog(IReadOnlyList<Theme> themes)
    {
        Themes = themes;
        var terms = themes.SelectMany((t, i) => t.Terms.Select(term => (Text: TextNormalizer.Normalize(term).Trim(), Theme: i))).Where(x => x.Text.Length > 0).ToList();
        _matcher = new TermMatcher([.. terms.Select(t => t.Text)]);
        _themeOfTerm = [.. terms.Select(t => t.Theme)];
    }

    public IReadOnlyList<Theme> Themes { get; }

    public static ThemeCatalog Default { get; } = new(
    [
        new("legislation", "Legislation and criminalization",
        [
            "legislation", "criminaliz", "criminalis", "penal code", "criminal code", "counter-terrorism law", "législation", "loi antiterroriste",
            "incrimin", "code pénal", "legislación", "tipific", "ley antiterrorista", "código penal", "законодательств", "криминализ",
            "уголовный кодекс", "立法", "刑事定罪", "定为刑事罪", "刑法", "反恐怖主义法", "تشريع", "تجريم", "قانون مكافحة الإرهاب", "قانون العقوبات",
        ]),
        new("cft", "Countering the financing of terrorism",
        [
            "financing of terrorism", "terrorist financing", "terrorism financing", "fatf", "financial intelligence", "financement du terrorisme",
            "gafi", "renseignement financier", "financiación del terrorismo", "financiamiento del terrorismo", "gafilat", "inteligencia financiera",
            "финансирован", "фатф", "финансовой разведк", "资助恐怖主义", "恐怖融资", "反洗钱", "金融行动特别工作组", "金融情报", "تمويل الإرهاب", "مجموعة العمل المالي",
            "الاستخبارات المالية", "وحدة التحريات المالية",
        ]),
        new("law-enforcement", "Law enforcement",
        [
            "law enforcement", "police", "policía", "полици", "правоохранительн", "执法", "警察", "警方", "إنفاذ القانون", "الشرطة", "forces de l'ordre",
            "services répressifs", "fuerzas del orden", "cuerpos de seguridad", "interpol", "интерпол", "国际刑警", "الإنتربول",
        ]),
        new("border-management", "Border management",
        [
            "border", "frontière", "frontalier", "frontera", "fronteriz", "границ", "погранич", "边境", "边界", "口岸", "الحدود", "الحدودي",
            "advance passenger", "api/pnr", "passenger name record", "données des passagers", "información anticipada sobre pasajeros", "旅客信息",
            "بيانات المسافرين",
        ]),
        new("judicial-cooperation", "Judicial cooperation (MLA, extradition)",
        [
            "mutual legal assistance", "extradition", "entraide judiciaire", "asistencia judicial", "asistencia jurídica mutua", "extradición",
            "выдач", "правовой помощи", "引渡", "司法协助", "تسليم المجرمين", "المساعدة القانونية", "المساعدة القضائية", "joint investigation",
            "équipes communes d'enquête", "equipos conjuntos de investigación", "совместных расследован", "联合调查",
        ]),
        new("ftf", "Foreign terrorist fighters",
        [
            "foreign terrorist fighter", "foreign fighter", "returnee", "combattants terroristes étrangers", "combattants étrangers", "revenants",
            "combatientes terroristas extranjeros", "combatientes extranjeros", "retornados", "иностранных боевиков", "иностранные боевики",
            "иностранных террористов-боевиков", "боевиков-террористов", "外国恐怖主义作战人员", "外国恐怖作战人员", "回流", "المقاتلين الإرهابيين الأجانب",
            "المقاتلين الأجانب", "العائدين",
        ]),
        new("ict", "ICT and misuse of the Internet",
        [
            "internet", "online", "social media", "cyber", "information and communications technolog", "encrypted", "en ligne", "réseaux sociaux",
            "cyber", "redes sociales", "en línea", "ciber", "интернет", "социальных сет", "социальные сети", "кибер", "информационно-коммуникационн",
            "互联网", "网络", "社交媒体", "信息通信技术", "الإنترنت", "وسائل التواصل الاجتماعي", "الفضاء الإلكتروني", "السيبراني", "تكنولوجيا المعلومات والاتصالات",
        ]),
        new("biometrics", "Biometrics",
        [
            "biometric", "biométrique", "biométric", "биометри", "生物识别", "生物特征", "البيومترية", "القياسات الحيوية", "البصمات",
        ]),
        new("organized-crime", "Terrorism and organized crime",
        [
            "organized crime", "organised crime", "drug trafficking", "criminalité organisée", "trafic de drogue", "delincuencia organizada",
            "crimen organizado", "narcotráfico", "организованн", "наркотрафик", "незаконного оборота наркотиков", "有组织犯罪", "毒品", "الجريمة المنظمة",
            "الاتجار بالمخدرات",
        ]),
        new("remvt", "Racially or ethnically motivated terrorism",
        [
            "racially", "ethnically motivated", "far-right", "extreme right", "right-wing", "xenophob", "xénophob",
            "motivé par des considérations raciales", "extrême droite", "xenofob", "racial", "extrema derecha", "ксенофоб", "расов", "仇外", "种族",
            "极右", "كراهية الأجانب", "العنصري", "اليمين المتطرف",
        ]),
        new("soft-targets", "Protection of soft targets",
        [
            "soft target", "critical infrastructure", "places of worship", "public places", "cibles vulnérables", "infrastructures critiques",
            "lieux de culte", "objetivos vulnerables", "infraestructura crítica", "infraestructuras críticas", "lugares de culto",
            "уязвимых объектов", "критически важной инфраструктуры", "критической инфраструктуры", "软目标", "关键基础设施", "الأهداف السهلة",
            "الأهداف الهشة", "البنية التحتية الحيوية", "دور العبادة",
        ]),
        new("human-rights", "Human rights",
        [
            "human rights", "rule of law", "droits de l'homme", "droits humains", "état de droit", "derechos humanos", "estado de derecho",
            "прав человека", "права человека", "верховенства права", "人权", "法治", "حقوق الإنسان", "سيادة القانون",
        ]),
        new("gender", "Gender",
        [
            "gender", "women", "égalité des genres", "dimension de genre", "femmes", "género", "mujeres", "гендер", "женщин", "性别", "妇女", "المرأة",
            "النساء", "الجنسين",
        ]),
        new("civil-society", "Civil society and whole-of-society",
        [
            "civil society", "whole-of-society", "private sector", "société civile", "secteur privé", "sociedad civil", "sector privado",
            "гражданского общества", "гражданское общество", "частного сектора", "民间社会", "私营部门", "全社会", "المجتمع المدني", "القطاع الخاص",
        ]),
        new("covid-19", "COVID-19",
        [
            "covid", "pandemic", "pandémie", "pandemia", "пандеми", "коронавирус", "疫情", "新冠", "الجائحة", "كوفيد", "كورونا",
        ]),
    ]);

    /// <summary>The keys of the themes a passage mentions, in catalogue order.</summary>
    public IReadOnlyList<string> Match(string text)
    {
        var found = new bool[Themes.Count];
        var state = (Found: found, Map: _themeOfTerm);
        _matcher.Scan(TextNormalizer.Normalize(text), ref state, static (ref (bool[] Found, int[] Map) s, int id, int _) => s.Found[s.Map[id]] = true);
        return [.. Themes.Where((_, i) => found[i]).Select(t => t.Key)];
    }

    public static IReadOnlyList<ThemeMention> Summarise(IEnumerable<ExtractedAnswer> answers) =>
        [.. answers
            .SelectMany(a => a.Themes.Select(t => (Theme: t, a.Question)))
            .GroupBy(x => x.Theme, StringComparer.Ordinal)
            .Select(g => new ThemeMention(g.Key, [.. g.Select(x => x.Question).Distinct().Order()]))];

    public string Title(string key) => Themes.FirstOrDefault(t => t.Key == key)?.Title ?? key;
}
