package kb.web;

/**
 * The rule for the admin token: unset or blank turns the admin endpoint off; otherwise, after trimming, it must be at
 * least {@value #MIN_LENGTH} characters: 24 random hexadecimal digits are 96 bits, out of reach of guessing at the
 * {@link LoginThrottle}'s ten tries a minute per address.
 */
public final class AdminToken {
    public static final int MIN_LENGTH = 24;

    private AdminToken() {}

    /**
     * The token to use (trimmed), or null when none is set; a token that is too short is refused with a plain
     * message saying how to make a good one, and the token itself is never repeated in it.
     */
    public static String check(String token) {
        if (token == null || token.isBlank()) {
            return null;
        }
        String trimmed = token.strip();
        if (trimmed.length() < MIN_LENGTH) {
            int n = trimmed.length();
            throw new IllegalArgumentException("the admin token is too short: it has " + n
                    + (n == 1 ? " character" : " characters") + " and needs at least " + MIN_LENGTH
                    + ". Make a random one with: openssl rand -hex 32");
        }
        return trimmed;
    }
}
