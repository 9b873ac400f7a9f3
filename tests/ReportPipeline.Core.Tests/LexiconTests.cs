using ReportPipeline.Extraction;

namespace ReportPipeline.Core.Tests;

public sealed class LexiconTests
{
    [Fact]
    public void For_EveryLanguage_LoadsEveryCueFromItsFiles()
    {
        foreach (var language in new[] { "en", "fr", "es", "ru", "zh", "ar" })
        {
            var cues = QuestionVocabulary.For(language).Select(t => t.Cue).Distinct();

            Assert.Equal(Enum.GetValues<Cue>().Order(), cues.Order());
        }
    }

    [Fact]
    public void For_TermWrittenTwice_CountsOnceAtItsHigherWeight()
    {
        var terms = QuestionVocabulary.For("en").GroupBy(t => (t.Text, t.Cue));

        Assert.All(terms, g => Assert.Single(g));
    }

    [Fact]
    public void Parse_PhraseWordTakingAnyEnding_KeepsItsMark() =>
        Assert.Equal(" техническ* помощ", Assert.Single(QuestionVocabulary.Parse("ru", Cue.B, "2 Техническ* помощ", "ru/b.txt")).Text);

    [Theory]
    [InlineData("ru", "2 помощ*")]
    [InlineData("ru", "2 gap$* identif")]
    [InlineData("zh", "2 技术*援助")]
    public void Parse_AnyEndingWithNoWordAfterItOrWithoutSpaces_IsRefused(string language, string line) =>
        Assert.Throws<FormatException>(() => QuestionVocabulary.Parse(language, Cue.B, line, "b.txt").ToList());

    [Theory]
    [InlineData("The Council should adapt its working methods.", true)]
    [InlineData("Delegates called on the Committee to publish its guidance in every official language.", true)]
    [InlineData("The Committee met on Tuesday, and after a long exchange of views on many subjects that were raised by the speakers, we should all rest.", false)]
    public void Score_DirectiveNearItsAddressee_IsEvidenceOfC(string sentence, bool addressed) =>
        Assert.Equal(addressed, Lexicon.For("en").Score(sentence).Question(Question.C) >= Lexicon.AddressedDirective);

    [Theory]
    [InlineData("es", "Pedimos que el Comité preste más atención al uso de drones.")]
    [InlineData("fr", "Le Comité gagnerait à publier la synthèse de ses évaluations.")]
    [InlineData("fr", "Nous demandons à la DECT d’associer davantage la société civile à ses visites.")]
    [InlineData("ru", "Совету Безопасности следовало бы пересмотреть методы работы.")]
    [InlineData("ru", "ИДКТК стоило бы ежегодно публиковать обобщенные выводы.")]
    [InlineData("ru", "По мнению делегации, Контртеррористический комитет должен чаще выезжать в регионы.")]
    [InlineData("ru", "Комитету 1267 следует упростить процедуру исключения из перечня.")]
    [InlineData("zh", "我们敦促反恐委员会关注无人机问题。")]
    [InlineData("ar", "داعياً المديرية التنفيذية إلى إدراج هذه المسألة في تقييماتها.")]
    public void Score_RequestOfTheCouncilInEachLanguage_IsEvidenceOfC(string language, string sentence) =>
        Assert.True(Lexicon.For(language).Score(sentence).Question(Question.C) >= Lexicon.AddressedDirective);

    [Theory]
    [InlineData("en", "The recommendations of CTED became the backbone of our road map.", false)]
    [InlineData("en", "We recommend that the Committee publish its guidance in every language.", true)]
    [InlineData("fr", "Les recommandations du Comité ont guidé nos réformes.", false)]
    [InlineData("ru", "Рекомендации ИДКТК легли в основу нашего национального плана.", false)]
    [InlineData("zh", "执行局的建议已成为我国行动计划的基础。", false)]
    public void Score_RecommendationsTheCommitteeMade_AreNoRequestOfIt(string language, string sentence, bool request) =>
        Assert.Equal(request, Lexicon.For(language).Score(sentence).Question(Question.C) >= Lexicon.AddressedDirective);

    [Theory]
    [InlineData("We welcome the work of the Office of Counter-Terrorism and the General Assembly.", true)]
    [InlineData("We thank the Counter-Terrorism Committee and its Executive Directorate.", false)]
    [InlineData("We value the dialogue between the Counter-Terrorism Committee and its Executive Directorate.", true)]
    public void Score_TwoEntitiesOfTheArchitecture_AreEvidenceOfD(string sentence, bool architecture) =>
        Assert.Equal(architecture, Lexicon.For("en").Score(sentence).Question(Question.D) > 0);

    [Theory]
    [InlineData("en", "Our agencies worked together with the Counter-Terrorism Committee Executive Directorate during its visit.")]
    [InlineData("ar", "عملت أجهزتنا جنباً إلى جنب مع المديرية التنفيذية للجنة مكافحة الإرهاب خلال زيارتها.")]
    [InlineData("ru", "Наши ведомства работали вместе с Исполнительным директоратом Контртеррористического комитета.")]
    public void Score_CtedByItsFullName_IsOneEntity(string language, string sentence)
    {
        var scores = Lexicon.For(language).Score(sentence);

        Assert.Equal(0, scores.Question(Question.D));
        Assert.Equal(0.5, scores[Cue.Body]);
    }

    [Fact]
    public void Score_RequestOfCtedByItsFullName_IsEvidenceOfC() =>
        Assert.True(Lexicon.For("en").Score("We call on the Counter-Terrorism Committee Executive Directorate to publish its findings.").Question(Question.C)
            >= Lexicon.AddressedDirective);

    [Theory]
    [InlineData("Terrorism remains a serious challenge.", 0)]
    [InlineData("Our country faces a serious challenge.", 4)]
    public void Score_ObstacleWithoutWhoMeetsIt_IsNotEvidenceOfA(string sentence, double expected) =>
        Assert.Equal(expected, Lexicon.For("en").Score(sentence).Question(Question.A));

    [Theory]
    [InlineData("fr", "Les camps restent une bombe à retardement pour les États de la région.", "a")]
    [InlineData("fr", "La définition du terrorisme divise encore les États.", "a")]
    [InlineData("ar", "يواجه المجتمع الدولي تحديات الإرهاب.", "a")]
    [InlineData("ar", "تنفذ بلادنا برامج طويلة الأمد.", "a")]
    [InlineData("ar", "تعزيز البنية التحتية في بلادنا.", "d")]
    [InlineData("ar", "استمع المجلس إلى إحاطة من مكتب الأمم المتحدة لمكافحة الإرهاب.", "d")]
    [InlineData("ar", "تبحث اللجنة التقرير السنوي.", "c")]
    [InlineData("zh", "安理会应坚持统一标准。", "d")]
    [InlineData("zh", "分享到：微信 微博", "b")]
    public void Score_TermInsideAnUnrelatedWord_IsNoEvidence(string language, string sentence, string question) =>
        Assert.Equal(0, Lexicon.For(language).Score(sentence).Question(Question.Parse(question)));

    [Theory]
    [InlineData("Техническая помощь оказалась полезной.")]
    [InlineData("Мы получили техническую помощь.")]
    [InlineData("Мы довольны технической помощью.")]
    public void Score_PhraseWhoseWordsTakeAnyEnding_IsFoundInEveryCase(string sentence) =>
        Assert.True(Lexicon.For("ru").Score(sentence).Question(Question.B) >= CueScores.CoreWeight);

    [Fact]
    public void Score_PhraseWordsApart_AreNotThePhrase() =>
        Assert.Equal(0, Lexicon.For("ru").Score("Международное право и сотрудничество неразделимы.").Question(Question.B));

    [Theory]
    [InlineData("ru", "Мы признательны Контртеррористическому комитету и его Исполнительному директорату за конструктивное взаимодействие.", "d")]
    [InlineData("ru", "Резолюция 1373, принятая Советом в 2001 году, впервые в истории обязала государства сотрудничать в обмене информацией.", "b")]
    public void Score_ThanksAndHistory_OutweighTheQuestionTheyName(string language, string sentence, string question)
    {
        var scores = Lexicon.For(language).Score(sentence);

        Assert.True(scores[Cue.Procedural] > scores.Question(Question.Parse(question)));
    }

    [Theory]
    [InlineData("en", "Our prosecutors have limited forensic capacity, which has slowed financing cases.")]
    [InlineData("ru", "Нашим следователям не хватает подготовки, а пограничные посты оснащены недостаточно.")]
    [InlineData("en", "Our border police has too few officers and not enough vehicles.")]
    [InlineData("fr", "Nos juges spécialisés sont trop peu nombreux.")]
    [InlineData("es", "Nuestros recursos no son suficientes para vigilar la frontera.")]
    [InlineData("ar", "الموارد المتاحة لأجهزتنا غير كافية.")]
    public void Score_AStatesOwnShortfall_IsEvidenceOfA(string language, string sentence) =>
        Assert.True(Lexicon.For(language).Score(sentence).Question(Question.A) >= CueScores.CoreWeight);

    [Theory]
    [InlineData("en", "Member states must criminalise financing, including but not limited to the financing of travel.")]
    [InlineData("en", "The assessment visit helped us identify gaps in our legal framework.")]
    [InlineData("ru", "Ни одно государство не в состоянии в одиночку справиться с такими вызовами.")]
    [InlineData("ru", "Приоритет следует отдавать государствам, наиболее уязвимым перед вербовкой боевиков.")]
    [InlineData("ar", "ساعدت زيارة التقييم في تحديد الثغرات في منظومتنا الوطنية.")]
    public void Score_NoStatesOwnShortfall_IsNoEvidenceOfA(string language, string sentence) =>
        Assert.Equal(0, Lexicon.For(language).Score(sentence).Question(Question.A));

    [Theory]
    [InlineData("en", "Member states continue to face the threat of returning fighters.", false)]
    [InlineData("en", "Member states continue to face difficulties in reporting on time.", true)]
    [InlineData("fr", "Les pays de la région sont confrontés à la menace des groupes armés.", false)]
    [InlineData("fr", "Les pays de la région sont confrontés à un manque de magistrats formés.", true)]
    [InlineData("es", "Los Estados de la región enfrentan la amenaza de los combatientes que regresan.", false)]
    [InlineData("es", "Los Estados de la región enfrentan dificultades para aplicar la resolución.", true)]
    [InlineData("ru", "Государства региона сталкиваются с угрозой возвращения боевиков.", false)]
    [InlineData("ru", "Государства региона сталкиваются с нехваткой подготовленных следователей.", true)]
    [InlineData("zh", "我国边境地区面临恐怖主义威胁。", false)]
    [InlineData("zh", "我国边境地区面临资金不足的困难。", true)]
    [InlineData("ar", "ندعو إلى بناء قدرات الدول التي تواجه هذا الخطر.", false)]
    [InlineData("ar", "تواجه الدول صعوبات في تنفيذ التزاماتها.", true)]
    public void Score_FacingTheThreatOrADifficulty_OnlyTheDifficultyIsEvidenceOfA(string language, string sentence, bool difficulty) =>
        Assert.Equal(difficulty, Lexicon.For(language).Score(sentence).Question(Question.A) >= CueScores.CoreWeight);

    [Theory]
    [InlineData("ru", "Эта помощь оказалась наиболее полезной для наших ведомств.", true)]
    [InlineData("ru", "С помощью беспилотников террористы ведут разведку.", false)]
    [InlineData("ru", "Вернувшимся детям нужна психологическая помощь.", false)]
    [InlineData("en", "Humanitarian assistance reached the camps last month.", false)]
    public void Score_AssistanceToAState_IsEvidenceOfB(string language, string sentence, bool assistance) =>
        Assert.Equal(assistance, Lexicon.For(language).Score(sentence).Question(Question.B) >= CueScores.CoreWeight);

    [Fact]
    public void Score_ContextWordsAlone_AreNoEvidence() =>
        Assert.Equal(0, Lexicon.For("en").Score("Our network of partners received support and funding.").Question(Question.B));
}
