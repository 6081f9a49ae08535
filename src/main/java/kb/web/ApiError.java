package kb.web;

/** The body of every JSON API error: a stable machine-readable code and a plain message for people. */
public record ApiError(String error, String message) {}
