namespace ReportPipeline.Core;

/// <summary>One of the four guiding questions of paragraph 9 of the concept note.</summary>
public sealed record GuidingQuestion(char Key, string Title, string Text);

/// <summary>The four guiding questions, keyed a–d.</summary>
public static class GuidingQuestions
{
    public static IReadOnlyList<GuidingQuestion> All { get; } =
    [
        new('a', "Challenges in implementation",
            "What challenges do Member States face in fulfilling their obligations under resolution 1373 (2001) and subsequent relevant resolutions?"),
        new('b', "International cooperation and technical assistance",
            "How effective are international cooperation and technical assistance tools in helping Member States counter terrorism and violent extremism? What best practices have been established, and how can they be better disseminated?"),
        new('c', "Adapting the Council's response",
            "How can the Security Council, through its Counter-Terrorism Committee, strengthen and adapt its response to the evolving terrorist threat? What are the main challenges, and which areas should be prioritized?"),
        new('d', "An integrated UN architecture",
            "How can the current UN counter-terrorism architecture provide a unified, integrated further response to existing gaps and needs, through coordination among subsidiary bodies and between the CTC and its Executive Directorate (CTED) and other UN entities?"),
    ];

    public static IReadOnlyList<char> Keys { get; } = ['a', 'b', 'c', 'd'];

    public static GuidingQuestion Get(char key) =>
        All.FirstOrDefault(q => q.Key == key) ?? throw new ArgumentOutOfRangeException(nameof(key), key, "Questions are a to d.");
}
