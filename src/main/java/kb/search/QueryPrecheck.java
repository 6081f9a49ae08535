package kb.search;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a typed query must pass before Lucene's parser sees it, and what to tell the person when the parser refuses
 * it anyway: unbalanced quotes, brackets and parentheses, too much nesting and dangling operators are named in plain
 * words rather than left to the parser's grammar errors.
 */
final class QueryPrecheck {
    private static final Pattern LEADING_WILDCARD = Pattern.compile("(^|[\\s(:+\\-])[*?]");
    static final String WILDCARD_FIRST =
            "A wildcard (* or ?) cannot start a word; put at least two letters before it, e.g. keta*.";
    private static final Pattern UNESCAPED_SLASH = Pattern.compile("(?<!\\\\)/");
    /** A '?' or '!' ending a word or standing alone ("What is (are) X ?"): punctuation, not syntax. */
    private static final Pattern END_PUNCTUATION = Pattern.compile("(?<=^|[\\s\\p{L}\\p{N})\"])[?!]+(?=[\\s)]|$)");

    private QueryPrecheck() {}

    /** Checks that give a clearer message than the parser would, and escapes what people type as plain text. */
    static String check(String raw) throws BadQueryException {
        String text = raw.strip();
        if (text.length() > UserQueryParser.MAX_QUERY_CHARS) {
            throw new BadQueryException("The query is too long (" + text.length() + " characters); the limit is "
                    + UserQueryParser.MAX_QUERY_CHARS + ".");
        }
        int quotes = 0;
        int brackets = 0;
        int depth = 0;
        int maxDepth = 0;
        boolean escaped = false;
        boolean inPhrase = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (escaped) {
                escaped = false;
                continue;
            }
            if (c == '\\') {
                escaped = true;
            } else if (c == '"') {
                quotes++;
                inPhrase = !inPhrase;
            } else if (!inPhrase && (c == '[' || c == '{')) {
                brackets++;
            } else if (!inPhrase && (c == ']' || c == '}')) {
                brackets--;
            } else if (!inPhrase && c == '(') {
                maxDepth = Math.max(maxDepth, ++depth);
            } else if (!inPhrase && c == ')') {
                if (--depth < 0) {
                    throw new BadQueryException("The query has a closing parenthesis \")\" without an opening one.");
                }
            }
        }
        if (quotes % 2 != 0) {
            throw new BadQueryException("The query has an unmatched double quote (\"). Close the phrase or remove the quote.");
        }
        if (brackets != 0) {
            throw new BadQueryException("The query has an unmatched square or curly bracket. Brackets are only for "
                    + "ranges like year:[2010 TO 2020]; remove them or put the text in quotes.");
        }
        if (depth > 0) {
            throw new BadQueryException("The query has an opening parenthesis \"(\" without a closing one.");
        }
        if (maxDepth > UserQueryParser.MAX_NESTING) {
            throw new BadQueryException("The query nests parentheses " + maxDepth + " deep; the limit is " + UserQueryParser.MAX_NESTING + ".");
        }
        String[] words = text.split("\\s+");
        // Operators are capitals; a lower-case "and" or "or" is a common word, dropped like "the".
        String first = words[0];
        String last = words[words.length - 1];
        if (first.equals("AND") || first.equals("OR")) {
            throw new BadQueryException("The query starts with " + first + ", which needs a word on each side.");
        }
        if (last.equals("AND") || last.equals("OR") || last.equals("NOT")) {
            throw new BadQueryException("The query ends with " + last + ", which needs a word after it.");
        }
        // '/' starts a regular expression in Lucene's syntax; people mean it as text ("mg/kg", "and/or").
        // A '?' or '!' ending a word ends a question or an exclamation, not a wildcard or an operator.
        return END_PUNCTUATION.matcher(UNESCAPED_SLASH.matcher(text).replaceAll("\\\\/"))
                .replaceAll(m -> Matcher.quoteReplacement(m.group().replaceAll("(.)", "\\\\$1")));
    }

    /** A plain message for a query that passed {@link #check} but that the parser still refused. */
    static String explain(String text) {
        if (LEADING_WILDCARD.matcher(text).find()) {
            return WILDCARD_FIRST;
        }
        if (text.matches(".*[\\[\\]{}].*")) {
            return "The query has square or curly brackets that do not form a range like year:[2010 TO 2020]. "
                    + "Remove them or put the text in quotes.";
        }
        return "The query could not be understood. Check that AND, OR and NOT have a word on each side, and that "
                + "quotes and brackets are balanced.";
    }
}
