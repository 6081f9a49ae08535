package kb.corpus;

/**
 * A file (or, for JSON Lines, one line written {@code file:LINE}) that was not read, and why. {@code file} is
 * relative to the corpus directory with '/' separators; {@code reason} is one short plain line naming the problem.
 */
public record SkippedFile(String file, String reason) {}
