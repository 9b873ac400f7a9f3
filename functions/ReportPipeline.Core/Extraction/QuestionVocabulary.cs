using ReportPipeline.Core.Languages;

namespace ReportPipeline.Core.Extraction;

/// <summary>What a vocabulary term is evidence of.</summary>
public enum Cue
{
    /// <summary>Question (a): challenges, gaps and needs in implementation.</summary>
    A,

    /// <summary>Question (b): international cooperation, technical assistance, good practices.</summary>
    B,

    /// <summary>Question (c): what the Council and its Committee should do; priorities; the evolving threat.</summary>
    C,

    /// <summary>Question (d): coordination within the United Nations counter-terrorism architecture.</summary>
    D,

    /// <summary>Procedural speech: greetings, thanks, congratulations, condolences, condemnation, history, closing formulas.</summary>
    Procedural,

    /// <summary>A question acknowledged but deflected ("I will not repeat it here").</summary>
    Deflection,

    /// <summary>The speaker is winding up, so the current marker or heading no longer governs ("In conclusion").</summary>
    Closing,

    /// <summary>A heading that answers nothing ("Introduction", "Conclusion").</summary>
    NullHeading,
}

/// <summary>A vocabulary term: the folded text to find, what it signals, and how strongly.</summary>
public sealed record VocabularyTerm(string Text, Cue Cue, double Weight);

/// <summary>
/// The per-question vocabulary in the six UN languages. Latin and Cyrillic terms are word-initial stems (a leading
/// space is added, so "challeng" matches "challenges" but not "unchallenged"); a trailing "$" asks for a whole word.
/// Arabic and Chinese terms match anywhere: Arabic attaches articles and conjunctions to words, and Chinese has no
/// spaces, so multi-character terms act as character n-grams. Everything is folded by <see cref="TextNormalizer"/>.
/// The terms describe what each question asks about in the vocabulary of UN counter-terrorism debates, not the
/// wording of any particular statement.
/// </summary>
public static class QuestionVocabulary
{
    private static readonly Dictionary<string, string> s_source = new(StringComparer.Ordinal)
    {
        ["en"] = """
            A2: requires more|require more|need more|needs more|in need of|we need|lack$|we lack|delay|slow$|slowly|lengthy|too long|more than a year|years to|lag behind|difficulties|challeng|obstacle|difficult|gap$|gaps$|shortcoming|shortage|lack of|lacks$|lacking|insufficien|inadequa|under-resourced|underresourced|constrain|hamper|hinder|imped|struggl|bottleneck|weakness|limited capacit|limited resources|capacity gap|hurdle|deficien|persistent|still face|continue to face|we face|remains a concern|shortfall|not yet|difficulty|unable to
            A0.5: national agencies|between agencies|among agencies|domestic agencies|our agencies|our institutions
            A1: have had to|had to learn|had to develop|has had to|small states|small island|biggest|greatest|serious|acute|our region|our own|national situation|national level|domestic|at home|our country|my country|our national|capacity$|capacities|needs$|need for|resourc|porous|vulnerab|burden|costly|problem|remain$|remains$|still$|lag$|lags$|lag behind|backlog|pressure|overstretch|complex
            B2: international cooperation|technical assistance|capacity-building|capacity building|build capacit|best practice|good practice|lessons learn|assistance$|training|trained|workshop|bilateral|regional cooperation|cooperation with|partnership|donor|assessment visit|country visit|joint investigation|mutual legal assistance|extradition|information sharing|sharing of information|exchange of information|share experience|sharing experience|sharing of experience|exchange of experience|disseminat|south-south|peer-to-peer|benefited|benefitted
            B1: success|successful|tool$|tools$|programme|project|cooperat|support$|supported|provided|interpol|unodc|gctf|memorand|agreement|network|exchange|helped|useful|effective|valuable|fund$|funded|funding|expertise
            C2: council should|council must|committee should|committee must|ctc should|cted should|council needs to|committee needs to|council could|committee could|should prioriti|priorit|evolving threat|evolving nature|evolution of the threat|changing threat|new threat|emerging threat|threat has changed|threat is evolving|adapt$|adapt its|adapting|adaptation|urge the committee|urge the council|call on the committee|call on the council|calls on the committee|encourage the committee|encourage the council|invite the committee|greater attention|closer attention|pay attention|more attention|going forward|looking ahead|years ahead|in the future|future$|mandate|focus on|should focus|strengthen its response|agile|more robust
            C1: new technolog|emerging technolog|unmanned aircraft|drone|artificial intelligence|virtual asset|crypto|racially|ethnically motivated|extreme right|far-right|right-wing|xenophob|conditions conducive|root causes
            C1: should$|must$|need to|needs to|urge|call on|recommend|encourage|threat|evolving|landscape|sanctions|listing|council$|committee's|prevention of violent extremism|preventing violent extremism
            D2: sanctions committee|sanctions committees|panel of experts|panels of experts|architecture|unoct|office of counter-terrorism|counter-terrorism office|coordination compact|global compact|counter-terrorism compact|one un$|all-of-un|un entities|united nations entities|subsidiary bodies|subsidiary organs|1267|1540|monitoring team|duplicat|overlap|integrated|unified|silo|synerg|system-wide|united nations system|un system|global counter-terrorism strategy|division of labour|division of labor|complementar|work as one|single platform|one united nations|delivering as one|united nations counter-terrorism centre|uncct
            D1.5: coordinat|coheren|inter-agency|interagency
            D1: cted and|and cted|entities|united nations|consolidat|streamlin|fragment|mandates
            P3: thank|congratulat|condolence|sympath|condemn
            P2: let me turn to|let me now turn|turn to the questions|i wish to focus|in my remarks|my remarks today|i will address|i would like to address|allow me to address|i shall focus|i will focus|my delegation will address|twenty years after|two decades|past twenty years|20 years after|adopted resolution|was adopted|since its adoption|laid the foundation|will continue to|continue to work|continue to cooperate|continue to support|reaffirms its commitment|reaffirm our commitment|reaffirm its commitment|reiterat|commend|tribute|mr president|madam president|mr chair|madam chair|excellenc|honour to|honor to|pleasure|appreciation|grateful|gratitude|briefing|anniversary|historic|landmark|milestone|cornerstone|twenty years ago|20 years ago|in the aftermath|victims|i thank you|stands ready|stand ready|remains committed|reaffirm|welcome the|i welcome|we welcome|presidency|convening|convene|open debate|concept note|solidarity
            P1: 1373|commitment|committed|paid tribute|heinous|barbaric|cowardly|despicable
            X2: will not repeat|not repeat it|shall not repeat|not dwell|written contribution|written submission|written statement|already set out|set out in detail|submitted to the committee|i will not go into|refer to our
            S2: before concluding|in conclusion|to conclude|in closing|let me conclude|allow me to conclude|concluding|let me return|to sum up|in summary
            N2: introduction|conclusion|concluding|final remarks|closing|closing remarks|final word|final thoughts|preamble|opening remarks|summary
            """,
        ["fr"] = """
            A2: a besoin de|ont besoin de|avons besoin|necessite davantage|manquent|handicap|imprevisib|retards|lenteur|trop long|plus d'un an|delais|defi|difficult|obstacle|lacune|manque de|manque$|insuffis|penurie|faiblesse|contrainte|entrave|freine|peine a|peinent a|peinons|problem|capacites limitees|moyens limites|ressources limitees|se heurte|se heurtent|defaillan|carence|pas encore|nous faisons face|nous sommes confrontes|confronte|reste a faire|retard|limite$|limitee|limites$
            A0.5: services nationaux|entre nos services|administrations nationales|nos services|nos institutions
            A1: petits etats|petite administration|notre region|besoin|capacit|ressource|porosit|poreu|vulnerab|fardeau|couteu|complexe|demeure|reste$|restent|encore$|mise en oeuvre|ouvre
            B2: cooperation internationale|assistance technique|renforcement des capacites|bonnes pratiques|meilleures pratiques|enseignement|lecons|formation|forme$|formes$|atelier|bilatera|cooperation regionale|partenariat|donateur|bailleur|visite d'evaluation|visites d'evaluation|equipes communes d'enquete|entraide judiciaire|extradition|echange d'informations|echanges d'informations|partage d'informations|partage d'experience|partage des experiences|echange d'experience|echanges d'experience|diffus|sud-sud|beneficie|assistance$
            B1: succes|reussi|outil|programme|projet|cooper|appui|soutien|soutenu|interpol|onudc|gctf|fmlct|memorandum|accord|reseau|echange|utile|efficac|precieu|financ|expertise|aide
            C2: conseil doit|conseil devrait|conseil de securite doit|conseil de securite devrait|comite doit|comite devrait|ctc doit|ctc devrait|direction executive devrait|conseil pourrait|comite pourrait|priorit|menace evolutive|evolution de la menace|menace en constante evolution|menaces nouvelles|nouvelles menaces|menaces emergentes|menace a change|menace evolue|s'adapter|adapter|adaptation|appelons le comite|appelons le conseil|appelle le comite|engageons le comite|encourageons le comite|encourageons le conseil|invitons le comite|attention accrue|une attention|accorder|a l'avenir|avenir|annees a venir|prochaines annees|mandat|se concentrer|mettre l'accent|renforcer sa reponse|agile
            C1: nouvelles technologies|technologies emergentes|drone|intelligence artificielle|actifs virtuels|crypto|racial|raciale|ethnique|extreme droite|xenophob|conditions propices|causes profondes
            C1: doit$|devrait|devons|devraient|il faut|il convient|appel|appelons|recommand|encourag|menace|evolu|sanction|conseil$|comite$|prevention de l'extremisme violent|prevenir l'extremisme violent
            D2: comite des sanctions|comites des sanctions|groupes d'experts|groupe d'experts|architecture|bureau de lutte contre le terrorisme|bureau de lutte antiterroriste|bureau de l'onu|unoct|bltt|pacte mondial|pacte de coordination|une seule onu|unite d'action|entites des nations unies|entites de l'onu|entites onusiennes|organes subsidiaires|1267|1540|equipe de surveillance|double emploi|doublon|chevauchement|integre|unifie|cloisonn|synergie|systeme des nations unies|systeme de l'onu|strategie antiterroriste mondiale|complementar|unis dans l'action|plateforme unique|centre des nations unies pour la lutte contre le terrorisme|architecture onusienne|onusien
            D1.5: coordination|coordonn|coheren|interinstitution
            D1: direction executive et|et la direction executive|entites|nations unies|rationalis|fragment|mandats
            P3: remerci|felicit|condoleance|sympathie|condamn
            P2: permettez-moi d'aborder|j'aborderai|je voudrais aborder|mon intervention|je souhaite me concentrer|j'en viens|je m'attacherai|vingt ans apres|deux decennies|depuis son adoption|depuis vingt ans|a adopte la resolution|a ete adoptee|jete les bases|continuera|continuerons|poursuivra|reaffirme son engagement|reaffirmons notre engagement|reiter|salue|saluons|hommage|monsieur le president|madame la presidente|excellence|honneur|plaisir|reconnaissan|gratitude|expose|anniversaire|historique|pierre angulaire|jalon|il y a vingt ans|au lendemain|victimes|je vous remercie|reste engage|reste pret|reaffirm|presidence|debat public|note de cadrage|note conceptuelle|solidarit|se felicite|nous felicitons
            P1: 1373|engagement|odieu|lache|barbare
            X2: ne reviendrai pas|ne pas repeter|ne le repeterai pas|ne les repeterai pas|je ne repeterai pas|contribution ecrite|deja presente|deja expose|expose en detail|ne m'attarderai pas|renvoie a
            S2: avant de conclure|en conclusion|pour conclure|pour terminer|en terminant|je conclurai|permettez-moi de conclure|revenir sur|en resume
            N2: introduction|conclusion|remarques finales|observations finales|propos liminaires|mot de la fin|en guise de conclusion
            """,
        ["es"] = """
            A2: requiere mas|requieren mas|necesita mas|necesitamos|necesitan mas|carecen|carece|demora|lentitud|retraso|demasiado largo|mas de un ano|desafio|reto$|retos$|dificultad|dificil|obstaculo|brecha|laguna|carencia|falta de|escasez|insuficien|limitacion|limitaciones|debilidad|deficiencia|problema|enfrenta|enfrentamos|obstaculiza|dificulta|impide|capacidad limitada|recursos limitados|todavia no|aun no|rezago|persistente|persisten
            A0.5: instituciones nacionales|entre nuestras instituciones|nuestras instituciones|organismos nacionales
            A1: pequenos estados|nuestra region|necesidad|necesita|capacidad|recursos|porosa|poroso|vulnerab|carga|costos|complej|sigue$|siguen|todavia|aun$|aplicacion|implementacion
            B2: cooperacion internacional|asistencia tecnica|creacion de capacidad|fortalecimiento de capacidades|fortalecimiento de la capacidad|desarrollo de capacidades|buenas practicas|mejores practicas|lecciones aprendidas|ensenanzas|capacitacion|formacion|taller|bilateral|cooperacion regional|asociacion|alianza|donante|visita de evaluacion|visitas de evaluacion|equipos conjuntos de investigacion|asistencia judicial|asistencia juridica|extradicion|intercambio de informacion|intercambio de experiencias|compartir experiencias|difusion|difundir|divulga|sur-sur|beneficiado|beneficio|asistencia$
            B1: exito|exitos|herramienta|programa|proyecto|cooper|apoyo|apoyado|interpol|unodc|gafilat|cicte|memorando|acuerdo|red$|redes|intercambio|util$|utiles|eficac|valios|financ|experiencia|ayuda
            C2: consejo debe|consejo deberia|consejo de seguridad debe|consejo de seguridad deberia|comite debe|comite deberia|cted deberia|consejo podria|comite podria|priori|amenaza cambiante|evolucion de la amenaza|amenaza en evolucion|amenaza en constante evolucion|nuevas amenazas|amenazas emergentes|amenazas nuevas|amenaza ha cambiado|adaptar|adaptacion|instamos al comite|instamos al consejo|exhortamos|alentamos al comite|alentamos al consejo|invitamos al comite|prestar atencion|mayor atencion|atencion$|en el futuro|futuro$|proximos anos|anos venideros|mandato|centrarse|centrar|enfocarse|fortalecer su respuesta|agil
            C1: nuevas tecnologias|tecnologias emergentes|drones|aeronaves no tripuladas|inteligencia artificial|activos virtuales|cripto|racial|etnic|extrema derecha|xenofob|condiciones que propician|condiciones propicias|causas profundas
            C1: debe$|deberia|debemos|deberian|es necesario|hace falta|llamamos|recomend|alent|amenaza|evolucion|sancion|consejo$|comite$|prevencion del extremismo violento|prevenir el extremismo violento
            D2: comite de sanciones|comites de sanciones|grupos de expertos|grupo de expertos|arquitectura|oficina de lucha contra el terrorismo|oficina de las naciones unidas de lucha|oficina contra el terrorismo|unoct|pacto mundial|pacto de coordinacion|una sola onu|unidos en la accion|entidades de las naciones unidas|entidades de la onu|organos subsidiarios|1267|1540|equipo de vigilancia|equipo de apoyo analitico|duplicacion|duplicidad|superposicion|solapamiento|integrad|unificad|compartimentos estancos|sinergia|sistema de las naciones unidas|sistema de la onu|estrategia global de las naciones unidas contra el terrorismo|estrategia global contra el terrorismo|complementar|plataforma unica|centro de las naciones unidas contra el terrorismo
            D1.5: coordinacion|coordin|coheren|interinstitucional
            D1: direccion ejecutiva y|y la direccion ejecutiva|entidades|naciones unidas|racionaliz|fragmenta|mandatos
            P3: agradec|gracias|felicit|condolencia|condena|condenamos
            P2: permitame referirme|me referire|quisiera referirme|mi intervencion|paso ahora|me centrare|mi delegacion se referira|abordare|veinte anos despues|dos decadas|desde su aprobacion|aprobo la resolucion|sento las bases|seguira|continuara|seguiremos|continuaremos|reafirma su compromiso|reafirmamos nuestro compromiso|reiter|encomi|homenaje|senor presidente|senora presidenta|excelencia|honor$|placer|reconocimiento|gratitud|exposicion|aniversario|historic|piedra angular|hito|hace veinte anos|hace 20 anos|tras los atentados|victimas|muchas gracias|reafirm|presidencia|debate abierto|nota conceptual|solidaridad|celebramos|acogemos con beneplacito|damos la bienvenida
            P1: 1373|compromiso|comprometid|atroz|cobarde|barbar
            X2: no repetire|no me detendre|no nos detendremos|no lo repetire|no voy a repetir|no me extendere|contribucion escrita|aportacion escrita|ya hemos presentado|ya presentamos|expuesto en detalle|me remito
            S2: antes de concluir|para concluir|en conclusion|para terminar|para finalizar|concluyo|permitame concluir|volver sobre|en resumen|finalmente, senor
            N2: introduccion|conclusion|conclusiones|consideraciones finales|reflexion final|reflexiones finales|observaciones finales|palabras finales|comentarios finales
            """,
        ["ru"] = """
            A2: требуется больше|нуждается в|нуждаются в|нуждаемся|не хватает|остро стоит|особенно остро|обременительн|задержк|медленн|затягива|более года|теряют|обременительн|вызов|трудност|сложност|препятств|пробел|недостат|нехватк|дефицит|отсутстви|недостаточн|ограниченн|слабост|проблем|затрудн|мешает|сталкива|не хватает|пока не|до сих пор|отстава|уязвим|узк
            A0.5: национальных ведомств|между ведомствами|межведомственн|наши ведомства|наших ведомств
            A1: небольших государств|малых государств|низк|потребност|нужда|нуждается|ресурс|протяженн|бремя|дорогост|сложн|остает|сохраняет
            B2: распространение передового|распространения передового|распространять передовой|распространению передового|международное сотрудничество|международного сотрудничества|международному сотрудничеству|техническая помощь|технической помощи|техническое содействие|технического содействия|наращивание потенциала|наращивания потенциала|наращиванию потенциала|укрепление потенциала|укрепления потенциала|передов|наилучш|обмен опытом|обмена опытом|обмену опытом|обмен информацией|обмена информацией|обмену информацией|обучени|тренинг|семинар|двусторонн|регионального сотрудничества|региональное сотрудничество|партнерств|донор|оценочн|посещени|совместных расследований|совместные расследования|правовой помощи|выдач|извлеченные уроки|уроки
            B1: успешн|успех|инструмент|программ|проект|сотруднич|содейств|помощ|поддержк|интерпол|унп|оон по наркотикам|одкб|снг|шос|ратс|меморандум|соглашени|сет|полезн|эффективн|ценн|финансир|экспертн
            C2: уделить первоочередное|первоочередн|комитету необходимо|совету необходимо|комитету важно|совету важно|необходимо уделить|важно уделить|совет безопасности должен|совету безопасности следует|совет должен|совету следует|комитет должен|комитету следует|контртеррористический комитет должен|контртеррористическому комитету следует|совет мог бы|комитет мог бы|приоритет|эволюционир|меняющ|изменяющ|трансформац|новые угрозы|новых угроз|новым угрозам|возникающ|угроза изменилась|адаптир|адаптац|призываем комитет|призываем совет|призываем контртеррористический|предлагаем комитету|уделять внимание|уделить внимание|больше внимания|особое внимание|в будущем|в предстоящие|ближайшие годы|мандат|сосредоточ|сконцентрир
            C1: новых технологий|новые технологии|беспилотн|искусственного интеллекта|искусственный интеллект|виртуальн|крипто|расов|этническ|ксенофоб|коренных причин|первопричин|способствующих распространению
            C1: следует|должен|должны|необходимо|нужно|призыва|рекоменд|угроз|санкци|совет$|комитет$|профилактик|предупреждени
            D2: комитетов по санкциям|комитета по санкциям|санкционных комитетов|санкционного комитета|групп экспертов|группы экспертов|архитектур|контртеррористическое управление|контртеррористического управления|управление по борьбе с терроризмом|управления по борьбе с терроризмом|управление оон|управления оон|ктуоон|ктуон|договор о координации|договора о координации|глобальный договор|глобального договора|единая оон|единой оон|структур оон|структуры оон|структурами оон|учреждений оон|подразделений оон|вспомогательн|1267|1540|группа по наблюдению|группы по наблюдению|дублир|интегрир|единый подход|единого подхода|синерги|системы оон|системе оон|система оон|системой оон|системы организации объединенных наций|глобальной контртеррористической стратегии|глобальная контртеррористическая стратегия|разделение труда|взаимодополня|единую платформу|единой платформ|контртеррористического центра оон
            D1.5: координац|координир|согласованн|слаженн|межучрежденческ
            D1: взаимодейств|исполнительного директората и|исполнительный директорат и|и исполнительного директората|оон$|организации объединенных наций|раздроблен|мандатов|структур
            P3: благодар|признател|поздрав|соболезнован|сочувств|осужда
            P2: позвольте остановиться|остановлюсь на|хотел бы остановиться|перейду к|в своем выступлении|коснусь|двадцатилет|два десятилетия|за последние двадцать|заложила основ|после принятия|была принята|продолжит|продолжим|будет и впредь|подтверждает приверженность|вновь заявля|подтверждаю|решительно осуждаем|господин председатель|госпожа председатель|уважаем|приветству|честь|брифинг|годовщин|двадцать лет назад|20 лет назад|краеугольн|историческ|веха|после терактов|жертв|спасибо|вновь подтвержда|подтверждаем приверженность|председательств|открытых дебатов|концептуальн|солидарност
            P1: 1373|десятилети|приверженност|варварск|чудовищн|бесчеловечн
            X2: не буду повторять|не стану повторять|не буду останавливаться|письменн|уже изложили|изложена в|подробно изложил|подробно изложена
            S2: в заключение|в завершение|прежде чем завершить|завершая|подводя итог|вернуться к|в заключении
            N2: введение|заключени|заключительные замечания|вместо заключения|итоги|вступлени
            """,
        ["zh"] = """
            A2: 亟需|急需|需要更多|繁重|迟缓|缓慢|滞后|耗时|挑战|困难|难点|难题|障碍|差距|不足|短板|缺乏|欠缺|薄弱|短缺|有限|难以|制约|瓶颈|漏洞|不够|尚未|仍然面临|仍面临|面临|匮乏|滞后|不到位|掣肘|短缺
            A0.5: 国内各部门|部门之间|各部门|国内机构
            A1: 小国|我国|需求|需要|能力|资源|压力|复杂|仍然|依然|落实|履约|执行中
            B2: 国际合作|技术援助|能力建设|最佳做法|良好做法|良好实践|最佳实践|培训|研讨|双边|区域合作|地区合作|伙伴|捐助|评估访问|联合调查|司法协助|引渡|信息共享|情报交流|分享|推广|援助|合作机制|受益|南南合作
            B1: 成功|工具|项目|经验|交流|合作|帮助|支持|国际刑警|毒品和犯罪问题办公室|备忘录|协议|协定|网络|有益|有效|成效|资金|专业
            C2: 安理会应|安理会应当|委员会应|委员会应当|反恐委员会应|反恐怖主义委员会应|执行局应|安理会可|委员会可|优先|重点|不断演变|演变|新威胁|新的威胁|新兴威胁|新挑战|新形势|新特点|适应|呼吁委员会|呼吁安理会|敦促|关注|重视|未来|今后|授权|标本兼治|聚焦|着力|加大|更加注重
            C1: 新技术|新兴技术|无人机|人工智能|虚拟资产|加密|种族|仇外|极右|根源
            C1: 应对
            C1: 应当|应该|必须|需要|呼吁|建议|威胁|制裁|安理会|委员会|预防暴力极端主义
            D2: 制裁委员会|专家组|架构|联合国反恐办公室|反恐办|反恐怖主义办公室|协调契约|全球反恐协调契约|契约|一个联合国|联合国各实体|联合国实体|各实体|附属机构|1267|1540|监测组|重复|整合|统一|一体化|协同|联合国系统|全球反恐战略|分工|互补|统一平台|联合国反恐中心|各机构
            D1.5: 协调|统筹|一致性|连贯|机构间
            D1: 执行局和|和执行局|实体|联合国|碎片化|任务授权
            P3: 感谢|谢谢|祝贺|哀悼|慰问|谴责
            P2: 我想首先谈谈|我想谈谈|谈几点看法|谈三点看法|谈几点|下面我|我的发言|二十年前|成立二十年|通过了第|愿同|愿与|一道|继续为|作出贡献|作出积极贡献|作出新的贡献|重申|奠定|同情|主席先生|主席女士|赞赏|荣幸|通报|周年|二十年前|20年前|里程碑|基石|遇难|受害者|重申|主席国|公开辩论|概念文件|声援|欢迎突尼斯|欢迎召开
            P1: 1373|多边主义|二十年来|承诺|令人发指|残暴|野蛮
            X2: 不再赘述|不再重复|不再展开|书面材料|书面意见|书面发言|已作了详细|已作详细|详细介绍
            S2: 最后|结束发言前|在结束发言|总之|综上所述|再回到|回到
            N2: 结语|结束语|导言|引言|总结|前言|开场白|结论
            """,
        ["ar"] = """
            A2: يحتاج الي|تحتاج الي|نحتاج الي|بطء|تاخير|يؤخر|طويله|بحاجه الي|تفتقر|التحديات|تحديات|تحديا|التحدي|صعوب|عقبه|عقبات|العقبات|ثغر|فجوه|فجوات|نقص|قصور|ضعف|محدودي|عدم كفايه|افتقار|يفتقر|نفتقر|يعيق|تعيق|يعرقل|تعرقل|عراقيل|مشكل|نواجه|تواجه|لا تزال|لا يزال|ما زال|ما زالت|لم تعد كافيه|عاجز|معوق|عوائق
            A0.5: الاجهزه الوطنيه|بين الاجهزه|اجهزتنا|المؤسسات الوطنيه
            A1: الدول الصغيره|بلادي|احتياج|حاجه|الحاجه|الموارد|موارد|قدرات|القدرات|عبء|مكلف|معقد|تنفيذ
            B2: التعاون الدولي|المساعده التقنيه|المساعده الفنيه|بناء القدرات|افضل الممارسات|الممارسات الجيده|الممارسات الفضلي|الممارسات الناجحه|الدروس المستفاده|تدريب|التدريب|ورش|ورشه|ثنائي|التعاون الاقليمي|شراك|المانح|زيارات التقييم|زياره التقييم|زياره تقييم|الزيارات التقييميه|التحقيقات المشترك|تحقيقات مشترك|المساعده القانونيه|تسليم المجرمين|تبادل المعلومات|تبادل الخبرات|تبادل التجارب|نشر|تعميم|المساعده|مساعده|استفدنا|استفادت
            B1: ناجح|نجاح|ادوات|الادوات|برامج|مشاريع|التعاون|تعاون|دعم|الدعم|الانتربول|مكتب الامم المتحده المعني بالمخدرات|مذكره|اتفاق|شبك|مفيد|فعال|فعاليه|قيم|تمويل المشاريع|خبر
            C2: ينبغي لمجلس الامن|ينبغي للمجلس|ينبغي للجنه|ينبغي علي المجلس|ينبغي علي اللجنه|يتعين علي مجلس|يتعين علي المجلس|يتعين علي اللجنه|علي مجلس الامن ان|علي اللجنه ان|يجب علي المجلس|يجب علي اللجنه|اولوي|الاولويه|المتطور|المتغير|المتحول|تطور التهديد|تطور الارهاب|التهديدات الجديده|التهديدات الناشئه|الناشئه|المستجده|تكييف|التكيف|يتكيف|ندعو اللجنه|ندعو المجلس|ندعو مجلس|نحث|اهتمام|اهتماما|مستقبل|المقبله|القادمه|الولايه|ولايه|التركيز علي|يركز|تعزيز استجابه
            C1: التكنولوجيات الجديده|التكنولوجيا الحديثه|التقنيات الحديثه|الطائرات المسيره|الطائرات بدون طيار|الذكاء الاصطناعي|الاصول الافتراضيه|العملات المشفره|المشفره|العنصري|العرقي|كراهيه الاجانب|الاسباب الجذريه|الظروف المواتيه
            C1: ينبغي|يجب|يتعين|لا بد|ندعو|نوصي|التهديد|تهديد|الجزاءات|العقوبات|مجلس الامن|اللجنه|الوقايه|منع التطرف
            D2: لجان الجزاءات|لجنه الجزاءات|افرقه الخبراء|فريق الخبراء|البنيه|بنيه|هيكل|الهيكل|مكتب الامم المتحده لمكافحه الارهاب|مكتب مكافحه الارهاب|الاتفاق العالمي|ميثاق|امم متحده واحده|كيانات الامم المتحده|الكيانات الامميه|كيانات|الهيئات الفرعيه|الاجهزه الفرعيه|1267|1540|فريق الرصد|ازدواجيه|الازدواجيه|تكرار|متكامل|موحد|موحده|منظومه الامم المتحده|المنظومه الامميه|المنظومه|الاستراتيجيه العالميه لمكافحه الارهاب|الاستراتيجيه العالميه|تكامل|التكامل|تقسيم العمل|منصه موحده|مركز الامم المتحده لمكافحه الارهاب
            D1.5: تنسيق|التنسيق|اتساق|الاتساق|تماسك|التماسك|بين الوكالات
            D1: المديريه التنفيذيه و|الامم المتحده|الاممي|الامميه|تجزئ|الولايات
            P3: شكر|اشكر|نشكر|الشكر|اهنئ|نهنئ|تهنئ|تعاز|تعزيه|ندين|ادانه|ادين
            P2: اود ان اتناول|ساتناول|اتطرق الي|في كلمتي|اسمحوا لي ان|عشرين عاما|العقدين|عقدين|منذ اعتماد|بعد اعتماد|اعتماد القرار|ارسي|ستواصل|سنواصل|تواصل بلادي|تجدد|نؤكد التزام|تؤكد التزام|بسم الله|مواساه|نرحب|ارحب|السيد الرئيس|السيده الرئيسه|معالي|سعاده|يشرفني|تقدير|امتنان|احاطه|احاطات|ضحايا|الذكري|ذكري|قبل عشرين عاما|حجر الزاويه|معلم|تاريخي|نؤكد مجددا|نجدد|رئاسه|المناقشه المفتوحه|المذكره المفاهيميه|الورقه المفاهيميه|تضامن|اشاد|نشيد
            P1: 1373|التزام|الالتزام|شنيع|جبان|وحشي
            X2: لن اكرر|لن نكرر|لا داعي لتكرار|مساهمه مكتوبه|المساهمه المكتوبه|مساهمتها المكتوبه|بالتفصيل|سبق لبلادي|سبق ان قدم|سبق وان قدم|لن اتطرق|لن اخوض
            S2: ختاما|في الختام|وختاما|قبل ان اختتم|قبل الختام|اختتم|اود ان اعود|العوده الي|خلاصه القول
            N2: الخاتمه|خاتمه|كلمه ختاميه|ملاحظات ختاميه|مقدمه|المقدمه|ختام|الختام|تمهيد
            """,
    };

    private static readonly Dictionary<string, IReadOnlyList<VocabularyTerm>> s_terms = s_source.ToDictionary(kv => kv.Key, kv => (IReadOnlyList<VocabularyTerm>)Parse(kv.Key, kv.Value), StringComparer.Ordinal);

    public static IReadOnlyCollection<string> Languages => s_terms.Keys;

    /// <summary>The terms of a language; English for an undetermined one, since English is the commonest working language.</summary>
    public static IReadOnlyList<VocabularyTerm> For(string language) =>
        s_terms.TryGetValue(language, out var terms) ? terms : s_terms["en"];

    /// <summary>Whether words of this language are separated by spaces, so terms can anchor at word starts.</summary>
    public static bool IsSpaced(string language) => language is not ("zh" or "ar");

    private static List<VocabularyTerm> Parse(string language, string source)
    {
        var terms = new List<VocabularyTerm>();
        foreach (var line in source.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            var cue = line[0] switch
            {
                'A' => Cue.A,
                'B' => Cue.B,
                'C' => Cue.C,
                'D' => Cue.D,
                'P' => Cue.Procedural,
                'X' => Cue.Deflection,
                'S' => Cue.Closing,
                'N' => Cue.NullHeading,
                _ => throw new FormatException($"Unknown cue in vocabulary line '{line}'."),
            };
            var weight = double.Parse(line[1..colon], System.Globalization.CultureInfo.InvariantCulture);
            foreach (var raw in line[(colon + 1)..].Split('|', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                terms.Add(new VocabularyTerm(Fold(language, raw), cue, weight));
            }
        }

        return terms;
    }

    /// <summary>Folds a term as the matcher sees text: padded words for spaced languages, bare n-grams otherwise.</summary>
    internal static string Fold(string language, string raw)
    {
        var whole = raw.EndsWith('$');
        var folded = TextNormalizer.Normalize(whole ? raw[..^1] : raw).Trim();
        return IsSpaced(language) ? " " + folded + (whole ? " " : "") : folded;
    }
}
