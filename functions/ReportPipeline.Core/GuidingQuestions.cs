namespace ReportPipeline.Core;

/// <summary>The four guiding questions, keyed a–d.</summary>
public static class GuidingQuestions
{
    public static IReadOnlyList<GuidingQuestion> All { get; } =
    [
        new(Question.A, "Challenges in implementation",
            "What challenges do Member States face in fulfilling their obligations under resolution 1373 (2001) and subsequent relevant resolutions?"),
        new(Question.B, "International cooperation and technical assistance",
            "How effective are international cooperation and technical assistance tools in helping Member States counter terrorism and violent extremism? "
            + "What best practices have been established, and how can they be better disseminated?"),
        new(Question.C, "Adapting the Council's response",
            "How can the Security Council, through its Counter-Terrorism Committee, strengthen and adapt its response to the evolving terrorist threat? "
            + "What are the main challenges, and which areas should be prioritized?"),
        new(Question.D, "An integrated UN architecture",
            "How can the current UN counter-terrorism architecture provide a unified, integrated further response to existing gaps and needs, "
            + "through coordination among subsidiary bodies and between the CTC and its Executive Directorate (CTED) and other UN entities?"),
    ];
}
