namespace ReportPipeline.Cli;

/// <summary>The embedded storage's folder is another command's, and this one may not use it: the one line the command ends with.</summary>
internal sealed class LocalStorageBusyException(string message) : InvalidOperationException(message);
