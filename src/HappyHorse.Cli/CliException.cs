namespace HappyHorse.Cli;

/// <summary>Input the CLI refuses before sending anything (exit code 2).</summary>
internal sealed class CliInputException(string message) : Exception(message);

/// <summary>A video URL did not serve the video (exit code 5).</summary>
internal sealed class DownloadFailedException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>A success answer that lacks what the contract promises, such as a task id (exit code 3).</summary>
internal sealed class UnexpectedResponseException(string message) : Exception(message);
