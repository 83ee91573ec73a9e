namespace Bot.Knowledge.Documents;

/// <summary>A knowledge file that cannot be read as an article; the message says why, for the log.</summary>
public sealed class KnowledgeFormatException(string message) : Exception(message);
