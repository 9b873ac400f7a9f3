using System.Globalization;
using System.IO.Compression;
using System.Net;
using System.Text;
using ReportPipeline.Local;

namespace ReportPipeline.Cli.Soak;

/// <summary>
/// The files the soak uploads, made here from a random source: short statements answering the four guiding questions in
/// the six UN languages, written as text, Markdown, HTML, Word and PDF; scans (a PDF page that is one picture, a bitmap)
/// that only OCR can read; and files that must be refused. Every statement carries a reference of its own, so no two
/// uploads share their bytes unless the soak resubmits one on purpose.
/// </summary>
internal static class SoakFiles
{
    /// <summary>Opening line, then two ways of answering each question (a)–(d), per language.</summary>
    private static readonly Dictionary<string, (string Title, string[][] Answers)> s_statements = new(StringComparer.Ordinal)
    {
        ["en"] = ("Statement of {0} to the Counter-Terrorism Committee on the implementation of resolution 1373 (2001)",
        [
            ["(a) Our main challenge is the supervision of money remittance services, which are still used to move small sums to terrorist groups.",
                "(a) The greatest difficulty we face is the control of our long land border, where our agencies lack equipment and trained staff."],
            ["(b) Technical assistance from the Executive Directorate helped us draft new legislation on the financing of terrorism.",
                "(b) International cooperation through mutual legal assistance has been effective, although requests still take many months."],
            ["(c) The Committee could focus its visits on the recommendations that States themselves have set as priorities.",
                "(c) We ask the Committee to share good practices on the use of biometric data at borders with full respect for human rights."],
            ["(d) The United Nations counter-terrorism architecture should avoid duplication between its entities and coordinate its assistance.",
                "(d) Closer coordination between the Executive Directorate and the Office of Counter-Terrorism would make assistance more coherent."],
        ]),
        ["fr"] = ("Déclaration de {0} au Comité contre le terrorisme sur la mise en œuvre de la résolution 1373 (2001)",
        [
            ["a) Notre principal défi est le contrôle des services de transfert de fonds, encore utilisés pour financer des groupes terroristes.",
                "a) La plus grande difficulté tient au contrôle de nos frontières terrestres, faute d'équipements et de personnel formé."],
            ["b) L'assistance technique de la Direction exécutive nous a aidés à rédiger une nouvelle loi sur le financement du terrorisme.",
                "b) La coopération internationale par l'entraide judiciaire a été efficace, même si les demandes prennent encore des mois."],
            ["c) Le Comité pourrait centrer ses visites sur les recommandations que les États ont eux-mêmes jugées prioritaires.",
                "c) Nous demandons au Comité de partager les bonnes pratiques relatives aux données biométriques, dans le respect des droits de l'homme."],
            ["d) L'architecture antiterroriste des Nations Unies devrait éviter les doublons entre ses entités et coordonner son assistance.",
                "d) Une coordination plus étroite entre la Direction exécutive et le Bureau de lutte contre le terrorisme rendrait l'assistance plus cohérente."],
        ]),
        ["es"] = ("Declaración de {0} ante el Comité contra el Terrorismo sobre la aplicación de la resolución 1373 (2001)",
        [
            ["a) Nuestro principal reto es la supervisión de los servicios de remesas, que aún se usan para financiar a grupos terroristas.",
                "a) La mayor dificultad es el control de nuestra frontera terrestre, donde faltan equipos y personal capacitado."],
            ["b) La asistencia técnica de la Dirección Ejecutiva nos ayudó a redactar una nueva ley sobre la financiación del terrorismo.",
                "b) La cooperación internacional mediante la asistencia judicial recíproca ha sido eficaz, aunque las solicitudes tardan meses."],
            ["c) El Comité podría centrar sus visitas en las recomendaciones que los propios Estados han fijado como prioritarias.",
                "c) Pedimos al Comité que comparta buenas prácticas sobre el uso de datos biométricos con pleno respeto de los derechos humanos."],
            ["d) La arquitectura antiterrorista de las Naciones Unidas debería evitar la duplicación entre sus entidades y coordinar su asistencia.",
                "d) Una coordinación más estrecha entre la Dirección Ejecutiva y la Oficina de Lucha contra el Terrorismo haría la asistencia más coherente."],
        ]),
        ["ru"] = ("Выступление {0} в Контртеррористическом комитете об осуществлении резолюции 1373 (2001)",
        [
            ["a) Главная трудность для нас состоит в надзоре за системами денежных переводов, которые используются для финансирования терроризма.",
                "a) Основная проблема заключается в охране сухопутной границы: нашим ведомствам не хватает оборудования и подготовленных кадров."],
            ["b) Техническая помощь Исполнительного директората помогла нам подготовить новый закон о противодействии финансированию терроризма.",
                "b) Международное сотрудничество в форме взаимной правовой помощи было эффективным, хотя запросы по-прежнему рассматриваются месяцами."],
            ["c) Комитету следует сосредоточить свои визиты на рекомендациях, которые государства сами определили как приоритетные.",
                "c) Мы просим Комитет распространять передовой опыт использования биометрических данных при полном соблюдении прав человека."],
            ["d) Контртеррористической архитектуре Организации Объединенных Наций следует избегать дублирования и координировать помощь.",
                "d) Более тесная координация между Исполнительным директоратом и Контртеррористическим управлением сделала бы помощь согласованнее."],
        ]),
        ["ar"] = ("بيان {0} أمام لجنة مكافحة الإرهاب بشأن تنفيذ القرار 1373 (2001)",
        [
            ["(أ) يتمثل التحدي الرئيسي في الرقابة على خدمات تحويل الأموال التي لا تزال تستخدم لتمويل الجماعات الإرهابية.",
                "(أ) تكمن الصعوبة الكبرى في مراقبة حدودنا البرية، إذ تفتقر أجهزتنا إلى المعدات والموظفين المدربين."],
            ["(ب) ساعدتنا المساعدة التقنية المقدمة من المديرية التنفيذية على صياغة قانون جديد بشأن تمويل الإرهاب.",
                "(ب) كان التعاون الدولي عن طريق المساعدة القانونية المتبادلة فعالا، وإن كانت الطلبات لا تزال تستغرق شهورا."],
            ["(ج) يمكن للجنة أن تركز زياراتها على التوصيات التي حددتها الدول نفسها بوصفها أولويات.",
                "(ج) نطلب من اللجنة تبادل الممارسات الجيدة في استخدام البيانات البيومترية مع الاحترام الكامل لحقوق الإنسان."],
            ["(د) ينبغي لهيكل الأمم المتحدة لمكافحة الإرهاب أن يتجنب الازدواجية بين كياناته وأن ينسق مساعدته.",
                "(د) من شأن التنسيق الأوثق بين المديرية التنفيذية ومكتب مكافحة الإرهاب أن يجعل المساعدة أكثر اتساقا."],
        ]),
        ["zh"] = ("{0}在反恐怖主义委员会关于第1373(2001)号决议执行情况的发言",
        [
            ["(a) 我们面临的主要挑战是对汇款服务的监管，这些服务仍被用来为恐怖团体转移资金。",
                "(a) 最大的困难在于管控陆地边境，我们的机构缺乏设备和训练有素的人员。"],
            ["(b) 执行局提供的技术援助帮助我们起草了关于恐怖主义融资的新法律。",
                "(b) 通过司法协助开展的国际合作是有效的，但请求仍需数月才能办理。"],
            ["(c) 委员会可以将访问重点放在各国自己确定为优先事项的建议上。",
                "(c) 我们请委员会在充分尊重人权的前提下分享在边境使用生物识别数据的良好做法。"],
            ["(d) 联合国反恐架构应避免其各实体之间的重复，并协调其援助。",
                "(d) 执行局与反恐怖主义办公室之间更密切的协调将使援助更加一致。"],
        ]),
    };

    /// <summary>The languages a statement may be in; a PDF's text is Latin-1 (the standard fonts), so only the first three.</summary>
    public static IReadOnlyList<string> Languages { get; } = ["en", "fr", "es", "ru", "ar", "zh"];

    public static IReadOnlyList<string> PdfLanguages { get; } = ["en", "fr", "es"];

    /// <summary>A statement's title and paragraphs: answers to most of the four questions, and a reference line of its own.</summary>
    public static (string Title, IReadOnlyList<string> Paragraphs) Statement(Random random, string state, string language)
    {
        var (title, answers) = s_statements[language];
        var paragraphs = new List<string>();
        foreach (var variants in answers)
        {
            // Now and then a question goes unanswered, as in real statements.
            if (random.Next(10) > 0)
            {
                paragraphs.Add(variants[random.Next(variants.Length)]);
            }
        }

        paragraphs.Add($"Ref. {state}/{random.Next(100_000, 999_999).ToString(CultureInfo.InvariantCulture)}-{Convert.ToHexStringLower(RandomBytes(random, 4))}");
        return (string.Format(CultureInfo.InvariantCulture, title, state), paragraphs);
    }

    public static byte[] Text(string title, IReadOnlyList<string> paragraphs) => Encoding.UTF8.GetBytes(string.Join("\n\n", [title, .. paragraphs]) + "\n");

    public static byte[] Markdown(string title, IReadOnlyList<string> paragraphs) => Encoding.UTF8.GetBytes($"# {title}\n\n{string.Join("\n\n", paragraphs)}\n");

    public static byte[] Html(string title, IReadOnlyList<string> paragraphs, string language)
    {
        var html = new StringBuilder($"<!DOCTYPE html>\n<html lang=\"{language}\"><head><meta charset=\"utf-8\"><title>{WebUtility.HtmlEncode(title)}</title></head><body>\n");
        html.Append(CultureInfo.InvariantCulture, $"<h1>{WebUtility.HtmlEncode(title)}</h1>\n");
        foreach (var paragraph in paragraphs)
        {
            html.Append(CultureInfo.InvariantCulture, $"<p>{WebUtility.HtmlEncode(paragraph)}</p>\n");
        }

        return Encoding.UTF8.GetBytes(html.Append("</body></html>\n").ToString());
    }

    /// <summary>A Word document: the three parts a package needs, one paragraph per paragraph.</summary>
    public static byte[] Docx(string title, IReadOnlyList<string> paragraphs)
    {
        var body = string.Concat(((IEnumerable<string>)[title, .. paragraphs])
            .Select(p => $"<w:p><w:r><w:t xml:space=\"preserve\">{WebUtility.HtmlEncode(p)}</w:t></w:r></w:p>"));
        return Zip(
            ("[Content_Types].xml", """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
                  <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
                  <Default Extension="xml" ContentType="application/xml"/>
                  <Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
                </Types>
                """),
            ("_rels/.rels", """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
                  <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>
                </Relationships>
                """),
            ("word/document.xml", $"""
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>{body}</w:body></w:document>
                """));
    }

    /// <summary>A born-digital PDF: one page of Helvetica text, lines wrapped at about 90 characters.</summary>
    public static byte[] Pdf(string title, IReadOnlyList<string> paragraphs)
    {
        var content = new StringBuilder("BT /F1 10 Tf 14 TL 50 790 Td\n");
        foreach (var paragraph in (IEnumerable<string>)[title, .. paragraphs])
        {
            foreach (var line in Wrap(paragraph, 90))
            {
                content.Append(PdfWriter.Literal(line)).Append(" '\n");
            }

            content.Append("() '\n");
        }

        var pdf = new PdfWriter();
        var font = pdf.Add("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>");
        return OnePage(pdf, $"/Font << /F1 {font} 0 R >>", Encoding.Latin1.GetBytes(content.Append("ET").ToString()));
    }

    /// <summary>A scanned page: a PDF whose one page is a picture and has no text layer.</summary>
    public static byte[] ScannedPdf(Random random)
    {
        const int Side = 32;
        var pdf = new PdfWriter();
        var image = pdf.AddStream($"/Type /XObject /Subtype /Image /Width {Side} /Height {Side} /ColorSpace /DeviceGray /BitsPerComponent 8", RandomBytes(random, Side * Side));
        return OnePage(pdf, $"/XObject << /Im1 {image} 0 R >>", "q 595 0 0 842 0 0 cm /Im1 Do Q"u8.ToArray());
    }

    /// <summary>A photographed page: a 24-bit bitmap of noise.</summary>
    public static byte[] Bitmap(Random random)
    {
        const int Width = 32, Height = 32;
        var pixels = RandomBytes(random, Width * Height * 3);
        var file = new byte[54 + pixels.Length];
        "BM"u8.CopyTo(file);
        BitConverter.TryWriteBytes(file.AsSpan(2), file.Length);
        BitConverter.TryWriteBytes(file.AsSpan(10), 54);
        BitConverter.TryWriteBytes(file.AsSpan(14), 40);
        BitConverter.TryWriteBytes(file.AsSpan(18), Width);
        BitConverter.TryWriteBytes(file.AsSpan(22), Height);
        BitConverter.TryWriteBytes(file.AsSpan(26), (short)1);
        BitConverter.TryWriteBytes(file.AsSpan(28), (short)24);
        BitConverter.TryWriteBytes(file.AsSpan(34), pixels.Length);
        pixels.CopyTo(file, 54);
        return file;
    }

    /// <summary>A PDF header and then noise: no object can be read.</summary>
    public static byte[] CorruptPdf(Random random) => [.. "%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n"u8, .. RandomBytes(random, 2048)];

    /// <summary>A zip that is no Word document: a spreadsheet export someone zipped.</summary>
    public static byte[] UnsupportedZip(Random random) =>
        Zip(("figures.csv", "year,cases\n" + string.Join('\n', Enumerable.Range(2015, 10).Select(y => $"{y},{random.Next(1000)}"))));

    /// <summary>Plain text just over <paramref name="limit"/> bytes.</summary>
    public static byte[] TooLarge(Random random, long limit)
    {
        var bytes = new byte[limit + random.Next(1, 4096)];
        for (var i = 0; i < bytes.Length; i++)
        {
            bytes[i] = i % 80 == 79 ? (byte)'\n' : (byte)('a' + (i % 26));
        }

        return bytes;
    }

    private static byte[] RandomBytes(Random random, int count)
    {
        var bytes = new byte[count];
        random.NextBytes(bytes);
        return bytes;
    }

    private static IEnumerable<string> Wrap(string text, int width)
    {
        var line = new StringBuilder();
        foreach (var word in text.Split(' '))
        {
            if (line.Length > 0 && line.Length + word.Length + 1 > width)
            {
                yield return line.ToString();
                line.Clear();
            }

            line.Append(line.Length > 0 ? " " : "").Append(word);
        }

        yield return line.ToString();
    }

    /// <summary>An A4 page drawn by <paramref name="content"/> with <paramref name="resources"/>, as the whole document.</summary>
    private static byte[] OnePage(PdfWriter pdf, string resources, byte[] content)
    {
        var catalog = pdf.Reserve();
        var pages = pdf.Reserve();
        var contents = pdf.AddStream("", content);
        var page = pdf.Add($"<< /Type /Page /Parent {pages} 0 R /MediaBox [0 0 595 842] /Resources << {resources} >> /Contents {contents} 0 R >>");
        pdf.Set(pages, $"<< /Type /Pages /Kids [{page} 0 R] /Count 1 >>");
        pdf.Set(catalog, $"<< /Type /Catalog /Pages {pages} 0 R >>");
        return pdf.Build(catalog);
    }

    private static byte[] Zip(params (string Name, string Content)[] entries)
    {
        using var output = new MemoryStream();
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content) in entries)
            {
                using var entry = zip.CreateEntry(name).Open();
                entry.Write(Encoding.UTF8.GetBytes(content));
            }
        }

        return output.ToArray();
    }
}
